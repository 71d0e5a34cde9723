/**
 * What the two test hosts share: a child process that prints its gRPC port, a client of Pulumi's
 * ResourceProvider service, the resource requests built and answered as the engine does, and errors decoded with
 * a partly created resource's state. `ProviderHost` (Pulumi's dynamic-provider host) and `PluginHost` (the
 * provider plugin) add how they start and what they send besides.
 */
import { ChildProcess } from "child_process";
import * as grpc from "@grpc/grpc-js";

export const provproto = require("@pulumi/pulumi/proto/provider_pb");
export const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
export const emptyproto = require("google-protobuf/google/protobuf/empty_pb");
const structproto = require("google-protobuf/google/protobuf/struct_pb");

export type Props = Record<string, unknown>;

/** A property failure of a check. */
export interface CheckFailure {
    property: string;
    reason: string;
}

/** An error of a call, with the properties of a partly created resource (ErrorResourceInitFailed), if sent. */
export interface RpcHostError extends Error {
    partial?: { id: string; properties: Props };
}

/** `props` as a protobuf Struct. */
export const struct = (p: Props) => structproto.Struct.fromJavaScript(p);

/** The failures of a Check or Invoke answer. */
export const failuresOf = (resp: any): CheckFailure[] => resp.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() }));

/**
 * The port `child` prints on its first line of stdout; rejects with `exited(code)` when it exits first.
 *
 * @example
 * const port = await portOf(child, (code) => `provider host exited with ${code}`);
 */
export function portOf(child: ChildProcess, exited: (code: number | null) => string): Promise<string> {
    return new Promise<string>((resolve, reject) => {
        child.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
        child.once("exit", (code) => reject(new Error(exited(code))));
    });
}

/** A client of the ResourceProvider service listening on `port` of the loopback address. */
export const providerClient = (port: string): any => new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());

/**
 * A started provider process and its client. Requests take a URN only where the host under test reads it
 * (`undefined`: none is set, as Pulumi's dynamic-provider host needs none).
 */
export abstract class RpcHost {
    /** What the process printed on stderr. */
    stderr = "";

    protected constructor(private readonly child: ChildProcess, private readonly client: any) {}

    /** The engine's Cancel request, as `pulumi up` sends it on the first Ctrl-C. */
    async cancel(): Promise<void> {
        await this.call("cancel", new emptyproto.Empty());
    }

    stop(): void {
        this.client.close();
        this.child.kill();
    }

    protected async checkRequest(urn: string | undefined, olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }> {
        const resp = await this.call("check", withUrn(new provproto.CheckRequest(), urn).setOlds(struct(olds)).setNews(struct(news)));
        return { inputs: resp.getInputs().toJavaScript(), failures: failuresOf(resp) };
    }

    /** The Diff answer as it came. */
    protected diffRequest(urn: string | undefined, id: string, olds: Props, news: Props): Promise<any> {
        return this.call("diff", withUrn(new provproto.DiffRequest(), urn).setId(id).setOlds(struct(olds)).setNews(struct(news)));
    }

    /** `timeoutSeconds`: set when given (the engine's customTimeouts). */
    protected async createRequest(urn: string | undefined, props: Props, timeoutSeconds?: number): Promise<{ id: string; properties: Props }> {
        const req = withUrn(new provproto.CreateRequest(), urn).setProperties(struct(props));
        const resp = await this.call("create", timeoutSeconds === undefined ? req : req.setTimeout(timeoutSeconds));
        return { id: resp.getId(), properties: resp.getProperties().toJavaScript() };
    }

    protected async updateRequest(urn: string | undefined, id: string, olds: Props, news: Props): Promise<Props> {
        const resp = await this.call("update", withUrn(new provproto.UpdateRequest(), urn).setId(id).setOlds(struct(olds)).setNews(struct(news)));
        return resp.getProperties().toJavaScript();
    }

    /** The Read answer as it came. */
    protected readRequest(urn: string | undefined, id: string, props: Props): Promise<any> {
        return this.call("read", withUrn(new provproto.ReadRequest(), urn).setId(id).setProperties(struct(props)));
    }

    protected async deleteRequest(urn: string | undefined, id: string, props: Props): Promise<void> {
        await this.call("delete", withUrn(new provproto.DeleteRequest(), urn).setId(id).setProperties(struct(props)));
    }

    protected call(method: string, req: unknown): Promise<any> {
        return new Promise((resolve, reject) => {
            this.client[method](req, (err: grpc.ServiceError | null, resp: any) => (err ? reject(this.toError(err)) : resolve(resp)));
        });
    }

    /** The error a failed call rejects with. */
    protected toError(err: grpc.ServiceError): RpcHostError {
        return withPartialState(new Error(err.details || err.message), err);
    }
}

function withUrn<R extends { setUrn(urn: string): R }>(req: R, urn: string | undefined): R {
    return urn === undefined ? req : req.setUrn(urn);
}

/** Adds to `e` the partly created resource ErrorResourceInitFailed carries in `err`'s status details, as the engine does. */
export function withPartialState<E extends RpcHostError>(e: E, err: grpc.ServiceError): E {
    const bin = err.metadata?.get("grpc-status-details-bin")?.[0];
    if (bin) {
        const statusproto = require("@pulumi/pulumi/proto/status_pb");
        for (const any of statusproto.Status.deserializeBinary(bin).getDetailsList()) {
            const detail = provproto.ErrorResourceInitFailed.deserializeBinary(any.getValue());
            e.partial = { id: detail.getId(), properties: detail.getProperties().toJavaScript() };
        }
    }
    return e;
}
