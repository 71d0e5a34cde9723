/**
 * The provider plugin's launcher (`plugin/pulumi-resource-tencentcloud-purge`), run as the engine runs it: found
 * by path, maybe through a symlink, with whatever PATH the machine has.
 */
import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PLUGIN } from "../support/pluginHost";

/** Runs the launcher until it exits or prints its port; resolves with what it printed and its exit code. */
function launch(file: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(file, [], { env, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.on("error", reject);
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.stdout.on("data", (d: Buffer) => {
            stdout += d.toString();
            if (/^\d+\n/.test(stdout)) {
                child.kill(); // it serves: the port is all this test needs
            }
        });
        child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
}

describe("the provider plugin's launcher", function () {
    this.timeout(20_000);
    let temp: string;
    before(() => {
        temp = fs.mkdtempSync(path.join(os.tmpdir(), "purge-launcher-"));
    });
    after(() => fs.rmSync(temp, { recursive: true, force: true }));

    it("says plainly that it needs Node.js 20+ on PATH when PATH has no node", async () => {
        const noNode = path.join(temp, "empty-bin");
        fs.mkdirSync(noNode);
        const { code, stdout, stderr } = await launch(PLUGIN, { PATH: noNode, HOME: temp });
        assert.deepStrictEqual([code, stdout, stderr],
            [1, "", "pulumi-resource-tencentcloud-purge needs Node.js 20+ on PATH: no node was found there\n"]);
    });
    it("starts the plugin through a symlink to it (as npm links executables), printing its port", async () => {
        const linked = path.join(temp, "pulumi-resource-tencentcloud-purge");
        fs.symlinkSync(path.relative(temp, PLUGIN), linked);
        const { stdout, stderr } = await launch(linked, process.env);
        assert.match(stdout, /^\d+\n/, stderr);
    });
});
