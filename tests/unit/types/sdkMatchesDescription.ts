/**
 * The compile-time check that the hand-written TypeScript SDK takes and returns what the one description says.
 * `tsc -p tsconfig.check.json` (the test command's type check) fails when an argument is added, dropped, made
 * required or optional, or given another type on one side only; `tests/unit/sdkTypes.spec.ts` proves it fails on drift.
 */
import * as pulumi from "@pulumi/pulumi";
import { EDGEONE_GET_PURGE_TASKS, EDGEONE_PURGE, EDGEONE_PURGE_TASK_WAITER } from "../../../provider/edgeone/description";
import { EDGEONE_GET_PREFETCH_TASKS, EDGEONE_PREFETCH, EDGEONE_PREFETCH_TASK_WAITER } from "../../../provider/edgeone/prefetchDescription";
import { GET_PURGE_TASKS, PATH_PURGE, PURGE_TASK_WAITER, URL_PURGE } from "../../../provider/cdn/description";
import { Properties, ValueOf, ValuesOf } from "../../../provider/description";
import { edgeone } from "../../../sdk";
import { GetPushTasksArgs, GetPushTasksResult, PushTaskWaiter, PushTaskWaiterArgs, UrlPush, UrlPushArgs } from "../../../sdk";
import { GET_PUSH_TASKS, PUSH_TASK_WAITER, URL_PUSH } from "../../../provider/cdn/pushDescription";
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

holds<ArgsMatch<UrlPurgeArgs, typeof URL_PURGE.inputs>>(true);
holds<ArgsMatch<PathPurgeArgs, typeof PATH_PURGE.inputs>>(true);
holds<ArgsMatch<PurgeTaskWaiterArgs, typeof PURGE_TASK_WAITER.inputs>>(true);
holds<ArgsMatch<GetPurgeTasksArgs, typeof GET_PURGE_TASKS.inputs>>(true);
holds<OutputsMatch<UrlPurge, typeof URL_PURGE.inputs, typeof URL_PURGE.outputs>>(true);
holds<OutputsMatch<PathPurge, typeof PATH_PURGE.inputs, typeof PATH_PURGE.outputs>>(true);
holds<OutputsMatch<PurgeTaskWaiter, typeof PURGE_TASK_WAITER.inputs, typeof PURGE_TASK_WAITER.outputs>>(true);
holds<ResultMatches<GetPurgeTasksResult, typeof GET_PURGE_TASKS.outputs>>(true);
holds<ArgsMatch<edgeone.PurgeArgs, typeof EDGEONE_PURGE.inputs>>(true);
holds<ArgsMatch<edgeone.PurgeTaskWaiterArgs, typeof EDGEONE_PURGE_TASK_WAITER.inputs>>(true);
holds<ArgsMatch<edgeone.GetPurgeTasksArgs, typeof EDGEONE_GET_PURGE_TASKS.inputs>>(true);
holds<OutputsMatch<edgeone.Purge, typeof EDGEONE_PURGE.inputs, typeof EDGEONE_PURGE.outputs>>(true);
holds<OutputsMatch<edgeone.PurgeTaskWaiter, typeof EDGEONE_PURGE_TASK_WAITER.inputs, typeof EDGEONE_PURGE_TASK_WAITER.outputs>>(true);
holds<ResultMatches<edgeone.GetPurgeTasksResult, typeof EDGEONE_GET_PURGE_TASKS.outputs>>(true);
holds<ArgsMatch<edgeone.PrefetchArgs, typeof EDGEONE_PREFETCH.inputs>>(true);
holds<ArgsMatch<edgeone.PrefetchTaskWaiterArgs, typeof EDGEONE_PREFETCH_TASK_WAITER.inputs>>(true);
holds<ArgsMatch<edgeone.GetPrefetchTasksArgs, typeof EDGEONE_GET_PREFETCH_TASKS.inputs>>(true);
holds<OutputsMatch<edgeone.Prefetch, typeof EDGEONE_PREFETCH.inputs, typeof EDGEONE_PREFETCH.outputs>>(true);
holds<OutputsMatch<edgeone.PrefetchTaskWaiter, typeof EDGEONE_PREFETCH_TASK_WAITER.inputs, typeof EDGEONE_PREFETCH_TASK_WAITER.outputs>>(true);
holds<ResultMatches<edgeone.GetPrefetchTasksResult, typeof EDGEONE_GET_PREFETCH_TASKS.outputs>>(true);
holds<ArgsMatch<UrlPushArgs, typeof URL_PUSH.inputs>>(true);
holds<ArgsMatch<PushTaskWaiterArgs, typeof PUSH_TASK_WAITER.inputs>>(true);
holds<ArgsMatch<GetPushTasksArgs, typeof GET_PUSH_TASKS.inputs>>(true);
holds<OutputsMatch<UrlPush, typeof URL_PUSH.inputs, typeof URL_PUSH.outputs>>(true);
holds<OutputsMatch<PushTaskWaiter, typeof PUSH_TASK_WAITER.inputs, typeof PUSH_TASK_WAITER.outputs>>(true);
holds<ResultMatches<GetPushTasksResult, typeof GET_PUSH_TASKS.outputs>>(true);
