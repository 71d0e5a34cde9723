/**
 * Smoke test of the end-to-end harness: the real engine, the real dynamic-provider host, a file
 * backend. Proves what the purge resources rely on: a dynamic provider is created and destroyed,
 * its `configure` sees stack config, and it can show progress in `pulumi up`'s output while
 * `create` runs (plain stdout/stderr of the host, and the engine's Log RPC with the resource's URN).
 *
 * Never skipped: without a pulumi CLI the `before` hook fails with the reason.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { OpOutcome, LocalStack } from "../../scripts/localStack";
import type { DiagnosticEvent, UpResult } from "@pulumi/pulumi/automation";

/** Runs in the provider host (serialized into the state): no captured imports, `require` inside. */
const smokeProvider: pulumi.dynamic.ResourceProvider & { region?: string } = {
    async configure(req: pulumi.dynamic.ConfigureRequest) {
        this.region = req.config.get("tencentcloud-purge:region");
    },
    async create(inputs: { name: string; resourceUrn: string }) {
        // Progress through the engine's Log RPC; the engine address is the host's only non-flag argument.
        const grpc = require("@grpc/grpc-js");
        const engrpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
        const engproto = require("@pulumi/pulumi/proto/engine_pb");
        const addr = process.argv.slice(2).find((a) => !a.startsWith("-"));
        const engine = new engrpc.EngineClient(addr, grpc.credentials.createInsecure());
        const log = (message: string, ephemeral: boolean) =>
            new Promise<void>((resolve, reject) => {
                const req = new engproto.LogRequest();
                req.setSeverity(engproto.LogSeverity.INFO);
                req.setMessage(message);
                req.setUrn(inputs.resourceUrn);
                req.setEphemeral(ephemeral);
                engine.log(req, (err: Error | null) => (err ? reject(err) : resolve()));
            });
        console.log("smoke-stdout: create started");
        console.error("smoke-stderr: create started");
        for (let i = 1; i <= 3; i++) {
            await log(`smoke-ephemeral: waiting ${i}/3`, true);
            await new Promise((r) => setTimeout(r, 300));
        }
        await log("smoke-info: created", false);
        engine.close();
        return {
            id: `smoke-${inputs.name}`,
            outs: { ...inputs, greeting: `hello ${inputs.name}`, region: this.region ?? "(none)", hostCwd: process.cwd() },
        };
    },
    async delete() {
        // Nothing to delete outside the state.
    },
};

/** The non-debug diagnostics of an operation (debug ones echo the serialized provider's source). */
function infoEvents(op: OpOutcome<unknown>): DiagnosticEvent[] {
    return op.events.flatMap((e) => (e.diagnosticEvent && (e.diagnosticEvent.severity as string) !== "debug" ? [e.diagnosticEvent] : []));
}

class SmokeResource extends pulumi.dynamic.Resource {
    declare readonly greeting: pulumi.Output<string>;
    declare readonly region: pulumi.Output<string>;
    constructor(name: string) {
        // The provider is not told its URN; compute it here. (An input named `urn` is dropped: reserved.)
        const resourceUrn = pulumi.createUrn(name, "pulumi-nodejs:dynamic:Resource");
        super(smokeProvider, name, { name, resourceUrn, greeting: undefined, region: undefined }, {});
    }
}

describe("e2e harness smoke (real engine, dynamic provider)", function () {
    this.timeout(300000);
    let h: LocalStack;
    let up: OpOutcome<UpResult>;

    before(async function () {
        h = await LocalStack.create({
            projectName: "purge-smoke",
            program: async () => {
                const r = new SmokeResource("smoke");
                return { greeting: r.greeting, region: r.region };
            },
        });
        await h.stack.setConfig("tencentcloud-purge:region", { value: "x" });
        up = await h.up();
    });

    after(async function () {
        await h?.cleanup();
    });

    it("up creates the dynamic resource", function () {
        assert.strictEqual(up.result.summary.result, "succeeded");
        assert.strictEqual(up.result.summary.resourceChanges?.create, 2); // the stack and the resource
    });

    it("exports the resource's output", function () {
        assert.strictEqual(up.result.outputs.greeting.value, "hello smoke");
    });

    it("configure(req) sees the stack config", function () {
        assert.strictEqual(up.result.outputs.region.value, "x");
    });

    it("stack export holds the resource with its id and outputs", async function () {
        const { deployment, text } = await h.exportStack();
        const res = deployment.deployment.resources?.find((r) => r.type === "pulumi-nodejs:dynamic:Resource");
        assert.ok(res, `no dynamic resource in:\n${text}`);
        assert.strictEqual(res.id, "smoke-smoke");
        assert.strictEqual(res.outputs?.greeting, "hello smoke");
        assert.ok(text.includes("hello smoke"));
    });

    it("the host's stdout and stderr lines reach up's output, as the stack's messages", function () {
        const out = up.lines.filter((l) => l.includes("smoke-stdout") || l.includes("smoke-stderr"));
        assert.ok(out.some((l) => l.includes("smoke-stdout: create started")), up.lines.join("\n"));
        assert.ok(out.some((l) => l.includes("smoke-stderr: create started")), up.lines.join("\n"));
        const diag = infoEvents(up).filter((d) => d.message.startsWith("smoke-std"));
        // stdout and stderr are separate pipes: their lines may arrive in either order.
        assert.deepStrictEqual(diag.map((d) => `${d.urn}:${d.severity}`).sort(), ["undefined:info", "undefined:info#err"]);
    });

    it("a Log RPC with the resource's URN shows under that resource in up's output", function () {
        const diag = infoEvents(up).filter((d) => d.message.includes("smoke-info: created"));
        assert.strictEqual(diag.length, 1);
        assert.match(diag[0].urn ?? "", /::pulumi-nodejs:dynamic:Resource::smoke$/);
        assert.ok(up.lines.some((l) => /dynamic:Resource smoke create(d|ing) .*smoke-info: created/.test(l)), up.lines.join("\n"));
    });

    it("ephemeral Log RPC messages show on the resource's progress line while create runs", function () {
        const eph = infoEvents(up).filter((d) => d.message.includes("smoke-ephemeral"));
        assert.strictEqual(eph.length, 3);
        assert.ok(eph.every((d) => d.ephemeral === true && d.urn?.endsWith("::smoke")));
        // The display redraws the row per message; a busy machine may merge redraws, so ask for one.
        const rows = up.lines.filter((l) => /dynamic:Resource smoke creating .*smoke-ephemeral: waiting [1-3]\/3/.test(l));
        assert.ok(rows.length >= 1, up.lines.join("\n"));
    });

    it("destroy removes the resource", async function () {
        const d = await h.destroy();
        assert.strictEqual(d.result.summary.result, "succeeded");
        assert.strictEqual(d.result.summary.resourceChanges?.delete, 2);
        const { deployment } = await h.exportStack();
        assert.strictEqual((deployment.deployment.resources ?? []).length, 0);
    });
});
