// The provider plugin in a release archive, started by the launchers beside it (`pulumi-resource-tencentcloud-purge`
// and, on Windows, its `.cmd`: the npm package's own, which find Node.js on PATH first): it loads the bundled
// plugin beside it with Node.js (20 or newer). The bundle is compiled once per build and Node.js
// version and the compiled code kept in the user's cache folder, because the engine starts the plugin for every
// preview and update and compiling the bundle is most of a start; a cache V8 refuses (another V8 flag set) only
// means the bundle is compiled from its source as usual.
"use strict";
require("./requireNode20");
const fs = require("fs");
const os = require("os");
const path = require("path");
const vm = require("vm");
const Module = require("module");

const bundle = path.join(__dirname, "pulumi-resource-tencentcloud-purge.js");
const cacheRoot = process.env.XDG_CACHE_HOME || (process.platform === "win32" ? process.env.LOCALAPPDATA : undefined) ||
    path.join(os.homedir(), ".cache");
// One cache per build of the bundle (its version, size and time) and Node.js. V8 itself only checks that the
// source has the length the cache was made from, so a cache must never be offered to another build.
let version = "dev";
try {
    version = JSON.parse(fs.readFileSync(path.join(__dirname, "pulumi-plugin.json"), "utf8")).version;
} catch {
    // no metadata beside the launcher: the size and time still tell builds apart
}
const stat = fs.statSync(bundle);
const cacheDir = path.join(cacheRoot, "pulumi-tencentcloud-purge");
const cachePrefix = `plugin-v${version}-node${process.version}-${process.arch}-`;
const cacheFile = path.join(cacheDir, `${cachePrefix}${stat.size}-${Math.floor(stat.mtimeMs)}.v8cache`);

let cachedData;
try {
    cachedData = fs.readFileSync(cacheFile);
} catch {
    cachedData = undefined; // the first start with this Node.js: compiled from source, cached below
}
const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, "utf8")), { filename: bundle, cachedData });
const mod = new Module(bundle, module);
mod.filename = bundle;
mod.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, __dirname);
mod.exports.main();

if (cachedData === undefined || script.cachedDataRejected) {
    // After the start, so that the code the start compiled is in the cache; never fatal: only the next start is slower.
    setImmediate(() => {
        try {
            fs.mkdirSync(cacheDir, { recursive: true });
            const partial = `${cacheFile}.${process.pid}.tmp`;
            fs.writeFileSync(partial, script.createCachedData());
            fs.renameSync(partial, cacheFile);
            // The caches of earlier builds of this version (a developer's rebuilds) are of no more use.
            for (const f of fs.readdirSync(cacheDir)) {
                if (f.startsWith(cachePrefix) && f.endsWith(".v8cache") && path.join(cacheDir, f) !== cacheFile) {
                    fs.rmSync(path.join(cacheDir, f), { force: true });
                }
            }
        } catch {
            // a read-only or missing home folder: start without a cache next time too
        }
    });
}
