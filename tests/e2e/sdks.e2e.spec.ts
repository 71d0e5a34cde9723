/**
 * The Python and Go SDKs in the repository are what Pulumi's code generators make of schema.json, and the Go
 * SDK compiles, with the Go examples that use it. Needs Go (and the Go module proxy on a fresh machine): without
 * it the suite fails with the reason.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../../scripts/localStack";
import { runCommand } from "../../scripts/runCommand";

const run = runCommand;

/** Every file under `dir`, as relative paths with their contents. */
function tree(dir: string): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const p = path.join(d, e.name);
            if (e.isDirectory()) walk(p);
            else out[path.relative(dir, p)] = fs.readFileSync(p, "utf8");
        }
    };
    walk(dir);
    return out;
}

describe("the SDKs generated from the schema", function () {
    this.timeout(600_000);
    let generated: string;

    before(async () => {
        const gen = (await run("bash", [path.join(repoRoot, "scripts", "ensureSdkgen.sh")])).trim();
        generated = fs.mkdtempSync(path.join(os.tmpdir(), "purge-sdks-"));
        await run(gen, [path.join(repoRoot, "schema.json"), path.join(generated, "python"), path.join(generated, "go")]);
    });
    after(() => {
        if (generated) fs.rmSync(generated, { recursive: true, force: true });
    });

    for (const [lang, dir] of [["python", "sdk-python"], ["go", "sdk-go"]] as const) {
        it(`${dir}/ is current (regenerate with scripts/genSdks.sh)`, () => {
            assert.deepStrictEqual(tree(path.join(repoRoot, dir)), tree(path.join(generated, lang)));
        });
    }

    it("the Go SDK and the Go example that uses it compile, with its end-to-end test and the harness the Go examples share", async () => {
        // Read-only modules: the check never rewrites go.mod or go.sum. No cgo, as the CLI's build, to share its cache.
        await run("go", ["vet", "-tags", "e2e", ".", "github.com/pulumi-tencentcloud-purge/pulumi-tencentcloud-purge/sdk-go/...",
            "github.com/pulumi-tencentcloud-purge/pulumi-tencentcloud-purge/examples/go-enginetest"], {
            cwd: path.join(repoRoot, "examples", "go-gate"), env: { CGO_ENABLED: "0", GOFLAGS: "-mod=readonly" },
        });
    });

    it("the Go EdgeOne example, on the SDK's edgeone package, compiles with its end-to-end test", async () => {
        await run("go", ["vet", "-tags", "e2e", "."], {
            cwd: path.join(repoRoot, "examples", "go-edgeone"), env: { CGO_ENABLED: "0", GOFLAGS: "-mod=readonly" },
        });
    });
});
