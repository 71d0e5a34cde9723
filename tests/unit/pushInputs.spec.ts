import * as assert from "assert";
import { validateInputs, waitSettings } from "../../provider/description";
import { InvalidArgumentError } from "../../provider/description/validation";
import { PUSH_TASK_WAITER, URL_PUSH } from "../../provider/cdn/pushDescription";
import { PUSH_RECORDS, pushState, toPushTask } from "../../provider/cdn/pushRecords";
import { pushRequestOf } from "../../provider/cdn/pushProvider";
import { PushTask } from "../../provider/cdn/pushTypes";

const URLS = ["https://www.example.com/app.js"];
const named = (name: string) => (e: unknown) => e instanceof InvalidArgumentError && e.message.includes(name);

describe("UrlPush's inputs", () => {
    it("takes every input in its valid form", () => {
        const known = validateInputs(URL_PUSH, { urls: URLS, area: "global", layer: "middle", userAgent: "warm/1", parseM3U8: true,
            disableRange: false, headers: [{ name: "X-Warm", value: "1" }], urlEncode: true, wait: false, timeoutSeconds: 60 });
        assert.deepStrictEqual([pushRequestOf(known), waitSettings(known, URL_PUSH).timeoutSeconds], [{ items: URLS, area: "global",
            layer: "middle", userAgent: "warm/1", parseM3U8: true, disableRange: false, headers: [{ name: "X-Warm", value: "1" }],
            urlEncode: true }, 60]);
    });

    for (const [inputs, name] of [
        [{}, "urls"],
        [{ urls: [] }, "urls"],
        [{ urls: ["www.example.com/a.js"] }, "urls[0]"],
        [{ urls: [URLS[0], URLS[0]] }, "urls[1]"],
        [{ urls: URLS, area: "europe" }, "area"],
        [{ urls: URLS, layer: "edge" }, "layer"],
        [{ urls: URLS, userAgent: 42 }, "userAgent"],
        [{ urls: URLS, parseM3U8: "yes" }, "parseM3U8"],
        [{ urls: URLS, disableRange: "no" }, "disableRange"],
        [{ urls: URLS, headers: Array.from({ length: 21 }, (_, i) => ({ name: `X-${i}`, value: "v" })) }, "headers"],
        [{ urls: URLS, headers: [{ name: "", value: "v" }] }, "headers[0].name"],
        [{ urls: URLS, headers: [{ name: "X-A", value: "v" }, { name: "X:B", value: "v" }] }, "headers[1].name"],
        [{ urls: URLS, headers: [{ name: "X-A", value: "v".repeat(1025) }] }, "headers[0].value"],
        [{ urls: URLS, headers: [{ name: "X-A" }] }, "headers[0].value"],
        [{ urls: URLS, urlEncode: "true" }, "urlEncode"],
        [{ urls: URLS, wait: "false" }, "wait"],
        [{ urls: URLS, timeoutSeconds: 0 }, "timeoutSeconds"],
        [{ urls: URLS, minDelaySeconds: 5, maxDelaySeconds: 2 }, "maxDelaySeconds"],
        [{ urls: URLS, triggers: "release-42" }, "triggers"],
    ] as const) {
        it(`names ${name} for ${JSON.stringify(inputs).slice(0, 80)}`, () => {
            assert.throws(() => validateInputs(URL_PUSH, inputs as Record<string, unknown>), named(name));
        });
    }

    /** The argument an error names, and its message. */
    const refusal = (inputs: Record<string, unknown>) => {
        try {
            validateInputs(URL_PUSH, { urls: URLS, ...inputs });
            return undefined;
        } catch (e) {
            return e instanceof InvalidArgumentError ? [e.argument, e.message] : [String(e)];
        }
    };

    it("refuses a wildcard URL, naming it and why, before PushUrlsCache would", () => {
        const [argument, message] = refusal({ urls: [URLS[0], "https://www.example.com/static/*"] }) ?? [];
        assert.deepStrictEqual([argument, /wildcard/.test(message ?? ""), /list each URL in full/.test(message ?? "")], ["urls[1]", true, true]);
    });

    it("refuses a header with a key beside name and value, as edgeone.Prefetch does", () => {
        assert.deepStrictEqual(refusal({ headers: [{ name: "X-A", value: "1", vaule: "2" }] }),
            ["headers[0]", "Invalid argument \"headers[0]\": takes only name and value, got vaule"]);
    });

    it("waits 30 minutes by default, as a prefetch takes 5 to 30, checking every 5 to 30 s", () => {
        assert.deepStrictEqual(waitSettings(validateInputs(URL_PUSH, { urls: URLS }), URL_PUSH),
            { timeoutSeconds: 1800, minDelaySeconds: 5, maxDelaySeconds: 30, ownPacing: false });
    });

    it("takes a minDelaySeconds between the push's default delays (5 to 30 s) without maxDelaySeconds", () => {
        const known = validateInputs(URL_PUSH, { urls: URLS, minDelaySeconds: 20 });
        assert.deepStrictEqual(waitSettings(known, URL_PUSH), { timeoutSeconds: 1800, minDelaySeconds: 20, maxDelaySeconds: 30, ownPacing: true });
    });

    it("lets an unset delay's default yield to the one given (maxDelaySeconds 2 alone: checks every 2 s)", () => {
        const known = validateInputs(URL_PUSH, { urls: URLS, maxDelaySeconds: 2 });
        assert.deepStrictEqual(waitSettings(known, URL_PUSH), { timeoutSeconds: 1800, minDelaySeconds: 2, maxDelaySeconds: 2, ownPacing: true });
    });

    it("lets an unset delay's default yield to the one given (minDelaySeconds 40 alone: checks every 40 s)", () => {
        const known = validateInputs(URL_PUSH, { urls: URLS, minDelaySeconds: 40, timeoutSeconds: 60 });
        assert.deepStrictEqual(waitSettings(known, URL_PUSH), { timeoutSeconds: 60, minDelaySeconds: 40, maxDelaySeconds: 40, ownPacing: true });
    });
});

describe("PushTaskWaiter's inputs", () => {
    it("takes taskId or taskIds", () => {
        assert.deepStrictEqual(validateInputs(PUSH_TASK_WAITER, { taskIds: ["1", "2"] }).taskIds, ["1", "2"]);
    });

    it("takes a minDelaySeconds between the push's default delays without maxDelaySeconds, and waits on those defaults", () => {
        const known = validateInputs(PUSH_TASK_WAITER, { taskId: "1", minDelaySeconds: 20 });
        assert.deepStrictEqual(waitSettings(known, PUSH_TASK_WAITER), { timeoutSeconds: 1800, minDelaySeconds: 20, maxDelaySeconds: 30, ownPacing: true });
    });
    for (const [inputs, name] of [
        [{}, "taskId"],
        [{ taskId: "1", taskIds: ["2"] }, "taskIds"],
        [{ taskIds: [] }, "taskIds"],
        [{ taskId: 1533 }, "taskId"],
        [{ taskId: "1", timeoutSeconds: 100_000 }, "timeoutSeconds"],
    ] as const) {
        it(`names ${name} for ${JSON.stringify(inputs)}`, () => {
            assert.throws(() => validateInputs(PUSH_TASK_WAITER, inputs as Record<string, unknown>), named(name));
        });
    }
});

describe("the push record kind", () => {
    const record = (status: string | null): PushTask => toPushTask({ TaskId: "1", Url: "https://a.example.com/x.js", Status: status, Percent: 0 });

    it("counts done as done, fail and invalid as failed, anything else as pending", () => {
        assert.deepStrictEqual(["done", "Done", "fail", "invalid", "Invalid", "process", null, "queued"].map((s) => pushState(record(s))),
            ["done", "done", "failed", "failed", "failed", "pending", "pending", "pending"]);
    });

    it("names a failed URL with what its status means", () => {
        assert.deepStrictEqual([PUSH_RECORDS.describe(record("invalid")), PUSH_RECORDS.describe(record("fail")), PUSH_RECORDS.describe(record("done"))], [
            "https://a.example.com/x.js (invalid: the origin answered 4xx/5xx)",
            "https://a.example.com/x.js (fail: the prefetch failed)",
            "https://a.example.com/x.js",
        ]);
    });

    it("maps the API's record, with null for what it leaves out", () => {
        assert.deepStrictEqual(toPushTask({ TaskId: "7", Url: "https://a/x", Status: "DONE", Percent: 100, Area: "Overseas",
            CreateTime: "2026-11-29 10:00:00", UpdateTime: null }), { taskId: "7", url: "https://a/x", status: "done", percent: 100,
            area: "overseas", createTime: "2026-11-29 10:00:00", updateTime: null });
    });
});
