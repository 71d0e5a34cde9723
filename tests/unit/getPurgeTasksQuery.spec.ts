import * as assert from "assert";
import { isSinglePage, toTaskQuery } from "../../provider/cdn/getPurgeTasksQuery";

const throwsNaming = (args: unknown, argument: string) =>
    assert.throws(() => toTaskQuery(args), (e: Error) => e.message.includes(`"${argument}"`), `expected an error naming ${argument}`);

describe("toTaskQuery", () => {
    it("requires taskId or startTime", () => throwsNaming({ keyword: "www.example.com" }, "taskId"));
    it("accepts a task id alone", () => assert.deepStrictEqual(toTaskQuery({ taskId: "1533" }).taskId, "1533"));
    it("converts a Date to Beijing time", () =>
        assert.strictEqual(toTaskQuery({ startTime: new Date("2026-11-28T16:00:00Z") }).startTime, "2026-11-29 00:00:00"));
    it("converts ISO-8601 with a zone to Beijing time", () =>
        assert.strictEqual(toTaskQuery({ startTime: "2026-11-29T09:30:00+09:00" }).startTime, "2026-11-29 08:30:00"));
    it("passes the API's own format through", () =>
        assert.strictEqual(toTaskQuery({ startTime: "2026-11-29 00:00:00" }).startTime, "2026-11-29 00:00:00"));
    it("rejects an ISO time without a zone", () => throwsNaming({ startTime: "2026-11-29T00:00:00" }, "startTime"));
    it("rejects an invalid Date", () => throwsNaming({ startTime: new Date("nope") }, "startTime"));
    it("rejects a calendar date that does not exist", () => throwsNaming({ startTime: "2026-02-30T00:00:00Z" }, "startTime"));
    it("rejects an end before the start", () =>
        throwsNaming({ startTime: "2026-11-29 00:00:00", endTime: "2026-11-28 23:59:59" }, "endTime"));
    it("rejects a status outside done, process, fail and lists the valid ones", () =>
        assert.throws(() => toTaskQuery({ taskId: "1", status: "Done" }), /"done", "process", "fail"/));
    it("rejects an unknown purgeType", () => throwsNaming({ taskId: "1", purgeType: "dir" }, "purgeType"));
    it("rejects an unknown area", () => throwsNaming({ taskId: "1", area: "asia" }, "area"));
    it("rejects a negative offset", () => throwsNaming({ taskId: "1", offset: -1 }, "offset"));
    it("rejects a fractional limit", () => throwsNaming({ taskId: "1", limit: 2.5 }, "limit"));
    it("rejects a limit over 1000", () => throwsNaming({ taskId: "1", limit: 1001 }, "limit"));
    it("rejects a keyword that is neither a domain nor a URL", () => throwsNaming({ taskId: "1", keyword: "not a domain" }, "keyword"));
    it("accepts a full URL as keyword", () =>
        assert.strictEqual(toTaskQuery({ taskId: "1", keyword: "https://www.example.com/a.png" }).keyword, "https://www.example.com/a.png"));
    it("rejects a blank taskId", () => throwsNaming({ taskId: "  " }, "taskId"));
    it("rejects a taskId that is not a string", () => throwsNaming({ taskId: 42 }, "taskId"));
    it("rejects arguments that are not an object", () => throwsNaming("1533", "args"));
    it("treats offset or limit as a request for one page", () => {
        assert.deepStrictEqual([isSinglePage(toTaskQuery({ taskId: "1", limit: 5 })), isSinglePage(toTaskQuery({ taskId: "1" }))], [true, false]);
    });
});
