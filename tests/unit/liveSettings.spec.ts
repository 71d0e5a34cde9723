import * as assert from "assert";
import * as os from "os";
import * as path from "path";
import { readLiveSettings } from "../live/liveSettings";

const OPTED = { TENCENTCLOUD_PURGE_LIVE: "1", TENCENTCLOUD_PURGE_LIVE_DOMAIN: "www.example.com" };
const NOW = new Date("2026-12-07T07:00:00.000Z");

describe("the live acceptance run's settings", () => {
    it("are not opted into unless TENCENTCLOUD_PURGE_LIVE is 1, and say so", () => {
        for (const value of [undefined, "", "0", "yes"]) {
            const choice = readLiveSettings({ ...OPTED, TENCENTCLOUD_PURGE_LIVE: value });
            assert.ok(!choice.optedIn && /TENCENTCLOUD_PURGE_LIVE is .*set it to 1/.test(choice.why), String(value));
        }
    });

    it("take a 5% share, a 20-minute gate, a 30-minute prefetch gate on the home page and a report in the temporary folder unless told otherwise", () => {
        assert.deepStrictEqual(readLiveSettings(OPTED, NOW), {
            optedIn: true, domain: "www.example.com", zone: undefined, quotaShare: 0.05, timeoutSeconds: 1200,
            prefetchPath: "/", prefetchTimeoutSeconds: 1800,
            reportFile: path.join(os.tmpdir(), "tencentcloud-purge-live-2026-12-07T07-00-00-000Z.json"),
        });
    });

    it("take the EdgeOne zone with the host it serves, the share, the deadline and the report path given", () => {
        const s = readLiveSettings({ TENCENTCLOUD_PURGE_LIVE: "1", TENCENTCLOUD_PURGE_LIVE_ZONE_ID: "zone-2noz78a8ev6k",
            TENCENTCLOUD_PURGE_LIVE_ZONE_DOMAIN: "site.example.com", TENCENTCLOUD_PURGE_LIVE_QUOTA_SHARE: "0.2",
            TENCENTCLOUD_PURGE_LIVE_TIMEOUT_SECONDS: "300", TENCENTCLOUD_PURGE_LIVE_REPORT: "/var/tmp/live.json",
            TENCENTCLOUD_PURGE_LIVE_PREFETCH_PATH: "/static/app.js", TENCENTCLOUD_PURGE_LIVE_PREFETCH_TIMEOUT_SECONDS: "2400" });
        assert.ok(s.optedIn);
        assert.deepStrictEqual([s.domain, s.zone, s.quotaShare, s.timeoutSeconds, s.reportFile, s.prefetchPath, s.prefetchTimeoutSeconds],
            [undefined, { id: "zone-2noz78a8ev6k", domain: "site.example.com" }, 0.2, 300, "/var/tmp/live.json", "/static/app.js", 2400]);
    });

    it("refuse, naming the variable and what is valid, a value that cannot be used", () => {
        const refused: [Record<string, string>, RegExp][] = [
            [{ TENCENTCLOUD_PURGE_LIVE: "1" }, /needs TENCENTCLOUD_PURGE_LIVE_DOMAIN or TENCENTCLOUD_PURGE_LIVE_ZONE_ID/],
            [{ ...OPTED, TENCENTCLOUD_PURGE_LIVE_DOMAIN: "https://www.example.com/" }, /TENCENTCLOUD_PURGE_LIVE_DOMAIN must be a host name such as www.example.com/],
            [{ ...OPTED, TENCENTCLOUD_PURGE_LIVE_ZONE_ID: "zone-2noz78a8ev6k" }, /TENCENTCLOUD_PURGE_LIVE_ZONE_ID and TENCENTCLOUD_PURGE_LIVE_ZONE_DOMAIN go together/],
            [{ ...OPTED, TENCENTCLOUD_PURGE_LIVE_ZONE_ID: "2noz78a8ev6k", TENCENTCLOUD_PURGE_LIVE_ZONE_DOMAIN: "a.example.com" }, /must be a zone id such as zone-/],
            [{ ...OPTED, TENCENTCLOUD_PURGE_LIVE_QUOTA_SHARE: "5%" }, /TENCENTCLOUD_PURGE_LIVE_QUOTA_SHARE must be a share of the day's quota in \(0, 0.5\], such as 0.05, got "5%"/],
            [{ ...OPTED, TENCENTCLOUD_PURGE_LIVE_QUOTA_SHARE: "0.9" }, /QUOTA_SHARE must be/],
            [{ ...OPTED, TENCENTCLOUD_PURGE_LIVE_TIMEOUT_SECONDS: "0" }, /TIMEOUT_SECONDS must be a number of seconds/],
            [{ ...OPTED, TENCENTCLOUD_PURGE_LIVE_PREFETCH_TIMEOUT_SECONDS: "-1" }, /TENCENTCLOUD_PURGE_LIVE_PREFETCH_TIMEOUT_SECONDS must be a number of seconds/],
            [{ ...OPTED, TENCENTCLOUD_PURGE_LIVE_PREFETCH_PATH: "https://www.example.com/" }, /TENCENTCLOUD_PURGE_LIVE_PREFETCH_PATH must be a path the origin serves, such as \/ or \/index.html \(no query\), got "https:\/\/www.example.com\/"/],
            [{ ...OPTED, TENCENTCLOUD_PURGE_LIVE_PREFETCH_PATH: "/index.html?v=2" }, /PREFETCH_PATH must be a path/],
        ];
        for (const [env, message] of refused) assert.throws(() => readLiveSettings(env), message, JSON.stringify(env));
    });
});
