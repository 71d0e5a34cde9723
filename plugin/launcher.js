#!/usr/bin/env node
// The provider plugin in this package, started by the launchers beside it (`pulumi-resource-tencentcloud-purge`
// and its `.cmd`, which find Node.js first) and by the package's `bin` entry. The plugin is this package's
// compiled JavaScript, run by the Node.js that runs this file. It finds the compiled plugin in this package
// (`bin/`), or in the package installed next to this folder.
"use strict";
require("./requireNode20");
const fs = require("fs");
const path = require("path");

const candidates = [
    path.join(__dirname, "..", "bin", "provider", "plugin", "main.js"),
    path.join(__dirname, "node_modules", "pulumi-tencentcloud-purge", "bin", "provider", "plugin", "main.js"),
];
const found = candidates.find((c) => fs.existsSync(c));
if (!found) {
    process.stderr.write(`pulumi-resource-tencentcloud-purge: the compiled plugin was not found in ${candidates.join(" or ")}; ` +
        `run "npm run build" in the package\n`);
    process.exit(1);
}
require(found).main();
