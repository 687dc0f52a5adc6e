#!/usr/bin/env node
import "../dist/bin/tributary-broker.js";
