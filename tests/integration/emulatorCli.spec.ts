import * as assert from "assert";
import { spawn } from "child_process";
import * as path from "path";
import { EMULATOR_CREDENTIALS } from "../../emulator/server";
import { parseEmulatorArgs, USAGE } from "../../emulator/cli";
import { startEmulatorProcess } from "../../emulator/process";
import { emulatorClient } from "../../emulator/cdn/client";
import { EMULATOR_WEB_IDENTITY } from "../../emulator/stsActions";

const ROOT = path.join(__dirname, "..", "..");

/** Runs the command line to its end; returns its exit code and output. */
function runCli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "emulator/cli.ts", ...args],
        { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
    return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe("emulator command line", () => {
    it("parses its flags into options", () => {
        const o = parseEmulatorArgs(["--port", "9000", "--host", "0.0.0.0", "--complete-after", "5", "--fail-pattern", "/x",
            "--rate-limit", "3"]).options;
        assert.deepStrictEqual(o, { port: 9000, host: "0.0.0.0", completeAfterMs: 5, failPattern: "/x", rateLimitPerSecond: 3 });
    });

    it("parses the EdgeOne prefetch flags", () => {
        assert.deepStrictEqual(parseEmulatorArgs(["--teo-prefetch-after", "600000", "--teo-invalid-pattern=/gone"]).options,
            { teoPrefetchCompleteAfterMs: 600000, teoInvalidPattern: "/gone" });
    });

    it("takes --flag=value as well as --flag value", () => {
        assert.deepStrictEqual(parseEmulatorArgs(["--port=9000", "--retention=60000"]).options, { port: 9000, retentionMs: 60000 });
    });

    it("parses the STS flags: repeated roles, the web identity over its defaults, the credential lifetime", () => {
        const o = parseEmulatorArgs(["--role-arn", "qcs::cam::uin/1:roleName/a", "--role-arn=qcs::cam::uin/1:roleName/b",
            "--web-identity-token", "t0k3n", "--sts-lifetime", "2"]).options;
        assert.deepStrictEqual(o, {
            roleArns: ["qcs::cam::uin/1:roleName/a", "qcs::cam::uin/1:roleName/b"],
            webIdentity: { ...EMULATOR_WEB_IDENTITY, webIdentityToken: "t0k3n" }, temporaryCredentialSeconds: 2,
        });
    });

    it("rejects an unknown flag", () => {
        assert.throws(() => parseEmulatorArgs(["--bogus"]), /unknown argument --bogus/);
    });

    for (const [args, message] of [
        [["--port", "70000"], /--port takes a whole number from 0 to 65535, not "70000"/],
        [["--complete-after", "soon"], /--complete-after takes a whole number 0 or more, not "soon"/],
        [["--rate-limit", "0"], /--rate-limit takes a whole number 1 or more, not "0"/],
        [["--status-case", "upper"], /--status-case takes lower or title, not "upper"/],
        [["--sts-lifetime", "50000"], /--sts-lifetime takes a whole number from 1 to 43200/],
        [["--port"], /--port/],
        [["extra"], /extra/],
    ] as const) {
        it(`rejects "${args.join(" ")}" with a message saying what is wrong`, () => {
            assert.throws(() => parseEmulatorArgs(args), message);
        });
    }

    it("lists every flag in --help", () => {
        for (const flag of ["--port", "--host", "--complete-after", "--teo-prefetch-after", "--teo-invalid-pattern", "--visible-after", "--retention", "--fail-pattern",
            "--push-complete-after", "--invalid-pattern",
            "--rate-limit", "--status-case", "--role-arn", "--web-identity-provider", "--web-identity-token",
            "--web-identity-role", "--sts-lifetime", "--verbose", "--help"]) {
            assert.ok(USAGE.includes(flag), flag);
        }
    });

    it("prints the usage and exits 0 on --help", async function () {
        this.timeout(20_000);
        const { code, stdout } = await runCli(["--help"]);
        assert.deepStrictEqual([code, stdout.trim()], [0, USAGE]);
    });

    it("exits 2 with the message on stderr for a bad value", async function () {
        this.timeout(20_000);
        const { code, stdout, stderr } = await runCli(["--port=abc"]);
        assert.deepStrictEqual([code, stdout], [2, ""]);
        assert.match(stderr, /--port takes a whole number from 0 to 65535, not "abc"/);
    });

    it("prints the URL and credentials, then stops on SIGTERM", async function () {
        this.timeout(20_000);
        const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "emulator/cli.ts", "--port", "0"],
            { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        await new Promise<void>((resolve, reject) => {
            child.stdout.on("data", (d: Buffer) => {
                out += d.toString();
                if (out.includes("TENCENTCLOUD_STS_ENDPOINT=")) {
                    resolve();
                }
            });
            child.on("exit", () => reject(new Error(`exited early: ${out}`)));
        });
        const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
        child.kill("SIGTERM");
        assert.match(out, /^Tencent Cloud CDN purge emulator listening on http:\/\/127\.0\.0\.1:\d+\n/);
        assert.match(out, new RegExp(`TENCENTCLOUD_SECRET_ID=${EMULATOR_CREDENTIALS.secretId}\\n`));
        assert.match(out, /TENCENTCLOUD_TEO_ENDPOINT=http:\/\/127\.0\.0\.1:\d+\n/);
        assert.match(out, /TENCENTCLOUD_STS_ENDPOINT=http:\/\/127\.0\.0\.1:\d+\n/);
        assert.strictEqual(await exited, 0);
    });

    it("applies --retention: a record older than it disappears from DescribePurgeTasks", async function () {
        this.timeout(20_000);
        const emu = await startEmulatorProcess(["--retention", "2000"]);
        try {
            const u = new URL(emu.url);
            const client = emulatorClient({ host: u.hostname, port: Number(u.port), endpoint: u.host, credentials: [EMULATOR_CREDENTIALS] });
            const { TaskId } = await client.PurgeUrlsCache({ Urls: ["https://www.example.com/retained.png"] });
            const before = (await client.DescribePurgeTasks({ TaskId })).TotalCount;
            await new Promise((resolve) => setTimeout(resolve, 2200));
            assert.deepStrictEqual([before, (await client.DescribePurgeTasks({ TaskId })).TotalCount], [1, 0]);
        } finally {
            await emu.close();
        }
    });
});
