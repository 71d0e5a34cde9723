import * as assert from "assert";
import { VirtualClock } from "../../provider/base/virtualClock";
import { jobsCovering, LISTING_LAG_MS, lookWithinListingLag, sameItem } from "../../provider/resources/inDoubtLookup";

describe("lookWithinListingLag", () => {
    it("returns what the first read finds, without sleeping", async () => {
        const clock = new VirtualClock(100_000);
        const found = await clock.run(lookWithinListingLag(async () => "1533", 100_000, LISTING_LAG_MS, clock));
        assert.deepStrictEqual([found, clock.sleeps.length], ["1533", 0]);
    });

    it("keeps reading until a job listed late shows", async () => {
        const clock = new VirtualClock(0);
        const listedAt = 7_000;
        const found = await clock.run(lookWithinListingLag(async () => (clock.now() >= listedAt ? "1533" : undefined), 0, LISTING_LAG_MS, clock));
        assert.strictEqual(found, "1533");
        assert.ok(clock.now() >= listedAt && clock.now() < listedAt + 5_000, `found at ${clock.now()} ms`);
    });

    it("concludes nothing was created once the lag has passed since the send, and not before", async () => {
        const clock = new VirtualClock(10_000);
        const readsAt: number[] = [];
        const found = await clock.run(lookWithinListingLag(async () => { readsAt.push(clock.now()); return undefined; }, 10_000, LISTING_LAG_MS, clock));
        assert.strictEqual(found, undefined);
        assert.strictEqual(readsAt[readsAt.length - 1], 10_000 + LISTING_LAG_MS, "the last read is at the end of the lag");
        assert.ok(readsAt.length <= 20, `${readsAt.length} reads`);
    });

    it("reads once when the send is older than the lag (the next `pulumi up` came later)", async () => {
        const clock = new VirtualClock(500_000);
        let reads = 0;
        const found = await clock.run(lookWithinListingLag(async () => { reads++; return undefined; }, 0, LISTING_LAG_MS, clock));
        assert.deepStrictEqual([found, reads], [undefined, 1]);
    });

    it("stops at a cancel", async () => {
        const clock = new VirtualClock(0);
        const stop = new AbortController();
        const looking = lookWithinListingLag(async () => undefined, 0, LISTING_LAG_MS, clock, stop.signal).then(() => "ended", () => "aborted");
        await clock.advance(3_000);
        stop.abort();
        assert.strictEqual(await clock.run(looking), "aborted");
    });
});

describe("jobsCovering", () => {
    const rec = (job: string, url: string) => ({ job, url });
    const cover = (records: { job: string; url: string }[], items: string[]) => jobsCovering(records, items, (r) => r.url, (r) => r.job)[0];

    it("finds the job whose records are exactly the items", () => {
        const records = [rec("1", "https://a/x"), rec("2", "https://a/x"), rec("2", "https://a/y")];
        assert.strictEqual(cover(records, ["https://a/y", "https://a/x"]), "2");
    });

    it("does not take a job that covers more or fewer items", () => {
        assert.strictEqual(cover([rec("1", "https://a/x"), rec("1", "https://a/z")], ["https://a/x"]), undefined);
        assert.strictEqual(cover([rec("1", "https://a/x")], ["https://a/x", "https://a/y"]), undefined);
    });

    it("counts an item listed more than once (a global push lists it once per area) once", () => {
        assert.strictEqual(cover([rec("1", "https://a/x"), rec("1", "https://a/x"), rec("1", "https://a/y")], ["https://a/x", "https://a/y"]), "1");
    });

    it("takes a job listing more than the items when it may list more (an M3U8 playlist's segments)", () => {
        const records = [rec("1", "https://a/x.m3u8"), rec("1", "https://a/seg-1.ts"), rec("1", "https://a/seg-2.ts")];
        assert.deepStrictEqual(jobsCovering(records, ["https://a/x.m3u8"], (r) => r.url, (r) => r.job, true), ["1"]);
    });

    it("still needs every item listed when the job may list more", () => {
        const records = [rec("1", "https://a/x.m3u8"), rec("1", "https://a/seg-1.ts")];
        assert.deepStrictEqual(jobsCovering(records, ["https://a/x.m3u8", "https://a/y.m3u8"], (r) => r.url, (r) => r.job, true), []);
    });

    it("matches an item the API lists decoded", () => {
        assert.ok(sameItem("https://a/中文.html", "https://a/%E4%B8%AD%E6%96%87.html"));
        assert.strictEqual(cover([rec("9", "https://a/中文.html")], ["https://a/%E4%B8%AD%E6%96%87.html"]), "9");
    });
});
