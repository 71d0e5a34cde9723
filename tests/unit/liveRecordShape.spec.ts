import * as assert from "assert";
import { recordShape, shapeDifferences } from "../live/recordShape";

describe("what the live run compares with the emulator", () => {
    it("keeps the API's words, the form of other values and only the presence of ids", () => {
        assert.deepStrictEqual(recordShape({ taskId: "1533", url: "https://a.example.com/x", status: "done", createTime: "2026-12-07 15:04:05", flushType: null }),
            { createTime: "9999-99-99 99:99:99", flushType: "null", status: "done", taskId: "id", url: "https://a.example.com/x" });
    });

    it("names every path where the account and the emulator differ, and nothing where they agree", () => {
        const account = { gate: { status: "done" }, records: [{ createTime: "9999-99-99 99:99:99" }] };
        assert.deepStrictEqual(shapeDifferences(account, account), []);
        assert.deepStrictEqual(shapeDifferences(account, { gate: { status: "process" }, records: [], extra: 1 }), [
            "extra: account nothing, emulator 1", "gate.status: account \"done\", emulator \"process\"",
            "records.0: account {\"createTime\":\"9999-99-99 99:99:99\"}, emulator nothing",
        ]);
    });
});
