/**
 * The compile-time check that the hand-written TypeScript SDK takes and returns what the one description says, for
 * every resource kind of the registry.
 * `tsc -p tsconfig.check.json` (the test command's type check) fails when an argument is added, dropped, made
 * required or optional, or given another type on one side only; `tests/unit/sdkTypes.spec.ts` proves it fails on drift.
 */
import * as pulumi from "@pulumi/pulumi";
import { EDGEONE_GET_PURGE_TASKS } from "../../../provider/edgeone/description";
import { EDGEONE_GET_PREFETCH_TASKS } from "../../../provider/edgeone/prefetchDescription";
import { GET_PURGE_TASKS } from "../../../provider/cdn/description";
import { RESOURCE_KINDS, ResourceKind } from "../../../provider/products";
import { Properties, ValueOf, ValuesOf } from "../../../provider/description";
import { edgeone } from "../../../sdk";
import { GetPushTasksArgs, GetPushTasksResult, PushTaskWaiter, PushTaskWaiterArgs, UrlPush, UrlPushArgs } from "../../../sdk";
import { GET_PUSH_TASKS } from "../../../provider/cdn/pushDescription";
import { GetPurgeTasksArgs, GetPurgeTasksResult, PathPurge, PathPurgeArgs, PurgeTaskWaiter, PurgeTaskWaiterArgs, UrlPurge, UrlPurgeArgs } from "../../../sdk";

/** True when A and B are each assignable to the other. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Arrays as plain arrays, whether the SDK takes them `readonly` (which is kinder to callers) or not. */
type Plain<T> = T extends readonly (infer U)[] ? Plain<U>[] : T;
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
/** Arguments match: the same names, the same ones required, each of the same type once Inputs are unwrapped (object types, which the description does not type, aside). */
export type ArgsMatch<Args, Ps extends Properties> =
    Same<keyof Args, keyof Ps> extends true ?
    Same<RequiredKeys<Args>, RequiredKeys<ValuesOf<Ps>>> extends true ?
    { [K in keyof Ps & keyof Args]-?: Untyped<ValueOf<Ps[K]>> extends true ? true : Same<Plain<Exclude<pulumi.Unwrap<Args[K]>, undefined>>, Plain<pulumi.Unwrap<ValueOf<Ps[K]>>>> }[keyof Ps & keyof Args] extends true ?
    true : "an argument's type differs from the description" : "required arguments differ from the description" : "argument names differ from the description";

/** A described value of an object type (or a list of them), which the description does not type. */
type Untyped<V> = unknown extends V ? true : V extends readonly unknown[] ? (unknown extends V[number] ? true : false) : false;
/** The outputs a resource class declares, unwrapped. */
type DeclaredOutputs<C> = { [K in Exclude<keyof C, "urn" | "id"> as C[K] extends pulumi.Output<unknown> ? K : never]: C[K] extends pulumi.Output<infer T> ? T : never };
/** Outputs match: every described output is declared, every declared one is described (as an output or an input),
 * and each described value fits the declared type (`null` and `undefined` aside; object types are not compared). */
export type OutputsMatch<C, Ins extends Properties, Outs extends Properties> =
    Exclude<keyof Outs, keyof DeclaredOutputs<C>> extends never ?
    Exclude<keyof DeclaredOutputs<C>, keyof Outs | keyof Ins> extends never ?
    { [K in keyof DeclaredOutputs<C> & keyof (Ins & Outs)]-?: Untyped<ValueOf<(Ins & Outs)[K]>> extends true ? true :
        [ValueOf<(Ins & Outs)[K]>] extends [NonNullable<DeclaredOutputs<C>[K]>] ? true : false }[keyof DeclaredOutputs<C> & keyof (Ins & Outs)] extends true ?
    true : "an output's type differs from the description" : "the class declares an output the description lacks" : "the class lacks a described output";
type ResultMatches<R, Outs extends Properties> =
    Same<keyof R, keyof Outs> extends true ? true : "result fields differ from the description";

/** Compiles only when `T` is exactly `true`; otherwise the error shows the reason. */
export const holds = <T extends true>(ok: T) => ok;

/**
 * One entry per resource kind of the registry, so that the compiler refuses a resource added without the check
 * of its SDK class.
 */
export const RESOURCES_CHECKED: { readonly [K in ResourceKind]: true } = {
    urlPurge: holds<ArgsMatch<UrlPurgeArgs, typeof RESOURCE_KINDS.urlPurge.inputs>>(true) &&
        holds<OutputsMatch<UrlPurge, typeof RESOURCE_KINDS.urlPurge.inputs, typeof RESOURCE_KINDS.urlPurge.outputs>>(true),
    pathPurge: holds<ArgsMatch<PathPurgeArgs, typeof RESOURCE_KINDS.pathPurge.inputs>>(true) &&
        holds<OutputsMatch<PathPurge, typeof RESOURCE_KINDS.pathPurge.inputs, typeof RESOURCE_KINDS.pathPurge.outputs>>(true),
    waiter: holds<ArgsMatch<PurgeTaskWaiterArgs, typeof RESOURCE_KINDS.waiter.inputs>>(true) &&
        holds<OutputsMatch<PurgeTaskWaiter, typeof RESOURCE_KINDS.waiter.inputs, typeof RESOURCE_KINDS.waiter.outputs>>(true),
    edgeOnePurge: holds<ArgsMatch<edgeone.PurgeArgs, typeof RESOURCE_KINDS.edgeOnePurge.inputs>>(true) &&
        holds<OutputsMatch<edgeone.Purge, typeof RESOURCE_KINDS.edgeOnePurge.inputs, typeof RESOURCE_KINDS.edgeOnePurge.outputs>>(true),
    edgeOneWaiter: holds<ArgsMatch<edgeone.PurgeTaskWaiterArgs, typeof RESOURCE_KINDS.edgeOneWaiter.inputs>>(true) &&
        holds<OutputsMatch<edgeone.PurgeTaskWaiter, typeof RESOURCE_KINDS.edgeOneWaiter.inputs, typeof RESOURCE_KINDS.edgeOneWaiter.outputs>>(true),
    edgeOnePrefetch: holds<ArgsMatch<edgeone.PrefetchArgs, typeof RESOURCE_KINDS.edgeOnePrefetch.inputs>>(true) &&
        holds<OutputsMatch<edgeone.Prefetch, typeof RESOURCE_KINDS.edgeOnePrefetch.inputs, typeof RESOURCE_KINDS.edgeOnePrefetch.outputs>>(true),
    edgeOnePrefetchWaiter: holds<ArgsMatch<edgeone.PrefetchTaskWaiterArgs, typeof RESOURCE_KINDS.edgeOnePrefetchWaiter.inputs>>(true) &&
        holds<OutputsMatch<edgeone.PrefetchTaskWaiter, typeof RESOURCE_KINDS.edgeOnePrefetchWaiter.inputs, typeof RESOURCE_KINDS.edgeOnePrefetchWaiter.outputs>>(true),
    urlPush: holds<ArgsMatch<UrlPushArgs, typeof RESOURCE_KINDS.urlPush.inputs>>(true) &&
        holds<OutputsMatch<UrlPush, typeof RESOURCE_KINDS.urlPush.inputs, typeof RESOURCE_KINDS.urlPush.outputs>>(true),
    pushWaiter: holds<ArgsMatch<PushTaskWaiterArgs, typeof RESOURCE_KINDS.pushWaiter.inputs>>(true) &&
        holds<OutputsMatch<PushTaskWaiter, typeof RESOURCE_KINDS.pushWaiter.inputs, typeof RESOURCE_KINDS.pushWaiter.outputs>>(true),
};

holds<ArgsMatch<GetPurgeTasksArgs, typeof GET_PURGE_TASKS.inputs>>(true);
holds<ResultMatches<GetPurgeTasksResult, typeof GET_PURGE_TASKS.outputs>>(true);
holds<ArgsMatch<edgeone.GetPurgeTasksArgs, typeof EDGEONE_GET_PURGE_TASKS.inputs>>(true);
holds<ResultMatches<edgeone.GetPurgeTasksResult, typeof EDGEONE_GET_PURGE_TASKS.outputs>>(true);
holds<ArgsMatch<edgeone.GetPrefetchTasksArgs, typeof EDGEONE_GET_PREFETCH_TASKS.inputs>>(true);
holds<ResultMatches<edgeone.GetPrefetchTasksResult, typeof EDGEONE_GET_PREFETCH_TASKS.outputs>>(true);
holds<ArgsMatch<GetPushTasksArgs, typeof GET_PUSH_TASKS.inputs>>(true);
holds<ResultMatches<GetPushTasksResult, typeof GET_PUSH_TASKS.outputs>>(true);
