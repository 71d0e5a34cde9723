/**
 * Every word a prefetch's description gives users (the schema's and SDKs' docs, the reference docs) speaks of
 * prefetching: a piece shared with the purges' descriptions must not carry "purge" into them.
 */
import * as assert from "assert";
import { GET_PUSH_TASKS, PUSH_HEADER, PUSH_STATUS, PUSH_TASK, PUSH_TASK_WAITER, URL_PUSH } from "../../provider/cdn/pushDescription";
import { EDGEONE_GET_PREFETCH_TASKS, EDGEONE_HEADER, EDGEONE_PREFETCH, EDGEONE_PREFETCH_STATUS, EDGEONE_PREFETCH_TASK,
    EDGEONE_PREFETCH_TASK_WAITER } from "../../provider/edgeone/prefetchDescription";

/** Every `description` in a description, with where it stands; examples are code (they call the package by its name). */
function descriptions(value: unknown, where: string): [string, string][] {
    if (typeof value !== "object" || value === null) {
        return [];
    }
    return Object.entries(value).flatMap(([k, v]): [string, string][] => k === "example" ? []
        : k === "description" && typeof v === "string" ? [[where, v]]
        : descriptions(v, `${where}.${k}`));
}

// What a prefetch is for may name a purge: warming the cache after one.
const WHY_PREFETCH = /after a purge/g;

describe("the prefetches' descriptions", () => {
    const described = { URL_PUSH, PUSH_TASK_WAITER, GET_PUSH_TASKS, PUSH_TASK, PUSH_HEADER, PUSH_STATUS, EDGEONE_PREFETCH,
        EDGEONE_PREFETCH_TASK_WAITER, EDGEONE_GET_PREFETCH_TASKS, EDGEONE_PREFETCH_TASK, EDGEONE_HEADER, EDGEONE_PREFETCH_STATUS };

    it("say prefetch, push or warm, never purge", () => {
        const all = Object.entries(described).flatMap(([name, d]) => descriptions(d, name));
        const purging = all.filter(([, text]) => /purg/i.test(text.replace(WHY_PREFETCH, "")));
        assert.ok(all.length > 80, `read only ${all.length} descriptions`);
        assert.deepStrictEqual(purging, []);
    });

    it("say what changing `triggers` and `wait: false` do for a prefetch and its gate", () => {
        assert.deepStrictEqual([URL_PUSH, EDGEONE_PREFETCH, PUSH_TASK_WAITER, EDGEONE_PREFETCH_TASK_WAITER].map((d) => d.inputs.triggers.description),
            [...Array(2).fill("Any values; when they change, the resource prefetches again."),
                ...Array(2).fill("Any values; when they change, the resource waits again.")]);
        assert.match(URL_PUSH.inputs.wait.description, /^Wait until every URL is warm\..*PushTaskWaiter/);
    });
});
