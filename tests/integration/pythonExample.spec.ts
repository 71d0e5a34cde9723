/**
 * The Python example (examples/python-gate) is current with the generated Python SDK: it compiles, and every
 * function, argument and property it uses is one the SDK has, in its top-level and its `edgeone` modules.
 * This check needs only python3, and names the call that went wrong; `tests/e2e/pythonGate.e2e.spec.ts` runs the
 * example on the engine. Without python3 it skips, except in CI, where it fails.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { inCi } from "../support/ci";

const ROOT = path.join(__dirname, "..", "..");
/** The checker that compares the example's calls with the generated SDK. */
const CHECKER = path.join(ROOT, "tests", "support", "pythonExampleCheck.py");
const EXAMPLE = path.join(ROOT, "examples", "python-gate", "__main__.py");
const SDK = path.join(ROOT, "sdk-python", "pulumi_tencentcloud_purge");

const python = (args: string[]) => spawnSync("python3", args, { encoding: "utf8" });

describe("the Python example against the generated Python SDK", function () {
    before(function () {
        if (python(["--version"]).status !== 0 && !inCi()) {
            this.skip(); // no python3 on this machine; CI has it
        }
    });

    it("compiles", () => {
        // -c compile(): like py_compile, without writing __pycache__ into the work tree.
        const r = python(["-c", "import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')", EXAMPLE]);
        assert.strictEqual(r.status, 0, r.stderr);
    });

    it("calls only functions and arguments the SDK has, and reads only properties its results have", () => {
        const r = python([CHECKER, EXAMPLE, SDK, "purge"]);
        assert.strictEqual(r.status, 0, r.stderr);
        const { checked, problems } = JSON.parse(r.stdout) as { checked: string[]; problems: string[] };
        assert.deepStrictEqual(problems, []);
        for (const name of ["UrlPurge", "PurgeTaskWaiter", "get_purge_tasks_output", "GetPurgeTasksResult.purge_logs", "PurgeTaskWaiter.status",
            "UrlPush", "UrlPush.task_ids", "PushTaskWaiter", "PushTaskWaiter.task_ids", "get_push_tasks_output", "GetPushTasksResult.push_logs"]) {
            assert.ok(checked.includes(name), `${name} not checked: ${checked.join(", ")}`);
        }
    });

    it("calls only functions and arguments the edgeone module has, and reads only properties its results have", () => {
        const r = python([CHECKER, EXAMPLE, path.join(SDK, "edgeone"), "edgeone"]);
        assert.strictEqual(r.status, 0, r.stderr);
        const { checked, problems } = JSON.parse(r.stdout) as { checked: string[]; problems: string[] };
        assert.deepStrictEqual(problems, []);
        for (const name of ["Purge", "PurgeTaskWaiter", "get_purge_tasks_output", "GetPurgeTasksResult.tasks", "PurgeTaskWaiter.status",
            "Prefetch", "HeaderArgs", "get_prefetch_tasks_output", "GetPrefetchTasksResult.tasks", "Prefetch.status"]) {
            assert.ok(checked.includes(name), `${name} not checked: ${checked.join(", ")}`);
        }
    });

    it("finds a name the SDK does not have (the check can fail)", () => {
        const r = python(["-c", [
            "import os, subprocess, sys, tempfile",
            "f = tempfile.NamedTemporaryFile('w', suffix='.py', delete=False)",
            "f.write('import pulumi_tencentcloud_purge as purge\\ng = purge.PurgeTaskWaiter(\"g\", task_list=[\"1\"])\\nx = g.done_at\\n'); f.close()",
            "print(subprocess.run([sys.executable, sys.argv[1], f.name, sys.argv[2], 'purge'], capture_output=True, text=True).stdout)",
            "os.unlink(f.name)",
        ].join("\n"), CHECKER, SDK]);
        assert.deepStrictEqual(JSON.parse(r.stdout).problems, ["purge.PurgeTaskWaiter takes no argument task_list", "PurgeTaskWaiter has no property done_at"]);
    });
});
