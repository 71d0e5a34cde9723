/**
 * Runs the provider plugin (`plugin/pulumi-resource-tencentcloud-purge`) as the engine does: a child process
 * given the engine's address, which prints its port; then calls it over gRPC like the engine would. A small
 * stand-in for the engine's own gRPC service records the Log requests the plugin sends (its progress lines).
 */
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { CheckFailure, emptyproto, failuresOf, portOf, Props, providerClient, provproto, RpcHost, RpcHostError, struct, withPartialState } from "./rpcHost";

const enginerpc = require("@pulumi/pulumi/proto/engine_grpc_pb");

/** The launcher users and the engine run. */
export const PLUGIN = path.join(__dirname, "..", "..", "plugin", "pulumi-resource-tencentcloud-purge");

/** A value marked secret as the engine sends it. */
export const secret = (value: unknown) => ({ [specialSigKey]: specialSecretSig, value });
/** True when `v` is marked secret. */
export const isSecret = (v: unknown) => typeof v === "object" && v !== null && (v as Props)[specialSigKey] === specialSecretSig;

/** The URN the engine would give a resource of `type` named `name`. */
export const urnOf = (type: string, name = "r") => `urn:pulumi:test::purge::tencentcloud-purge:index:${type}::${name}`;

/** One Log request the plugin sent to the engine. */
export interface LogLine {
    readonly message: string;
    readonly urn: string;
    readonly ephemeral: boolean;
}

export interface PluginError extends RpcHostError {
    code?: number;
}

/** A started plugin with its stand-in engine. `stderr` collects what the plugin printed there. */
export class PluginHost extends RpcHost {
    private constructor(child: ChildProcess, client: any, private readonly engine: grpc.Server,
        /** Every Log request so far, in arrival order. */
        readonly logs: readonly LogLine[]) {
        super(child, client);
    }

    static async start(env: Record<string, string> = {}): Promise<PluginHost> {
        const logs: LogLine[] = [];
        const engine = new grpc.Server();
        engine.addService(enginerpc.EngineService, {
            log: (call: any, cb: any) => {
                logs.push({ message: call.request.getMessage(), urn: call.request.getUrn(), ephemeral: call.request.getEphemeral() });
                cb(null, new emptyproto.Empty());
            },
        });
        const enginePort = await new Promise<number>((resolve, reject) =>
            engine.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
        const child = spawn(PLUGIN, [`127.0.0.1:${enginePort}`], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
        const port = await portOf(child, (code) => `plugin exited with ${code}: ${stderr}`);
        const host = new PluginHost(child, providerClient(port), engine, logs);
        host.stderr = stderr;
        child.stderr!.on("data", (d: Buffer) => (host.stderr += d.toString()));
        return host;
    }

    async getSchema(): Promise<string> {
        return (await this.call("getSchema", new provproto.GetSchemaRequest())).getSchema();
    }

    async getPluginInfo(): Promise<string> {
        return (await this.call("getPluginInfo", new emptyproto.Empty())).getVersion();
    }

    /** Configure with the provider's arguments (what stack config `tencentcloud-purge:*` becomes). */
    async configure(args: Props): Promise<{ acceptSecrets: boolean }> {
        const resp = await this.call("configure", new provproto.ConfigureRequest().setArgs(struct(args)).setAcceptsecrets(true));
        return { acceptSecrets: resp.getAcceptsecrets() };
    }

    async checkConfig(news: Props): Promise<Props> {
        const resp = await this.call("checkConfig", new provproto.CheckRequest().setUrn("urn:pulumi:test::purge::pulumi:providers:tencentcloud-purge::default")
            .setOlds(struct({})).setNews(struct(news)));
        return resp.getInputs().toJavaScript();
    }

    async invoke(tok: string, args: Props): Promise<{ result?: Props; failures: CheckFailure[] }> {
        const resp = await this.call("invoke", new provproto.InvokeRequest().setTok(tok).setArgs(struct(args)));
        return { result: resp.getReturn()?.toJavaScript(), failures: failuresOf(resp) };
    }

    check(urn: string, olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }> {
        return this.checkRequest(urn, olds, news);
    }

    async diff(urn: string, id: string, olds: Props, news: Props): Promise<{ changes: "unknown" | "none" | "some"; diffs: string[] }> {
        const resp = await this.diffRequest(urn, id, olds, news);
        return { changes: (["unknown", "none", "some"] as const)[resp.getChanges() as 0 | 1 | 2], diffs: resp.getDiffsList() };
    }

    /** `timeoutSeconds`: the engine's customTimeouts for the create, if any. */
    create(urn: string, props: Props, timeoutSeconds = 0): Promise<{ id: string; properties: Props }> {
        return this.createRequest(urn, props, timeoutSeconds);
    }

    update(urn: string, id: string, olds: Props, news: Props): Promise<Props> {
        return this.updateRequest(urn, id, olds, news);
    }

    /** Read; with `props` empty, as the engine reads a resource to import. `inputs` as the plugin answered them. */
    async read(urn: string, id: string, props: Props): Promise<{ id: string; properties: Props; inputs?: Props }> {
        const resp = await this.readRequest(urn, id, props);
        return { id: resp.getId(), properties: resp.getProperties().toJavaScript(), inputs: resp.getInputs()?.toJavaScript() };
    }

    delete(urn: string, id: string, props: Props): Promise<void> {
        return this.deleteRequest(urn, id, props);
    }

    stop(): void {
        super.stop();
        this.engine.forceShutdown();
    }

    /** With the status code, and a partly created resource's state as the engine decodes it. */
    protected toError(err: grpc.ServiceError): PluginError {
        return withPartialState(Object.assign(new Error(err.details || err.message), { code: err.code }), err);
    }
}
