/**
 * The layers `provider/README.md` draws, checked on the real imports: a file of `provider/` imports only from its
 * own layer or the ones below it; in `provider/`, `emulator/` and `bench/` the core imports no product and a
 * product's folder imports no other product; and nothing outside `tests/` imports from `tests/`. Imports are read
 * with the TypeScript scanner (`ts.preProcessFile`: import and export declarations, `require` and `import()` calls,
 * not comments).
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.join(__dirname, "..", "..");

/** The products' folders: each on the core below it, and on no other product. */
export const PRODUCT_FOLDERS: readonly string[] = ["cdn/", "edgeone/"];

/** `provider/`'s layers, bottom to top: a prefix of a path inside `provider/` (a folder with "/", or a file). */
export const LAYERS: readonly (readonly [name: string, prefixes: readonly string[]])[] = [
    ["base", ["base/"]],
    ["description", ["description/"]],
    ["client", ["client/"]],
    ["wait", ["wait/"]],
    ["engine", ["engine/"]],
    ["resources", ["resources/"]],
    ["products", PRODUCT_FOLDERS],
    ["registry", ["products.ts"]],
    ["host", ["host.ts"]],
    ["plugin", ["plugin/"]],
];

/** The folders outside `tests/` whose code must not import from it. */
const OUTSIDE_TESTS = ["provider", "sdk", "emulator", "scripts", "bench", "examples", "plugin"];

/** One import: repository-relative paths of the importing file and of the file it resolves to. */
export interface Import {
    readonly from: string;
    readonly to: string;
}

/** The layer index of a repository-relative path inside `provider/`, or undefined (outside it, or in no layer). */
export function layerOf(file: string): number | undefined {
    if (!file.startsWith("provider/")) {
        return undefined;
    }
    const inside = file.slice("provider/".length);
    const i = LAYERS.findIndex(([, prefixes]) => prefixes.some((p) => (p.endsWith("/") ? inside.startsWith(p) : inside === p)));
    return i < 0 ? undefined : i;
}

/** The product folder a repository-relative path is in, or undefined. */
function productOf(file: string): string | undefined {
    return PRODUCT_FOLDERS.find((p) => file.startsWith(`provider/${p}`));
}

/** Every import that breaks a rule, with why. */
export function violations(imports: readonly Import[]): string[] {
    const found: string[] = [];
    for (const { from, to } of imports) {
        const [a, b] = [layerOf(from), layerOf(to)];
        if (a !== undefined && b !== undefined && b > a) {
            found.push(`${from} (${LAYERS[a][0]}) imports ${to} (${LAYERS[b][0]}), a higher layer`);
        }
        const [p, q] = [productOf(from), productOf(to)];
        if (p !== undefined && q !== undefined && p !== q) {
            found.push(`${from} (${p}) imports ${to}, another product's`);
        }
        if (!from.startsWith("tests/") && to.startsWith("tests/")) {
            found.push(`${from} imports ${to}, a test file`);
        }
    }
    return found;
}

/** Every .ts and .js file below `dir` (repository-relative), leaving out node_modules and build output. */
function sourceFiles(dir: string): string[] {
    const abs = path.join(ROOT, dir);
    if (!fs.existsSync(abs)) {
        return [];
    }
    return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
        const rel = `${dir}/${e.name}`;
        if (e.isDirectory()) {
            return e.name === "node_modules" || e.name === "bin" || e.name.startsWith(".") ? [] : sourceFiles(rel);
        }
        return /\.(ts|js)$/.test(e.name) || (dir === "plugin" && !e.name.includes(".")) ? [rel] : [];
    });
}

/** The repository file a relative specifier of `from` resolves to, or undefined (a package, or nothing there). */
function resolve(from: string, specifier: string): string | undefined {
    if (!specifier.startsWith(".")) {
        return undefined;
    }
    const base = path.resolve(path.dirname(path.join(ROOT, from)), specifier);
    const hit = ["", ".ts", ".js", "/index.ts", "/index.js"].map((ext) => base + ext).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    return hit && path.relative(ROOT, hit).split(path.sep).join("/");
}

/** The imports of every file below `dirs` that resolve to a file of this repository. */
function importsOf(dirs: readonly string[]): Import[] {
    return dirs.flatMap(sourceFiles).flatMap((from) =>
        ts.preProcessFile(fs.readFileSync(path.join(ROOT, from), "utf8"), true, true).importedFiles
            .map((f) => resolve(from, f.fileName))
            .filter((to): to is string => to !== undefined)
            .map((to) => ({ from, to })));
}

describe("layers", () => {
    const provider = importsOf(["provider"]);

    it("reads the imports of provider/", () => {
        assert.ok(provider.length > 100, `only ${provider.length} imports read`);
    });

    it("gives every file of provider/ a layer", () => {
        assert.deepStrictEqual(sourceFiles("provider").filter((f) => layerOf(f) === undefined), []);
    });

    it("has no import from a lower layer of provider/ to a higher one", () => {
        assert.deepStrictEqual(violations(provider), []);
    });

    it("has nothing outside tests/ importing from tests/", () => {
        const outside = importsOf(OUTSIDE_TESTS);
        assert.ok(outside.some((i) => i.from.startsWith("bench/")), "bench/ was read");
        assert.deepStrictEqual(violations(outside), []);
    });

    describe("the check itself", () => {
        it("fails on an import from a lower layer to a higher one", () => {
            assert.deepStrictEqual(violations([
                { from: "provider/base/clock.ts", to: "provider/client/apiCaller.ts" },
                { from: "provider/wait/waitLoop.ts", to: "provider/resources/waits.ts" },
                { from: "provider/resources/waits.ts", to: "provider/host.ts" },
            ]), [
                "provider/base/clock.ts (base) imports provider/client/apiCaller.ts (client), a higher layer",
                "provider/wait/waitLoop.ts (wait) imports provider/resources/waits.ts (resources), a higher layer",
                "provider/resources/waits.ts (resources) imports provider/host.ts (host), a higher layer",
            ]);
        });

        it("fails on the core importing a product, and on a product importing another", () => {
            assert.deepStrictEqual(violations([
                { from: "provider/wait/coalescingPoller.ts", to: "provider/cdn/records.ts" },
                { from: "provider/resources/purgeLifecycle.ts", to: "provider/edgeone/types.ts" },
                { from: "provider/edgeone/jobReader.ts", to: "provider/cdn/recordsOfTasks.ts" },
            ]), [
                "provider/wait/coalescingPoller.ts (wait) imports provider/cdn/records.ts (products), a higher layer",
                "provider/resources/purgeLifecycle.ts (resources) imports provider/edgeone/types.ts (products), a higher layer",
                "provider/edgeone/jobReader.ts (edgeone/) imports provider/cdn/recordsOfTasks.ts, another product's",
            ]);
        });

        it("passes an import within a layer or downwards", () => {
            assert.deepStrictEqual(violations([
                { from: "provider/cdn/getPurgeTasksQuery.ts", to: "provider/description/index.ts" },
                { from: "provider/plugin/providerService.ts", to: "provider/host.ts" },
                { from: "provider/cdn/client.ts", to: "provider/client/apiCaller.ts" },
                { from: "provider/products.ts", to: "provider/edgeone/description.ts" },
                { from: "sdk/index.ts", to: "provider/host.ts" },
            ]), []);
        });

        it("fails on an import of tests/ from outside it, and not from inside", () => {
            assert.deepStrictEqual(violations([
                { from: "bench/cdn/runSim.ts", to: "tests/support/fakeTiming.ts" },
                { from: "provider/base/clock.ts", to: "tests/support/ci.ts" },
                { from: "tests/unit/waitLoop.spec.ts", to: "tests/support/fakeTiming.ts" },
            ]), [
                "bench/cdn/runSim.ts imports tests/support/fakeTiming.ts, a test file",
                "provider/base/clock.ts imports tests/support/ci.ts, a test file",
            ]);
        });

        it("places files by their folder", () => {
            assert.deepStrictEqual(
                ["provider/base/clock.ts", "provider/description/property.ts", "provider/cdn/client.ts", "provider/edgeone/types.ts",
                    "provider/products.ts", "provider/host.ts", "provider/plugin/main.ts", "provider/other/x.ts", "sdk/index.ts"].map(layerOf),
                [0, 1, 6, 6, 7, 8, 9, undefined, undefined]);
        });
    });
});

/**
 * `emulator/`'s parts: the core at its top level, one folder per product, and the files that wire the products
 * to the core (the registry, the emulator's start, and the entry points and public index above it).
 */
export const EMULATOR_WIRING: readonly string[] = ["index.ts", "products.ts", "server.ts", "cli.ts", "process.ts"];

/** The part of `emulator/` a repository-relative path belongs to: "core", "wiring", a product folder's name, or undefined outside. */
export function emulatorPartOf(file: string): string | undefined {
    if (!file.startsWith("emulator/")) {
        return undefined;
    }
    const inside = file.slice("emulator/".length);
    const slash = inside.indexOf("/");
    return slash >= 0 ? inside.slice(0, slash) : EMULATOR_WIRING.includes(inside) ? "wiring" : "core";
}

/**
 * Every import inside a folder split into a core, products and wiring that breaks the split: the core imports only
 * the core, a product the core and itself; the wiring anything. `partOf` places a file ("core", "wiring", a product).
 */
export function splitViolations(imports: readonly Import[], partOf: (file: string) => string | undefined): string[] {
    return imports.flatMap(({ from, to }) => {
        const [a, b] = [partOf(from), partOf(to)];
        if (a === undefined || b === undefined || a === "wiring" || b === "core" || a === b) {
            return [];
        }
        return [`${from} (${a}) imports ${to} (${b})${a === "core" ? ", above the core" : ", another part than its own"}`];
    });
}

/** Every import inside `emulator/` that breaks its split. */
export function emulatorViolations(imports: readonly Import[]): string[] {
    return splitViolations(imports, emulatorPartOf);
}

describe("emulator layers", () => {
    const emulator = importsOf(["emulator"]);

    it("reads the imports of emulator/ and finds its products", () => {
        assert.ok(emulator.length > 50, `only ${emulator.length} imports read`);
        const parts = new Set(sourceFiles("emulator").map(emulatorPartOf));
        assert.deepStrictEqual([...parts].sort(), ["cdn", "core", "edgeone", "wiring"]);
        assert.ok(EMULATOR_WIRING.every((f) => fs.existsSync(path.join(ROOT, "emulator", f))), "every wiring file exists");
    });

    it("has no core file importing a product or the wiring, and no product importing another", () => {
        assert.deepStrictEqual(emulatorViolations(emulator), []);
    });

    describe("the check itself", () => {
        it("fails on the core importing a product or the wiring, and on a product importing another or the wiring", () => {
            assert.deepStrictEqual(emulatorViolations([
                { from: "emulator/handler.ts", to: "emulator/cdn/actions.ts" },
                { from: "emulator/faultResponse.ts", to: "emulator/edgeone/product.ts" },
                { from: "emulator/httpServer.ts", to: "emulator/products.ts" },
                { from: "emulator/edgeone/actions.ts", to: "emulator/cdn/params.ts" },
                { from: "emulator/cdn/product.ts", to: "emulator/server.ts" },
            ]), [
                "emulator/handler.ts (core) imports emulator/cdn/actions.ts (cdn), above the core",
                "emulator/faultResponse.ts (core) imports emulator/edgeone/product.ts (edgeone), above the core",
                "emulator/httpServer.ts (core) imports emulator/products.ts (wiring), above the core",
                "emulator/edgeone/actions.ts (edgeone) imports emulator/cdn/params.ts (cdn), another part than its own",
                "emulator/cdn/product.ts (cdn) imports emulator/server.ts (wiring), another part than its own",
            ]);
        });

        it("passes the core on itself, a product on the core and itself, the wiring on anything", () => {
            assert.deepStrictEqual(emulatorViolations([
                { from: "emulator/handler.ts", to: "emulator/services.ts" },
                { from: "emulator/handler.ts", to: "provider/base/time.ts" },
                { from: "emulator/cdn/actions.ts", to: "emulator/params.ts" },
                { from: "emulator/edgeone/product.ts", to: "emulator/edgeone/store.ts" },
                { from: "emulator/products.ts", to: "emulator/cdn/product.ts" },
                { from: "emulator/server.ts", to: "emulator/edgeone/store.ts" },
                { from: "tests/unit/x.spec.ts", to: "emulator/cdn/store.ts" },
            ]), []);
        });

        it("places emulator files by their folder", () => {
            assert.deepStrictEqual(
                ["emulator/handler.ts", "emulator/products.ts", "emulator/cdn/store.ts", "emulator/edgeone/x/y.ts", "bench/sim/x.ts"].map(emulatorPartOf),
                ["core", "wiring", "cdn", "edgeone", undefined]);
        });
    });
});

/** `bench/`'s products: one folder each. Every other file and folder (`sim/` too) is the core, but the runner. */
export const BENCH_PRODUCTS: readonly string[] = ["cdn", "edgeone"];

/** The file of `bench/` that runs every product's part: the one place the core's side may name a product. */
export const BENCH_WIRING: readonly string[] = ["run.ts"];

/** The part of `bench/` a repository-relative path belongs to: "core", "wiring", a product folder's name, or undefined outside. */
export function benchPartOf(file: string): string | undefined {
    if (!file.startsWith("bench/")) {
        return undefined;
    }
    const inside = file.slice("bench/".length);
    const slash = inside.indexOf("/");
    if (slash >= 0) {
        const folder = inside.slice(0, slash);
        return BENCH_PRODUCTS.includes(folder) ? folder : "core";
    }
    return BENCH_WIRING.includes(inside) ? "wiring" : "core";
}

describe("bench layers", () => {
    const bench = importsOf(["bench"]);

    it("reads the imports of bench/ and finds its products", () => {
        assert.ok(bench.length > 50, `only ${bench.length} imports read`);
        const parts = new Set(sourceFiles("bench").map(benchPartOf));
        assert.deepStrictEqual([...parts].sort(), ["cdn", "core", "edgeone", "wiring"]);
        assert.ok(BENCH_WIRING.every((f) => fs.existsSync(path.join(ROOT, "bench", f))), "every wiring file exists");
    });

    it("has no core file importing a product or the runner, and no product importing another", () => {
        assert.deepStrictEqual(splitViolations(bench, benchPartOf), []);
    });

    describe("the check itself", () => {
        it("fails on the core importing a product or the runner, and on a product importing another or the runner", () => {
            assert.deepStrictEqual(splitViolations([
                { from: "bench/goals.ts", to: "bench/cdn/emulatorBench.ts" },
                { from: "bench/sim/driver.ts", to: "bench/edgeone/simTeoApi.ts" },
                { from: "bench/table.ts", to: "bench/run.ts" },
                { from: "bench/edgeone/schedules.ts", to: "bench/cdn/schedules.ts" },
                { from: "bench/cdn/simApi.ts", to: "bench/edgeone/runTeoSim.ts" },
                { from: "bench/cdn/cdnBench.ts", to: "bench/run.ts" },
            ], benchPartOf), [
                "bench/goals.ts (core) imports bench/cdn/emulatorBench.ts (cdn), above the core",
                "bench/sim/driver.ts (core) imports bench/edgeone/simTeoApi.ts (edgeone), above the core",
                "bench/table.ts (core) imports bench/run.ts (wiring), above the core",
                "bench/edgeone/schedules.ts (edgeone) imports bench/cdn/schedules.ts (cdn), another part than its own",
                "bench/cdn/simApi.ts (cdn) imports bench/edgeone/runTeoSim.ts (edgeone), another part than its own",
                "bench/cdn/cdnBench.ts (cdn) imports bench/run.ts (wiring), another part than its own",
            ]);
        });

        it("passes the core on itself, a product on the core and itself, the runner on anything", () => {
            assert.deepStrictEqual(splitViolations([
                { from: "bench/table.ts", to: "bench/goals.ts" },
                { from: "bench/sim/driver.ts", to: "provider/base/virtualClock.ts" },
                { from: "bench/cdn/runSim.ts", to: "bench/sim/driver.ts" },
                { from: "bench/edgeone/teoBench.ts", to: "bench/goals.ts" },
                { from: "bench/edgeone/runTeoSim.ts", to: "bench/edgeone/simTeoApi.ts" },
                { from: "bench/run.ts", to: "bench/cdn/cdnBench.ts" },
                { from: "bench/run.ts", to: "bench/edgeone/teoBench.ts" },
                { from: "tests/unit/x.spec.ts", to: "bench/cdn/simApi.ts" },
            ], benchPartOf), []);
        });

        it("places bench files by their folder", () => {
            assert.deepStrictEqual(
                ["bench/run.ts", "bench/goals.ts", "bench/sim/oracle.ts", "bench/cdn/simApi.ts", "bench/edgeone/x/y.ts", "emulator/cdn/store.ts"]
                    .map(benchPartOf),
                ["wiring", "core", "core", "cdn", "edgeone", undefined]);
        });
    });
});
