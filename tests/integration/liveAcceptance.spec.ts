/**
 * The live acceptance command (`npm run test:live`, tests/live/run.ts) run as the maintainer runs it, as a child
 * process, with an emulator in this process standing in for the account: so the harness that only runs against
 * Tencent Cloud before a release cannot rot in between. Nothing leaves the loopback interface.
 */
import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EMULATOR_CREDENTIALS, RunningEmulator, startEmulator } from "../../emulator";
import type { LiveReport } from "../live/liveRun";

const ROOT = path.join(__dirname, "..", "..");
/** Five percent of 30 is 1: below the two URLs a run purges, so the default share refuses. */
const URL_TOTAL = 30;
/** A prefetch takes longer than a purge here, as in the service. */
const PREFETCH_AFTER_MS = 1500;

/** Runs the command with only the given TENCENTCLOUD_* variables (none of this machine's). */
function live(env: Record<string, string>): Promise<{ code: number; out: string }> {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("TENCENTCLOUD_")));
    return new Promise((resolve) => {
        execFile(process.execPath, ["-r", "ts-node/register/transpile-only", path.join("tests", "live", "run.ts")],
            { cwd: ROOT, env: { ...base, ...env } }, (err, stdout, stderr) =>
                resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }));
    });
}

/** The variables of a run against `emu`, its report in `dir`; the run still needs TENCENTCLOUD_PURGE_LIVE=1. */
function accountOf(emu: RunningEmulator, dir: string): Record<string, string> {
    return {
        TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId, TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey,
        TENCENTCLOUD_CDN_ENDPOINT: emu.url, TENCENTCLOUD_TEO_ENDPOINT: emu.url,
        TENCENTCLOUD_PURGE_LIVE_DOMAIN: "www.example.com",
        TENCENTCLOUD_PURGE_LIVE_ZONE_ID: "zone-2noz78a8ev6k", TENCENTCLOUD_PURGE_LIVE_ZONE_DOMAIN: "site.example.com",
        TENCENTCLOUD_PURGE_LIVE_REPORT: path.join(dir, "report.json"),
    };
}

describe("the live acceptance command, with an emulator standing in for the account", function () {
    this.timeout(180_000);
    let emu: RunningEmulator;
    let dir: string;
    let account: Record<string, string>;

    before(async () => {
        emu = await startEmulator({ completeAfterMs: 1000, urlTotal: URL_TOTAL, pushCompleteAfterMs: PREFETCH_AFTER_MS, teoPrefetchCompleteAfterMs: PREFETCH_AFTER_MS });
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "purge-live-"));
        account = accountOf(emu, dir);
    });
    beforeEach(() => {
        emu.reset();
        fs.rmSync(path.join(dir, "report.json"), { force: true });
    });
    after(async () => {
        await emu.close();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("without TENCENTCLOUD_PURGE_LIVE=1 says why it did nothing, sends no request and exits 0", async () => {
        const { code, out } = await live(account);
        assert.strictEqual(code, 0, out);
        assert.match(out, /nothing done, no request sent: TENCENTCLOUD_PURGE_LIVE is not set; set it to 1/);
        assert.deepStrictEqual(emu.stats.snapshot().requests, {});
        assert.ok(!fs.existsSync(path.join(dir, "report.json")), "no report");
    });

    it("opted in, prints what it purges and prefetches, reads every quota first, passes every scenario and reports no difference from the emulator", async () => {
        const { code, out } = await live({ ...account, TENCENTCLOUD_PURGE_LIVE: "1", TENCENTCLOUD_PURGE_LIVE_QUOTA_SHARE: "0.1" });
        assert.strictEqual(code, 0, out);
        assert.match(out, /it will purge and prefetch[\s\S]*https:\/\/www\.example\.com\/pulumi-tencentcloud-purge-live\/\w+\/a\.txt[\s\S]*zone-2noz78a8ev6k: purge_url of https:\/\/site\.example\.com\//);
        assert.match(out, /www\.example\.com: prefetch \(push\) of https:\/\/www\.example\.com\/; and of https:\/\/www\.example\.com\/pulumi-tencentcloud-purge-live\/\w+\/missing\.txt, which the origin lacks/);
        const actions = emu.stats.snapshot().recent.map((r) => r.action);
        assert.deepStrictEqual(actions.slice(0, 4), ["DescribePurgeQuota", "DescribePushQuota", "DescribeContentQuota", "DescribeContentQuota"]);
        assert.deepStrictEqual([...new Set(actions.filter((a) => /^(Purge|Push|Create)/.test(a)))],
            ["PurgeUrlsCache", "PurgePathCache", "PushUrlsCache", "CreatePurgeTask", "CreatePrefetchTask"]);
        const report: LiveReport = JSON.parse(fs.readFileSync(path.join(dir, "report.json"), "utf8"));
        assert.deepStrictEqual(report.scenarios.map((s) => [s.name, s.passed, s.error]), [
            ["CDN URL purge with a gate", true, undefined], ["CDN directory purge with a gate", true, undefined], ["CDN getPurgeTasks", true, undefined],
            ["CDN push with a gate", true, undefined], ["CDN push of a URL the origin lacks", true, undefined], ["CDN getPushTasks", true, undefined],
            ["EdgeOne purge with a gate", true, undefined], ["EdgeOne getPurgeTasks", true, undefined],
            ["EdgeOne prefetch with a gate", true, undefined], ["EdgeOne prefetch of a URL the origin lacks", true, undefined], ["EdgeOne getPrefetchTasks", true, undefined],
        ]);
        assert.deepStrictEqual(report.scenarios.flatMap((s) => s.differences), []);
        assert.deepStrictEqual(report.scenarios.map((s) => (s.shape.gate as { status?: string } | undefined)?.status),
            ["done", "done", undefined, "done", undefined, undefined, "success", undefined, "success", undefined, undefined]);
        assert.ok(report.scenarios[0].durationsMs.gate >= 500, `the gate waited ${report.scenarios[0].durationsMs.gate} ms for a purge that takes 1000`);
        const push = report.scenarios[3];
        assert.ok(push.durationsMs.gate >= PREFETCH_AFTER_MS / 2, `the push gate waited ${push.durationsMs.gate} ms for a push that takes ${PREFETCH_AFTER_MS}`);
        assert.deepStrictEqual(report.scenarios.filter((s) => /lacks/.test(s.name)).map((s) => s.shape.failure),
            [{ failed: true, namesEachUrlAsInvalid: true }, { failed: true, namesEachUrlAsInvalid: true }]);
        assert.deepStrictEqual(report.quota.map((q) => [q.quota, q.needed, q.allowed]), [
            ["CDN URL purge (mainland)", 2, 3], ["CDN URL purge (overseas)", 2, 3], ["CDN directory purge (mainland)", 1, 10],
            ["CDN directory purge (overseas)", 1, 10], ["CDN URL push (mainland)", 2, 100], ["CDN URL push (overseas)", 2, 100],
            ["EdgeOne purge_url (zone-2noz78a8ev6k)", 1, 2000], ["EdgeOne prefetch_url (zone-2noz78a8ev6k)", 2, 1000],
        ]);
    });

    it("refuses, purging nothing, when the run would take more than the stated share of the day's quota", async () => {
        const { code, out } = await live({ ...account, TENCENTCLOUD_PURGE_LIVE: "1" });
        assert.strictEqual(code, 2, out);
        assert.match(out, /refused, nothing purged or prefetched:\n {2}CDN URL purge \(mainland\): the run needs 2, more than 5% of the day's 30 \(1\)/);
        assert.deepStrictEqual(Object.keys(emu.stats.snapshot().requests).sort(), ["DescribeContentQuota", "DescribePurgeQuota", "DescribePushQuota"]);
        const report: LiveReport = JSON.parse(fs.readFileSync(path.join(dir, "report.json"), "utf8"));
        assert.ok(report.refused && report.refused.length > 0 && report.scenarios.length === 0);
    });
});

describe("the live acceptance command's share of the prefetch quotas, with an emulator standing in for the account", function () {
    this.timeout(90_000);
    let dir: string;
    const emus: RunningEmulator[] = [];

    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "purge-live-"));
    });
    after(async () => {
        await Promise.all(emus.map((e) => e.close()));
        fs.rmSync(dir, { recursive: true, force: true });
    });

    // Ten percent of 19 is 1: below the two URLs a run prefetches, though the purge quotas allow the run.
    const cases = [
        { name: "CDN push", options: { pushTotal: 19 }, refusal: /CDN URL push \(mainland\): the run needs 2, more than 10% of the day's 19 \(1\)/ },
        { name: "EdgeOne prefetch", options: { teoQuota: { prefetch_url: { batch: 100, daily: 19 } } },
            refusal: /EdgeOne prefetch_url \(zone-2noz78a8ev6k\): the run needs 2, more than 10% of the day's 19 \(1\)/ },
    ];
    for (const c of cases) {
        it(`refuses, purging and prefetching nothing, when the run would take more than the share of the day's ${c.name} quota`, async () => {
            const emu = await startEmulator({ completeAfterMs: 1000, ...c.options });
            emus.push(emu);
            const { code, out } = await live({ ...accountOf(emu, dir), TENCENTCLOUD_PURGE_LIVE: "1", TENCENTCLOUD_PURGE_LIVE_QUOTA_SHARE: "0.1" });
            assert.strictEqual(code, 2, out);
            assert.match(out, c.refusal);
            assert.doesNotMatch(out, /URL purge \(mainland\): the run needs/, "only the prefetch quota refuses");
            assert.deepStrictEqual(Object.keys(emu.stats.snapshot().requests).filter((a) => !a.startsWith("Describe")), [], "sent something");
        });
    }
});
