/**
 * The core's round read that both products' job readers use: a range of the listing while its pages pay for
 * themselves, then by id every job the range did not list whole.
 */
import * as assert from "assert";
import { rangeStartOf, readRangeThenById } from "../../provider/wait/rangeThenById";

interface Rec { readonly job: string; readonly n: number }

/** A listing of `jobs` (each `[id, records]`, newest first) read in pages of `pageSize`; logs each call. */
function listing(jobs: ReadonlyArray<readonly [string, number]>, pageSize: number) {
    const all: Rec[] = jobs.flatMap(([job, count]) => Array.from({ length: count }, (_, n) => ({ job, n })));
    const calls: string[] = [];
    return {
        calls,
        reading: (withRange: boolean) => ({
            pageSize,
            rangePage: withRange ? async (offset: number) => {
                calls.push(`page@${offset}`);
                return { records: all.slice(offset, offset + pageSize), totalCount: all.length };
            } : undefined,
            jobOf: (r: Rec) => r.job,
            readById: async (id: string) => {
                calls.push(`id:${id}`);
                return { records: all.filter((r) => r.job === id), apiCalls: 1 };
            },
        }),
    };
}

describe("wait: a round's read, a range then by id", () => {
    it("reads every job by id when no range is given", async () => {
        const { calls, reading } = listing([["a", 2], ["b", 2]], 10);
        const read = await readRangeThenById([{ taskId: "a" }, { taskId: "b" }], reading(false));
        assert.deepStrictEqual([calls, read.apiCalls, read.records.get("b")!.length], [["id:a", "id:b"], 2, 2]);
    });

    it("finds the jobs of one page of the range with one call", async () => {
        const { calls, reading } = listing([["a", 2], ["x", 3], ["b", 2]], 10);
        const read = await readRangeThenById([{ taskId: "a" }, { taskId: "b" }], reading(true));
        assert.deepStrictEqual([calls, read.apiCalls, read.rangeTotal], [["page@0"], 1, 7]);
    });

    it("stops paging once the pages found fewer jobs than they cost, and reads the rest by id", async () => {
        const { calls, reading } = listing([["x", 4], ["y", 4], ["a", 1], ["b", 1]], 4);
        await readRangeThenById([{ taskId: "a" }, { taskId: "b" }], reading(true));
        assert.deepStrictEqual(calls, ["page@0", "id:a", "id:b"]);
    });

    it("reads by id a job the whole range did not list", async () => {
        const { calls, reading } = listing([["a", 3], ["b", 3], ["c", 1]], 4);
        const read = await readRangeThenById([{ taskId: "a" }, { taskId: "b" }, { taskId: "c" }, { taskId: "d" }], reading(true));
        assert.deepStrictEqual([calls, read.records.get("b")!.length], [["page@0", "page@4", "id:d"], 3]);
    });

    it("re-reads by id a job on the last page read of a range it stopped reading", async () => {
        const { calls, reading } = listing([["x", 3], ["a", 1], ["b", 2], ["y", 6]], 4);
        const read = await readRangeThenById([{ taskId: "a" }, { taskId: "b" }], reading(true));
        // Every job was found by page 4, but b's records may go on on page 8: read again by id.
        assert.deepStrictEqual([calls, read.apiCalls], [["page@0", "page@4", "id:b"], 3]);
    });

    it("keeps a job listed before the last page read when paging stops for its cost", async () => {
        const { calls, reading } = listing([["x", 2], ["a", 2], ["y", 4], ["b", 1]], 4);
        const read = await readRangeThenById([{ taskId: "a" }, { taskId: "b" }, { taskId: "c" }], reading(true));
        assert.deepStrictEqual([calls, read.records.get("a")!.length], [["page@0", "page@4", "id:b", "id:c"], 2]);
    });
});

describe("wait: where a range worth reading starts", () => {
    const jobs = [{ taskId: "1", since: "2026-11-29 09:56:00" }, { taskId: "2", since: "2026-11-29 09:55:00" }];

    it("is the earliest since of two jobs or more", () => {
        assert.strictEqual(rangeStartOf(jobs, { now: 0 }, 100), "2026-11-29 09:55:00");
    });

    it("is none for a single job", () => {
        assert.strictEqual(rangeStartOf(jobs.slice(0, 1), { now: 0 }, 100), undefined);
    });

    it("is none when the range's last total needs as many pages as there are jobs", () => {
        assert.strictEqual(rangeStartOf(jobs, { now: 0, lastRangeTotal: 101 }, 100), undefined);
    });
});
