#!/usr/bin/env node
import "../dist/bin/tributary-controller.js";
