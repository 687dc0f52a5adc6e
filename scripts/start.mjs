#!/usr/bin/env node
// Starts the local cluster. The controller and broker processes are not built yet; until they
// are, this says so plainly instead of pretending to run something.
console.log("Tributary: the local cluster (3 controllers + 3 brokers) is not available yet.");
console.log("What exists today is listed under \"What runs today\" in README.md.");
