import * as assert from "assert";
import { formatApiTime, isApiTime, parseApiTime } from "../../provider/base/time";

describe("API time (Beijing, UTC+8)", () => {
    it("formats an instant in Beijing time", () => {
        assert.strictEqual(formatApiTime(new Date("2018-08-07T16:00:00Z")), "2018-08-08 00:00:00");
    });
    it("crosses the date line when UTC is the day before", () => {
        assert.strictEqual(formatApiTime(new Date("2026-12-31T20:30:05Z")), "2027-01-01 04:30:05");
    });
    it("parses back to the same instant", () => {
        assert.strictEqual(parseApiTime("2018-08-08 00:00:00")?.toISOString(), "2018-08-07T16:00:00.000Z");
    });
    it("rejects dates that do not exist", () => {
        assert.strictEqual(parseApiTime("2026-02-30 00:00:00"), undefined);
    });
    it("rejects times out of range", () => {
        assert.strictEqual(isApiTime("2026-02-01 24:00:00"), false);
    });
    it("rejects other layouts", () => {
        assert.strictEqual(isApiTime("2026-02-01T00:00:00"), false);
    });
});
