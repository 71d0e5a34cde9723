/**
 * The provider plugin's side of Pulumi's provider protocol, over the core in `provider/`: the same resource
 * providers the dynamic-provider host calls (`providers` of `provider/host.ts`), the same connection resolver
 * and the same reader of purge tasks. This file only translates: protocol messages in, plain values to the core,
 * results (with their secret marks restored) out.
 *
 * Why not `@pulumi/pulumi/provider`'s server: in the version this package pins, its Configure drops the
 * provider's configuration (credentials and endpoint would never arrive), CheckConfig and DiffConfig are
 * unimplemented, and Create and Update do not pass on the operation's customTimeouts. Its dynamic-provider host
 * (`cmd/dynamic-provider`) serves the generated stubs directly; this does the same.
 */
import type * as grpcTypes from "@grpc/grpc-js";
import type * as pb from "@pulumi/pulumi/proto/provider_pb";
import { cancel, configure, providers } from "../host";
import { ResourceKind, RESOURCE_KINDS, RESOURCES } from "../products";
import { answerGetPurgeTasks } from "../cdn/getPurgeTasksAnswer";
import { hostApi, hostPushApi } from "../cdn/clients";
import { hostEdgeOneApi, hostEdgeOnePrefetchApi } from "../edgeone/clients";
import { toTaskQuery } from "../cdn/getPurgeTasksQuery";
import { InvalidArgumentError } from "../description/validation";
import { emptyProto, fromStruct, pluginProto, providerProto, toStruct } from "../engine/grpcModules";
import { pluginConfig } from "./pluginConfig";
import { toGrpcStatus, unimplemented } from "./grpcStatus";
import { PACKAGE_VERSION, SECRET_CONFIG_KEYS } from "./schema";
import { EDGEONE_GET_PURGE_TASKS } from "../edgeone/description";
import { GET_PURGE_TASKS } from "../cdn/description";
import { GET_PUSH_TASKS } from "../cdn/pushDescription";
import { answerGetPushTasks, toPushQuery } from "../cdn/getPushTasks";
import { secretInputsOf, tokenOf, WAIT_OPTIONS } from "../description";
import { answerEdgeOneGetPurgeTasks } from "../edgeone/getPurgeTasksAnswer";
import { toEdgeOneQuery } from "../edgeone/getPurgeTasksQuery";
import { EDGEONE_GET_PREFETCH_TASKS } from "../edgeone/prefetchDescription";
import { answerEdgeOneGetPrefetchTasks, toEdgeOnePrefetchQuery } from "../edgeone/getPrefetchTasks";
import { schemaText } from "./schemaText";
import { markSecrets, revealSecrets } from "./secrets";

type Props = Record<string, unknown>;
type Handler = (call: { request: any }, callback: (err: Partial<grpcTypes.StatusObject> | null, res?: unknown) => void) => void;

/** Each resource's token, and the kind the host serves it as. */
const KINDS: Record<string, ResourceKind> = Object.fromEntries(
    (Object.entries(RESOURCE_KINDS) as [ResourceKind, { name: string; module?: string }][]).map(([kind, spec]) => [tokenOf(spec), kind]));
/**
 * Each resource token's secret inputs (a prefetch's `headers`): kept secret in the inputs and outputs the engine
 * stores even when the program gave them in plain text, as the Python and Go SDKs generated from the schema do.
 */
const SECRET_INPUTS: Record<string, ReadonlySet<string>> = Object.fromEntries(RESOURCES.map((spec) => [tokenOf(spec), secretInputsOf(spec)]));
/** `secretKeys` with the resource's secret inputs. */
const withSecretInputs = (urn: string, secretKeys: ReadonlySet<string>): ReadonlySet<string> =>
    new Set([...secretKeys, ...(SECRET_INPUTS[urn.split("::")[2]?.split("$").pop() ?? ""] ?? [])]);
/** The functions: each checks its arguments (throwing an InvalidArgumentError) and reads. */
const FUNCTIONS: Record<string, (args: Props) => Promise<unknown>> = {
    [tokenOf(GET_PURGE_TASKS)]: async (args) => answerGetPurgeTasks(hostApi(), toTaskQuery(args)),
    [tokenOf(EDGEONE_GET_PURGE_TASKS)]: async (args) => answerEdgeOneGetPurgeTasks(hostEdgeOneApi(), toEdgeOneQuery(args)),
    [tokenOf(EDGEONE_GET_PREFETCH_TASKS)]: async (args) =>
        answerEdgeOneGetPrefetchTasks(hostEdgeOnePrefetchApi(), toEdgeOnePrefetchQuery(args)),
    [tokenOf(GET_PUSH_TASKS)]: async (args) => answerGetPushTasks(hostPushApi(), toPushQuery(args)),
};
/** An input the core reads to show progress on the resource's own line; never stored. */
const URN_INPUT = "resourceUrn";

/** What every resource provider of the core offers, as the plugin calls it. */
interface CoreProvider {
    check(olds: Props, news: Props): Promise<{ failures: { property: string; reason: string }[] }>;
    diff(id: string, olds: Props, news: Props): Promise<{ changes: boolean; detailedDiff: Readonly<Record<string, "input" | "output">> }>;
    create(inputs: Props): Promise<{ id: string; outs: Props }>;
    update(id: string, olds: Props, news: Props): Promise<{ outs: Props }>;
    /** `inputs` only for an import, where the engine has none yet. */
    read(id: string, props: Props): Promise<{ id: string; props: Props; inputs?: Props }>;
    delete(): Promise<void>;
}

function providerFor(urn: string): CoreProvider {
    const type = urn.split("::")[2]?.split("$").pop() ?? "";
    const kind = KINDS[type];
    if (!kind) {
        throw new Error(`unknown resource type ${type}; this provider serves ${Object.keys(KINDS).join(", ")}`);
    }
    return providers[kind];
}

/** A unary handler from an async function; a thrown gRPC status passes as it is, anything else becomes one. */
function unary<Req>(f: (req: Req) => Promise<unknown>): Handler {
    return (call, callback) => {
        f(call.request).then((res) => callback(null, res), (e) => {
            const ready = typeof e?.code === "number" && e.metadata !== undefined;
            callback(ready ? e : toGrpcStatus(e));
        });
    };
}

/** Outputs for the engine: without the inputs only the plugin added, secret where the input was. */
const outputs = (props: Props, secretKeys: ReadonlySet<string>, added: readonly string[] = [URN_INPUT]) =>
    markSecrets(Object.fromEntries(Object.entries(props).filter(([k]) => !added.includes(k))), secretKeys);

/**
 * The inputs the core gets for a create or update: the resource's URN (for progress) and, when the program set
 * no `timeoutSeconds`, the engine's `customTimeouts` for the operation as the wait's deadline. Returns the names
 * added, which are not stored.
 */
function coreInputs(plain: Props, urn: string, engineTimeoutSeconds: number): { inputs: Props; added: string[] } {
    const useEngineTimeout = (plain.timeoutSeconds === undefined || plain.timeoutSeconds === null) && engineTimeoutSeconds > 0;
    return {
        // A customTimeouts longer than a wait may last is capped, rather than refused under an input the user never set.
        inputs: { ...plain, [URN_INPUT]: urn,
            ...(useEngineTimeout ? { timeoutSeconds: Math.min(engineTimeoutSeconds, WAIT_OPTIONS.timeoutSeconds.max) } : {}) },
        added: useEngineTimeout ? [URN_INPUT, "timeoutSeconds"] : [URN_INPUT],
    };
}

/** Runs a create or update, keeping a partly created resource's properties (secrets marked) in its error. */
async function changing<T>(secretKeys: ReadonlySet<string>, added: readonly string[], run: () => Promise<T>): Promise<T> {
    try {
        return await run();
    } catch (e) {
        throw toGrpcStatus(e, (props) => outputs(props, secretKeys, added));
    }
}

/**
 * The handlers of the ResourceProvider service.
 *
 * @example
 * server.addService(providerRpc.ResourceProviderService, providerService());
 */
export function providerService(): Record<string, Handler> {
    return {
        getPluginInfo: unary(async () => new pluginProto.PluginInfo().setVersion(PACKAGE_VERSION)),
        getSchema: unary(async (req: pb.GetSchemaRequest) => {
            if (req.getVersion() !== 0) {
                throw new Error(`unsupported schema version ${req.getVersion()}`);
            }
            return new providerProto.GetSchemaResponse().setSchema(schemaText());
        }),
        // The engine stores what CheckConfig returns in the state: a key or token set without `--secret` must not
        // land there in plain text.
        checkConfig: unary(async (req: pb.CheckRequest) => {
            const { plain, secretKeys } = revealSecrets(fromStruct(req.getNews()));
            return new providerProto.CheckResponse().setInputs(toStruct(markSecrets(plain, new Set([...secretKeys, ...SECRET_CONFIG_KEYS]))));
        }),
        diffConfig: unary(async (req: pb.DiffRequest) => {
            const olds = revealSecrets(fromStruct(req.getOlds())).plain;
            const news = revealSecrets(fromStruct(req.getNews())).plain;
            const diffs = [...new Set([...Object.keys(olds), ...Object.keys(news)])]
                .filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
            return new providerProto.DiffResponse().setDiffsList(diffs)
                .setChanges(diffs.length > 0 ? providerProto.DiffResponse.DiffChanges.DIFF_SOME : providerProto.DiffResponse.DiffChanges.DIFF_NONE);
        }),
        configure: unary(async (req: pb.ConfigureRequest) => {
            const args = req.getArgs() ? revealSecrets(fromStruct(req.getArgs())).plain : undefined;
            const variables = new Map(req.getVariablesMap().toArray());
            await configure({ config: pluginConfig(args, variables) });
            return new providerProto.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(false);
        }),
        invoke: unary(async (req: pb.InvokeRequest) => {
            const read = FUNCTIONS[req.getTok()];
            if (!read) {
                throw new Error(`unknown function ${req.getTok()}; this provider serves ${Object.keys(FUNCTIONS).join(", ")}`);
            }
            const resp = new providerProto.InvokeResponse();
            try {
                return resp.setReturn(toStruct({ ...(await read(revealSecrets(fromStruct(req.getArgs())).plain) as object) }));
            } catch (e) {
                if (e instanceof InvalidArgumentError) {
                    return resp.setFailuresList([new providerProto.CheckFailure().setProperty(e.argument).setReason(e.message)]);
                }
                throw e;
            }
        }),
        check: unary(async (req: pb.CheckRequest) => {
            const { plain: news, secretKeys } = revealSecrets(fromStruct(req.getNews()));
            const { failures } = await providerFor(req.getUrn()).check(fromStruct(req.getOlds()), news);
            // The engine stores the inputs Check returns: a secret input given in plain text must not land there so.
            return new providerProto.CheckResponse().setInputs(toStruct(markSecrets(news, withSecretInputs(req.getUrn(), secretKeys))))
                .setFailuresList(failures.map((f) =>
                new providerProto.CheckFailure().setProperty(f.property).setReason(f.reason)));
        }),
        diff: unary(async (req: pb.DiffRequest) => {
            const olds = revealSecrets(fromStruct(req.getOlds())).plain;
            const news = revealSecrets(fromStruct(req.getNews())).plain;
            // The core's one diff rule decides; its detailed diff names each changed input and the outputs the
            // update sets anew (the task ids when it purges again, the status when it waits again).
            const { changes, detailedDiff } = await providerFor(req.getUrn()).diff(req.getId(), olds, news);
            const resp = new providerProto.DiffResponse().setHasdetaileddiff(true)
                .setChanges(changes ? providerProto.DiffResponse.DiffChanges.DIFF_SOME : providerProto.DiffResponse.DiffChanges.DIFF_NONE);
            for (const [key, side] of Object.entries(detailedDiff)) {
                resp.addDiffs(key);
                resp.getDetaileddiffMap().set(key, new providerProto.PropertyDiff()
                    .setKind(providerProto.PropertyDiff.Kind.UPDATE).setInputdiff(side === "input"));
            }
            return resp;
        }),
        create: unary(async (req: pb.CreateRequest) => {
            const revealed = revealSecrets(fromStruct(req.getProperties()));
            const { plain } = revealed;
            const secretKeys = withSecretInputs(req.getUrn(), revealed.secretKeys);
            const { inputs, added } = coreInputs(plain, req.getUrn(), req.getTimeout());
            const { id, outs } = await changing(secretKeys, added, () => providerFor(req.getUrn()).create(inputs));
            return new providerProto.CreateResponse().setId(id).setProperties(toStruct(outputs(outs, secretKeys, added)));
        }),
        update: unary(async (req: pb.UpdateRequest) => {
            const olds = revealSecrets(fromStruct(req.getOlds()));
            const news = revealSecrets(fromStruct(req.getNews()));
            const secretKeys = withSecretInputs(req.getUrn(), new Set([...olds.secretKeys, ...news.secretKeys]));
            const { inputs, added } = coreInputs(news.plain, req.getUrn(), req.getTimeout());
            const { outs } = await changing(secretKeys, added, () => providerFor(req.getUrn()).update(req.getId(), olds.plain, inputs));
            return new providerProto.UpdateResponse().setProperties(toStruct(outputs(outs, secretKeys, added)));
        }),
        read: unary(async (req: pb.ReadRequest) => {
            const revealed = revealSecrets(fromStruct(req.getProperties()));
            const secretKeys = withSecretInputs(req.getUrn(), revealed.secretKeys);
            const { id, props, inputs } = await providerFor(req.getUrn()).read(req.getId(), revealed.plain);
            const resp = new providerProto.ReadResponse().setId(id).setProperties(toStruct(outputs(props, secretKeys)));
            if (inputs) {
                return resp.setInputs(toStruct(markSecrets(inputs, secretKeys))); // an import: the inputs that would make this resource
            }
            return req.getInputs() ? resp.setInputs(req.getInputs()) : resp;
        }),
        delete: unary(async (req: pb.DeleteRequest) => {
            await providerFor(req.getUrn()).delete();
            return new emptyProto.Empty();
        }),
        cancel: unary(async () => {
            cancel();
            return new emptyProto.Empty();
        }),
        ...Object.fromEntries(["handshake", "parameterize", "call", "construct", "attach", "getMapping", "getMappings"]
            .map((m) => [m, ((_call, callback) => callback(unimplemented(m[0].toUpperCase() + m.slice(1)))) as Handler])),
        list: ((call: { emit(event: string, e: unknown): void }) => call.emit("error", unimplemented("List"))) as unknown as Handler,
    };
}
