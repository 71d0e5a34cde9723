/**
 * scripts/goTool.sh, the helper of the four scripts that build a Go tool into the user's cache: one exit code and
 * one message when there is no usable Go, one build when two runs race for the same tool, a heartbeat during a
 * long step, and nothing cached from a failed build. Every run here uses a temp cache (XDG_CACHE_HOME), never the
 * user's.
 */
import * as assert from "assert";
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { inCi } from "../support/ci";
import { NO_GO } from "../support/goClient";

const SCRIPTS = path.join(__dirname, "..", "..", "scripts");
const TOOL_SCRIPTS = ["ensurePulumi.sh", "ensurePulumiYaml.sh", "ensureSdkgen.sh", "buildGoClient.sh"];

interface Run {
    readonly code: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs a bash script to its end (stdout closed included, so a helper process left holding it would show). */
function runBash(script: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
    return new Promise((resolve, reject) => {
        const child = spawn("bash", [script, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
}

/**
 * This process's PATH with `names` hidden, so the scripts find neither Go nor a ready-made tool: a folder that holds
 * one of them is replaced by a copy of it in `shadowRoot` made of links to all its other entries (Go may sit in
 * /usr/bin beside bash and coreutils).
 */
function pathWithout(names: readonly string[], shadowRoot: string): string {
    return (process.env.PATH ?? "").split(path.delimiter).map((dir, i) => {
        if (!names.some((n) => fs.existsSync(path.join(dir, n)))) {
            return dir;
        }
        const shadow = path.join(shadowRoot, `path${i}`);
        fs.mkdirSync(shadow, { recursive: true });
        for (const entry of fs.readdirSync(dir).filter((e) => !names.includes(e))) {
            fs.symlinkSync(path.join(dir, entry), path.join(shadow, entry));
        }
        return shadow;
    }).join(path.delimiter);
}

/** This process's environment without the variables that choose a tool or the go command. */
function baseEnv(): NodeJS.ProcessEnv {
    const { GO, PULUMI_BIN, PULUMI_LANGUAGE_YAML_BIN, GO_TOOL_HEARTBEAT_SECONDS, ...rest } = process.env;
    return rest;
}

describe("scripts/goTool.sh (the Go tool scripts' helper)", function () {
    let temp: string;

    beforeEach(() => {
        temp = fs.mkdtempSync(path.join(os.tmpdir(), "go-tool-spec-"));
    });
    afterEach(() => {
        fs.rmSync(temp, { recursive: true, force: true });
    });

    for (const script of TOOL_SCRIPTS) {
        it(`${script} exits ${NO_GO} with the one message when Go is not installed`, async () => {
            const cache = path.join(temp, "cache");
            const env = { ...baseEnv(), XDG_CACHE_HOME: cache,
                PATH: pathWithout(["go", "pulumi", "pulumi-language-yaml"], path.join(temp, "bin")) };
            const run = await runBash(path.join(SCRIPTS, script), [], env);
            assert.strictEqual(run.code, NO_GO, run.stderr);
            assert.strictEqual(run.stdout, "");
            assert.match(run.stderr, /\] error: Go is not installed \(no `go` command\); building .+ needs Go/);
            assert.ok(!fs.existsSync(cache), "nothing is written to the cache");
        });
    }

    it(`exits ${NO_GO} too when Go is older than the tool needs`, async () => {
        const oldGo = path.join(temp, "old-go");
        fs.writeFileSync(oldGo, "#!/bin/sh\necho go1.20.1\n", { mode: 0o755 });
        const env = { ...baseEnv(), XDG_CACHE_HOME: path.join(temp, "cache"), GO: oldGo,
            PATH: pathWithout(["pulumi-language-yaml"], path.join(temp, "bin")) };
        const run = await runBash(path.join(SCRIPTS, "ensurePulumiYaml.sh"), [], env);
        assert.strictEqual(run.code, NO_GO, run.stderr);
        assert.match(run.stderr, /error: Go is 'go1\.20\.1' .*needs Go >= /);
    });

    describe("building a tiny Go tool", function () {
        let goCache: string;

        before(function () {
            try {
                // Go's build cache lives under XDG_CACHE_HOME by default: pin the real one so the build stays warm.
                goCache = execFileSync("go", ["env", "GOCACHE"], { encoding: "utf8" }).trim();
            } catch (e) {
                if (inCi()) throw e;
                console.warn("    Go is not installed: the build tests of scripts/goTool.sh are skipped (in CI they fail instead)");
                this.skip();
            }
        });

        /** A script that builds `src` through the helper as cache entry tiny-1/tiny, counting its builds in `count`. */
        function tinyTool(src: string, count: string): string {
            const file = path.join(temp, "ensureTiny.sh");
            fs.writeFileSync(file, [
                "set -euo pipefail",
                `source ${JSON.stringify(path.join(SCRIPTS, "goTool.sh"))}`,
                `cd ${JSON.stringify(src)}`,
                'go_tool_init ensure-tiny "the tiny tool"',
                "go_tool_build() {",
                `  echo build >>${JSON.stringify(count)}`,
                // The sleep holds the lock long enough for the second run to find it taken and for a heartbeat.
                '  go_tool_step . "compiling tiny" bash -c \'sleep 3 && "$0" build -o "$1" .\' "$GO" "$1" || go_tool_fail "go build failed"',
                "}",
                "go_tool_ensure tiny-1 tiny",
                "",
            ].join("\n"));
            return file;
        }

        function tinySource(main: string): string {
            const src = path.join(temp, "src");
            fs.mkdirSync(src);
            fs.writeFileSync(path.join(src, "go.mod"), "module tiny\n\ngo 1.21\n");
            fs.writeFileSync(path.join(src, "main.go"), main);
            return src;
        }

        it("two concurrent runs build once and print the same path; a heartbeat shows during the build", async () => {
            const src = tinySource('package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("tiny") }\n');
            const count = path.join(temp, "builds");
            const script = tinyTool(src, count);
            const cache = path.join(temp, "cache");
            const env = { ...baseEnv(), XDG_CACHE_HOME: cache, GOCACHE: goCache, GO_TOOL_HEARTBEAT_SECONDS: "1" };

            const runs = await Promise.all([runBash(script, [], env), runBash(script, [], env)]);

            const bin = path.join(cache, "pulumi-tencentcloud-purge", "tiny-1", "tiny");
            for (const run of runs) {
                assert.strictEqual(run.code, 0, run.stderr);
                assert.strictEqual(run.stdout, `${bin}\n`);
            }
            assert.strictEqual(fs.readFileSync(count, "utf8"), "build\n", "built once");
            const all = runs.map((r) => r.stderr).join("");
            assert.match(all, /another process is building the tiny tool; waiting for it/);
            assert.match(all, /still compiling tiny\.\.\./);
            assert.match(all, /using cached build: /);
            assert.strictEqual(execFileSync(bin, { encoding: "utf8" }), "tiny\n");
            assert.deepStrictEqual(fs.readdirSync(path.dirname(bin)), ["tiny"], "no temp file left beside it");

            const again = await runBash(script, [], env);
            assert.strictEqual(again.stdout, `${bin}\n`);
            assert.strictEqual(fs.readFileSync(count, "utf8"), "build\n", "a cached build is not rebuilt");
        });

        it("a failed build exits 1 with Go's errors and caches nothing", async () => {
            const src = tinySource("package main\n\nfunc main() { undefinedThing() }\n");
            const script = tinyTool(src, path.join(temp, "builds"));
            const cache = path.join(temp, "cache");
            const run = await runBash(script, [], { ...baseEnv(), XDG_CACHE_HOME: cache, GOCACHE: goCache });
            assert.strictEqual(run.code, 1, run.stderr);
            assert.strictEqual(run.stdout, "");
            assert.match(run.stderr, /undefined: undefinedThing/);
            assert.match(run.stderr, /\[ensure-tiny\] error: go build failed/);
            assert.deepStrictEqual(fs.readdirSync(path.join(cache, "pulumi-tencentcloud-purge", "tiny-1")), []);
        });
    });
});
