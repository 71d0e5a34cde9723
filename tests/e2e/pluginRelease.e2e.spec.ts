/**
 * The provider plugin as a release publishes it: the archives `scripts/packPlugin.sh` writes (what
 * `npm run release` puts in dist/), served by a local HTTP server as a release page would serve them, fetched
 * by the real Pulumi CLI, and run by the engine for the Pulumi YAML example against the emulator. Once with
 * `pulumi plugin install --server`, once installed by the engine itself from the download URL of the schema
 * (with Pulumi's URL override pointing that URL at the local server, and automatic plugin acquisition on for
 * that run only). Never skipped: without the CLI or the YAML host the suite fails with the reason.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { PulumiSandbox, repoRoot } from "../../scripts/pulumiSandbox";
import { runCommand } from "../../scripts/runCommand";
import { packPluginArchives, THIS_PLATFORM } from "./support/pluginArchives";
import { yamlProject } from "./support/yamlProject";

const SECRET_ID = "AKIDrelease0000000000000000000000000";
const SECRET_KEY = "release-e2e-secret-key-9b2f7a";
const NAME = "pulumi-resource-tencentcloud-purge";
const VERSION: string = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;
const SCHEMA = JSON.parse(fs.readFileSync(path.join(repoRoot, "schema.json"), "utf8"));
const PLATFORMS = ["linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64", "windows-amd64", "windows-arm64"];
const MAX_ARCHIVE_BYTES = 5 * 1024 * 1024;

/** A local stand-in for a release page: serves `dir` under any path prefix and records what was asked for. */
async function releaseServer(dir: string): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
    const requests: string[] = [];
    const server = http.createServer((req, res) => {
        requests.push(`${req.method} ${req.url}`);
        const file = path.join(dir, path.basename(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)));
        if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
            res.writeHead(404).end("not found");
            return;
        }
        res.writeHead(200, { "Content-Type": "application/gzip", "Content-Length": fs.statSync(file).size });
        fs.createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        requests,
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}

const up = (box: PulumiSandbox, dir: string, env: Record<string, string> = {}) =>
    box.run(dir, ["up", "--yes", "--skip-preview", "--non-interactive"], env);
const outputs = async (box: PulumiSandbox, dir: string) => JSON.parse(await box.run(dir, ["stack", "output", "--json"]));
const emulatorConfig = (emu: RunningEmulator) => [["tencentcloud-purge:secretId", SECRET_ID],
    ["--secret", "tencentcloud-purge:secretKey", SECRET_KEY], ["tencentcloud-purge:endpoint", emu.url], ["timeoutSeconds", "120"]];
/** The example's Pulumi.yaml as a user's project has it: no path to a plugin. */
const withoutPluginPath = (text: string) => text.replace(/^plugins:\n( .*\n)+/m, "");

describe("the plugin's release archives, fetched over HTTP by the Pulumi CLI and the engine", function () {
    this.timeout(600_000);
    let dist: string;
    let archives: string[];
    let server: Awaited<ReturnType<typeof releaseServer>>;
    let emu: RunningEmulator;
    const boxes: PulumiSandbox[] = [];

    before(async () => {
        dist = fs.mkdtempSync(path.join(os.tmpdir(), "purge-release-"));
        archives = await packPluginArchives(dist);
        server = await releaseServer(dist);
        emu = await startEmulator({ completeAfterMs: 1000, credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }] });
    });
    after(async () => {
        boxes.forEach((b) => b.cleanup());
        await server?.close();
        await emu?.close();
        if (dist) fs.rmSync(dist, { recursive: true, force: true });
    });

    it("writes one archive per OS and architecture under Pulumi's names, each at most 5 MB", () => {
        assert.deepStrictEqual(archives.map((a) => path.basename(a)), PLATFORMS.map((p) => `${NAME}-v${VERSION}-${p}.tar.gz`));
        const sizes = archives.map((a) => fs.statSync(a).size);
        assert.ok(sizes.every((s) => s <= MAX_ARCHIVE_BYTES), `sizes ${sizes.join(", ")}`);
    });

    it("puts an executable launcher, the bundle and pulumi-plugin.json in each, and a .cmd in the Windows ones only", async () => {
        for (const [i, archive] of archives.entries()) {
            const listing = await runCommand("tar", ["-tzvf", archive]);
            const files = listing.trim().split("\n").map((l) => ({ mode: l.split(/\s+/)[0], name: l.split(/\s+/).pop()!.replace(/^\.\//, "") }));
            const names = files.map((f) => f.name).filter((n) => n !== "").sort();
            const windows = PLATFORMS[i].startsWith("windows");
            assert.deepStrictEqual(names, ["LICENSE", "THIRD-PARTY-LICENSES.txt", NAME, ...(windows ? [`${NAME}.cmd`] : []), `${NAME}.js`,
                "launcher.js", "pulumi-plugin.json", "requireNode20.js"].sort(), archive);
            assert.match(files.find((f) => f.name === NAME)!.mode, /^-rwx/, "the launcher is executable");
        }
        const meta = JSON.parse(await runCommand("tar", ["-xzOf", archives[0], "./pulumi-plugin.json"]));
        assert.deepStrictEqual(meta, { resource: true, name: "tencentcloud-purge", version: VERSION, server: SCHEMA.pluginDownloadURL });
    });

    it("ships the npm package's launchers: the same text says Node.js is missing in both", async () => {
        const windows = archives.find((a) => a.includes("-windows-"))!;
        const shipped = (archive: string, file: string) => runCommand("tar", ["-xzOf", archive, `./${file}`]);
        const own = (file: string) => fs.readFileSync(path.join(repoRoot, "plugin", file), "utf8");
        assert.deepStrictEqual([await shipped(archives[0], NAME), await shipped(windows, `${NAME}.cmd`), await shipped(archives[0], "requireNode20.js")],
            [own(NAME), own(`${NAME}.cmd`), own("requireNode20.js")]);
    });

    it("the schema names the repository's releases as the download URL", () => {
        assert.deepStrictEqual([SCHEMA.pluginDownloadURL, SCHEMA.repository],
            ["github://api.github.com/pulumi-tencentcloud-purge", "https://github.com/pulumi-tencentcloud-purge/pulumi-tencentcloud-purge"]);
    });

    it("pulumi plugin install --server fetches this platform's archive, and the YAML example runs with it", async () => {
        const { box, dir } = await yamlProject(withoutPluginPath, emulatorConfig(emu));
        boxes.push(box);
        server.requests.length = 0;
        await box.run(dir, ["plugin", "install", "resource", "tencentcloud-purge", VERSION, "--server", `${server.url}/releases/v${VERSION}`]);
        assert.deepStrictEqual(server.requests, [`GET /releases/v${VERSION}/${NAME}-v${VERSION}-${THIS_PLATFORM}.tar.gz`]);
        const installed = path.join(box.env.PULUMI_HOME, "plugins", `resource-tencentcloud-purge-v${VERSION}`);
        assert.ok(fs.existsSync(path.join(installed, NAME)) && !fs.existsSync(path.join(installed, "node_modules")), installed);
        await up(box, dir);
        const out = await outputs(box, dir);
        assert.deepStrictEqual([out.gateStatus, out.pageStatus, (out.assetRecords as { status: string }[]).map((r) => r.status)],
            ["done", "done", ["done", "done"]]);
    });

    it("a program that names the schema's download URL gets the plugin installed by the engine itself", async () => {
        const { box, dir } = await yamlProject(() => programNaming(SCHEMA.pluginDownloadURL), emulatorConfig(emu));
        boxes.push(box);
        server.requests.length = 0;
        const installed = path.join(box.env.PULUMI_HOME, "plugins", `resource-tencentcloud-purge-v${VERSION}`);
        assert.ok(!fs.existsSync(installed), "not installed before the update");
        const escaped = SCHEMA.pluginDownloadURL.replace(/[.]/g, "\\.");
        await up(box, dir, {
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "false",
            // Pulumi's own override of a download URL by pattern: the release page, served locally.
            PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES: `^${escaped}=${server.url}/mirror`,
        });
        assert.deepStrictEqual(server.requests, [`GET /mirror/${NAME}-v${VERSION}-${THIS_PLATFORM}.tar.gz`]);
        assert.ok(fs.existsSync(path.join(installed, NAME)), installed);
        const out = await outputs(box, dir);
        assert.deepStrictEqual([out.gateStatus, out.pageStatus], ["done", "done"]);
    });
});

/**
 * The gate as a YAML program whose every use of the package names its version and download URL, as a program
 * that does not have the plugin installed does (a generated SDK passes them from the schema by itself).
 */
function programNaming(downloadUrl: string): string {
    const options = `      version: ${VERSION}\n      pluginDownloadURL: ${downloadUrl}\n`;
    return `name: release-gate
runtime: yaml
config:
  timeoutSeconds:
    type: integer
    default: 600
resources:
  assets:
    type: tencentcloud-purge:index:UrlPurge
    properties:
      urls: ["https://www.example.com/app.js"]
      wait: false
    options:
${options}  gate:
    type: tencentcloud-purge:index:PurgeTaskWaiter
    properties:
      taskId: \${assets.taskId}
      timeoutSeconds: \${timeoutSeconds}
    options:
${options}  page:
    type: tencentcloud-purge:index:UrlPurge
    properties:
      urls: ["https://www.example.com/index.html"]
    options:
      dependsOn: ["\${gate}"]
${options}outputs:
  gateStatus: \${gate.status}
  pageStatus: \${page.status}
`;
}
