/**
 * Errors as the engine reads them. A purge that was submitted but did not finish (failed, timed out, cancelled)
 * is "created, but failed to initialize": the error carries the resource's id and properties, the engine keeps
 * them in the state, and the next `pulumi up` resumes the wait instead of purging again.
 */
import type * as grpcTypes from "@grpc/grpc-js";
import { messageOf } from "../client/apiError";
import { anyProto, grpc, providerProto, statusProto, toStruct } from "../engine/grpcModules";

/** What the core throws for a partly created resource (see `partialFailure`). */
interface PartialFailure {
    readonly id: string;
    readonly properties: Record<string, unknown>;
    readonly reasons?: readonly string[];
}

function isPartialFailure(e: unknown): e is Error & PartialFailure {
    return e instanceof Error && typeof (e as Error & Partial<PartialFailure>).id === "string" &&
        typeof (e as Error & Partial<PartialFailure>).properties === "object";
}

/**
 * The gRPC error for `e`; with `outputs` applied to a partly created resource's properties (e.g. to mark
 * secrets) before they go to the engine.
 *
 * @example
 * callback(toGrpcStatus(e, (props) => markSecrets(props, secretKeys)));
 */
export function toGrpcStatus(e: unknown, outputs: (props: Record<string, unknown>) => Record<string, unknown> = (p) => p): Partial<grpcTypes.StatusObject> {
    const message = messageOf(e);
    const metadata = new grpc.Metadata();
    if (isPartialFailure(e)) {
        const detail = new providerProto.ErrorResourceInitFailed();
        detail.setId(e.id);
        detail.setProperties(toStruct(outputs(e.properties)));
        detail.setReasonsList([...(e.reasons ?? [message])]);
        const any = new anyProto.Any();
        any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
        const status = new statusProto.Status();
        status.setCode(grpc.status.UNKNOWN);
        status.setMessage(message);
        status.addDetails(any);
        // grpc-js sends structured details only through this metadata key (the engine's Go side decodes it).
        metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
    }
    return { code: grpc.status.UNKNOWN, details: message, metadata } as Partial<grpcTypes.StatusObject> & { message: string };
}

/**
 * The answer for a call this plugin does not serve.
 *
 * @example
 * callback(unimplemented("Construct"));
 */
export function unimplemented(method: string): Partial<grpcTypes.StatusObject> {
    return { code: grpc.status.UNIMPLEMENTED, details: `${method} is not implemented by the tencentcloud-purge provider` };
}

