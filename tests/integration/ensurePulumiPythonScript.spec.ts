/**
 * scripts/ensurePulumiPython.sh when a piece is missing: it says what and how to get it, with the exit code the
 * Python suites skip on outside CI (3), and fails outright (1) on an archive named that is not there. The script
 * runs from a copy in a temp folder (no tools folder beside it), with a stand-in CLI and a temp cache; what it does
 * with a toolchain is what the Python end-to-end suites run on.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const SCRIPTS = path.join(__dirname, "..", "..", "scripts");

describe("scripts/ensurePulumiPython.sh without a Python toolchain", function () {
    let temp: string;
    let script: string;
    let env: NodeJS.ProcessEnv;

    beforeEach(() => {
        temp = fs.mkdtempSync(path.join(os.tmpdir(), "ensure-python-spec-"));
        const scripts = path.join(temp, "clone", "scripts");
        fs.mkdirSync(scripts, { recursive: true });
        for (const file of ["ensurePulumiPython.sh", "ensurePulumi.sh", "goTool.sh"]) {
            fs.copyFileSync(path.join(SCRIPTS, file), path.join(scripts, file));
        }
        script = path.join(scripts, "ensurePulumiPython.sh");
        // A CLI with no Python host beside it.
        const cli = path.join(temp, "cli", "pulumi");
        fs.mkdirSync(path.dirname(cli));
        fs.writeFileSync(cli, "#!/bin/sh\necho v3.274.1\n", { mode: 0o755 });
        const { PULUMI_LANGUAGE_PYTHON_TGZ, PULUMI_PYTHON_SDK_TGZ, PULUMI_PYTHON_CMD, ...rest } = process.env;
        // The system's folders only: an official Pulumi install on this PATH would be a toolchain.
        env = { ...rest, PATH: "/usr/bin:/bin", PULUMI_BIN: cli, XDG_CACHE_HOME: path.join(temp, "cache"), CI: "" };
    });
    afterEach(() => {
        fs.rmSync(temp, { recursive: true, force: true });
    });

    it("exits 3 naming what is missing and the ways to get it, and prints no path", () => {
        const run = spawnSync("bash", [script], { env, encoding: "utf8" });
        assert.strictEqual(run.status, 3, run.stderr);
        assert.strictEqual(run.stdout, "");
        assert.match(run.stderr, /error: no Pulumi Python toolchain, and no stand-in archives beside the clone/);
        assert.match(run.stderr, /install Pulumi \(it ships pulumi-language-python beside the CLI\) and `pip install pulumi`/);
        assert.match(run.stderr, /PULUMI_LANGUAGE_PYTHON_TGZ and PULUMI_PYTHON_SDK_TGZ/);
        assert.ok(!fs.existsSync(path.join(temp, "cache")), "nothing is written to the cache");
    });

    it("exits 1 on an archive named that is not there, naming the variable", () => {
        const missing = path.join(temp, "nowhere.tar.gz");
        const run = spawnSync("bash", [script], { env: { ...env, PULUMI_PYTHON_SDK_TGZ: missing }, encoding: "utf8" });
        assert.strictEqual(run.status, 1, run.stderr);
        assert.match(run.stderr, new RegExp(`error: PULUMI_PYTHON_SDK_TGZ=${missing.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not a file`));
    });
});
