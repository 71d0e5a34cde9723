/**
 * `edgeone.Prefetch`, `edgeone.PrefetchTaskWaiter` and `edgeone.getPrefetchTasks` checks, each naming the argument,
 * before any request; the prefetch record kind (`invalid` fails); and the prefetch's own default deadline.
 */
import * as assert from "assert";
import { validateInputs, waitSettings } from "../../provider/description";
import { EDGEONE_GET_PREFETCH_TASKS, EDGEONE_PREFETCH, EDGEONE_PREFETCH_TASK_WAITER } from "../../provider/edgeone/prefetchDescription";
import { EDGEONE_PURGE } from "../../provider/edgeone/description";
import { EDGEONE_PREFETCH_RECORDS, toEdgeOnePrefetchTask } from "../../provider/edgeone/prefetchRecords";
import { edgeOneState, toEdgeOneTask } from "../../provider/edgeone/records";
import { toEdgeOnePrefetchQuery } from "../../provider/edgeone/getPrefetchTasks";
import { edgeOnePrefetchRequestOf } from "../../provider/edgeone/prefetchProvider";

const ZONE = "zone-2noz78a8ev6k";
const URL = "https://www.example.com/app.js";
/** The argument an error names. */
const argumentOf = (f: () => unknown): string | undefined => {
    try {
        f();
        return undefined;
    } catch (e) {
        return (e as { argument?: string }).argument;
    }
};

describe("edgeone.Prefetch inputs", () => {
    const check = (props: Record<string, unknown>) => argumentOf(() => validateInputs(EDGEONE_PREFETCH, { zoneId: ZONE, targets: [URL], ...props }));

    it("takes every input at its valid values", () => {
        const known = validateInputs(EDGEONE_PREFETCH, { zoneId: ZONE, targets: [URL], mode: "edge", headers: [{ name: "X-Warm", value: "1" }],
            prefetchMediaSegments: "on", wait: false, timeoutSeconds: 60, minDelaySeconds: 1, maxDelaySeconds: 2, triggers: ["r1"] });
        assert.deepStrictEqual(edgeOnePrefetchRequestOf(known), { zoneId: ZONE, targets: [URL], mode: "edge",
            headers: [{ name: "X-Warm", value: "1" }], prefetchMediaSegments: "on" });
    });
    for (const [input, props, named] of [
        ["zoneId", { zoneId: "example.com" }, "zoneId"],
        ["zoneId", { zoneId: undefined }, "zoneId"],
        ["targets", { targets: undefined }, "targets"],
        ["targets", { targets: [] }, "targets"],
        ["targets", { targets: ["www.example.com/a"] }, "targets[0]"],
        ["targets", { targets: [URL, URL] }, "targets[1]"],
        ["mode", { mode: "middle" }, "mode"],
        ["headers", { headers: Array.from({ length: 21 }, (_, i) => ({ name: `X-${i}`, value: "" })) }, "headers"],
        ["headers", { headers: [{ name: "Bad Name", value: "1" }] }, "headers[0].name"],
        ["headers", { headers: [{ name: "X".repeat(129), value: "1" }] }, "headers[0].name"],
        ["headers", { headers: [{ name: "X-A", value: "v".repeat(1025) }] }, "headers[0].value"],
        ["headers", { headers: [{ name: "X-A", value: "1", extra: "2" }] }, "headers[0]"],
        ["headers", { headers: [null] }, "headers[0]"],
        ["prefetchMediaSegments", { prefetchMediaSegments: "yes" }, "prefetchMediaSegments"],
        ["wait", { wait: "no" }, "wait"],
        ["timeoutSeconds", { timeoutSeconds: 0 }, "timeoutSeconds"],
        ["maxDelaySeconds", { minDelaySeconds: 5, maxDelaySeconds: 2 }, "maxDelaySeconds"],
    ] as const) {
        it(`names ${named} for a bad ${input}: ${JSON.stringify(props).slice(0, 60)}`, () => {
            assert.strictEqual(check(props), named);
        });
    }
    it("waits 1800 s by default (a prefetch takes 5 to 30 minutes), a purge 600 s", () => {
        assert.deepStrictEqual([waitSettings({}, EDGEONE_PREFETCH).timeoutSeconds, waitSettings({}, EDGEONE_PURGE).timeoutSeconds,
            waitSettings({ timeoutSeconds: 90 }, EDGEONE_PREFETCH).timeoutSeconds], [1800, 600, 90]);
    });
});

describe("edgeone.PrefetchTaskWaiter inputs", () => {
    const check = (props: Record<string, unknown>) => argumentOf(() => validateInputs(EDGEONE_PREFETCH_TASK_WAITER, { zoneId: ZONE, ...props }));
    it("takes jobId or jobIds, and names what is wrong", () => {
        assert.deepStrictEqual([check({ jobId: "j1" }), check({ jobIds: ["j1", "j2"] }), check({}), check({ jobId: "j1", jobIds: ["j2"] }),
            check({ jobIds: [] }), check({ jobId: "j1", timeoutSeconds: -1 })], [undefined, undefined, "jobId", "jobIds", "jobIds", "timeoutSeconds"]);
    });
});

describe("edgeone.getPrefetchTasks arguments", () => {
    const check = (props: Record<string, unknown>) => argumentOf(() => toEdgeOnePrefetchQuery({ zoneId: ZONE, ...props }));
    it("turns every argument into the query's filters, range and page", () => {
        const q = toEdgeOnePrefetchQuery({ zoneId: ZONE, startTime: "2026-12-04T19:00:00+08:00", endTime: "2026-12-04T20:00:00+08:00",
            jobId: "j1", target: URL, domains: ["www.example.com"], statuses: ["invalid", "failed"], offset: 5, limit: 10 });
        assert.deepStrictEqual(q, { zoneId: ZONE, startTime: "2026-12-04T19:00:00+08:00", endTime: "2026-12-04T20:00:00+08:00",
            filters: [{ name: "job-id", values: ["j1"] }, { name: "target", values: [URL] }, { name: "domains", values: ["www.example.com"] },
                { name: "statuses", values: ["invalid", "failed"] }], offset: 5, limit: 10 });
    });
    it("names each bad argument", () => {
        assert.deepStrictEqual([check({}), check({ endTime: "2026-12-04T20:00:00+08:00", jobId: "j" }),
            check({ startTime: "2026-12-04T20:00:00+08:00", endTime: "2026-12-04T19:00:00+08:00" }), check({ startTime: "yesterday" }),
            check({ jobId: "j", statuses: ["done"] }), check({ jobId: "j", domains: ["not a host"] }), check({ jobId: "j", limit: 1001 }),
            check({ jobId: "j", offset: -1 }), check({ jobId: "j", type: "purge_url" })],
        ["startTime", "endTime", "endTime", "startTime", "statuses[0]", "domains[0]", "limit", "offset", undefined]);
    });
});

describe("the prefetch record kind", () => {
    const task = (Status: string) => toEdgeOnePrefetchTask({ JobId: "j1", Target: URL, Status, CreateTime: "2026-12-04T20:00:00+08:00",
        FailType: "originPullFailed", FailMessage: "the origin answered 404" });
    it("fails on failed, timeout, canceled and invalid; is done only on success", () => {
        assert.deepStrictEqual(["Processing", "success", "failed", "timeout", "canceled", "invalid", "unheard-of"]
            .map((s) => EDGEONE_PREFETCH_RECORDS.stateOf(task(s))), ["pending", "done", "failed", "failed", "failed", "failed", "pending"]);
    });
    it("takes invalid as failed where the purge kind would keep waiting", () => {
        assert.strictEqual(edgeOneState(toEdgeOneTask({ Status: "invalid" })), "pending");
    });
    it("names an invalid URL with what invalid means and FailType: FailMessage", () => {
        assert.strictEqual(EDGEONE_PREFETCH_RECORDS.describe(task("invalid")),
            `${URL} (invalid: the origin answered 4xx/5xx, originPullFailed: the origin answered 404)`);
        assert.strictEqual(EDGEONE_PREFETCH_RECORDS.describe(task("timeout")), `${URL} (timeout, originPullFailed: the origin answered 404)`);
    });
});
