import * as assert from "assert";
import * as fs from "fs";
import { diffInputs, UNKNOWN, validateInputs, waitSettings } from "../../provider/description";
import { GET_PURGE_TASKS, PATH_PURGE, PURGE_TASK_WAITER, URL_PURGE } from "../../provider/cdn/description";
import { RESOURCES } from "../../provider/products";
import { InvalidArgumentError } from "../../provider/description/validation";
import { REFERENCE_FILE } from "../../scripts/writeSchema";
import { referenceMarkdown } from "../../scripts/referenceDocs";

const rejects = (f: () => unknown, argument: string, pattern: RegExp) => assert.throws(f, (e: unknown) =>
    e instanceof InvalidArgumentError && e.argument === argument && pattern.test(e.message));
const URL = "https://www.example.com/index.html";

describe("the one description of each resource", () => {
    describe("validation", () => {
        it("names a missing required input and what would be valid", () => {
            rejects(() => validateInputs(PATH_PURGE, { paths: [URL] }), "flushType", /required for PathPurge: one of "flush", "delete"/);
        });

        it("names a value outside its enum with the allowed values", () => {
            rejects(() => validateInputs(URL_PURGE, { urls: [URL], area: "moon" }), "area", /"mainland", "overseas", "global"/);
        });

        it("names a number outside its limits with the limits", () => {
            rejects(() => validateInputs(URL_PURGE, { urls: [URL], timeoutSeconds: 0 }), "timeoutSeconds", /from 1 to 86400/);
        });

        it("names the item of a list that is not a full URL", () => {
            rejects(() => validateInputs(URL_PURGE, { urls: [URL, "ftp://x"] }), "urls[1]", /full URL/);
        });

        it("names an empty item of a list (YAML's ~, Python's None)", () => {
            rejects(() => validateInputs(URL_PURGE, { urls: [URL, null] }), "urls[1]", /must be a value, got null/);
        });

        it("names an item listed twice", () => {
            rejects(() => validateInputs(URL_PURGE, { urls: [URL, URL] }), "urls[1]", /listed twice/);
        });

        it("applies the checks across inputs", () => {
            rejects(() => validateInputs(URL_PURGE, { urls: [URL], minDelaySeconds: 20, maxDelaySeconds: 10 }), "maxDelaySeconds", /not be below minDelaySeconds/);
            rejects(() => validateInputs(PURGE_TASK_WAITER, {}), "taskId", /startTime/);
            rejects(() => validateInputs(GET_PURGE_TASKS, { startTime: "2026-11-29 10:00:00", endTime: "2026-11-29 09:00:00" }), "endTime", /before startTime/);
        });

        it("takes one delay beyond the other's default: the default yields (a purge's 1 to 10 s)", () => {
            const settings = (inputs: Record<string, unknown>) => waitSettings(validateInputs(URL_PURGE, { urls: [URL], ...inputs }), URL_PURGE);
            assert.deepStrictEqual([settings({ minDelaySeconds: 20 }), settings({ maxDelaySeconds: 0.5 })].map((s) => [s.minDelaySeconds, s.maxDelaySeconds]),
                [[20, 20], [0.5, 0.5]]);
        });

        it("lets unknown values (preview) pass, and the rules that need them wait", () => {
            assert.doesNotThrow(() => validateInputs(URL_PURGE, { urls: [UNKNOWN] }));
            assert.doesNotThrow(() => validateInputs(PURGE_TASK_WAITER, { taskId: UNKNOWN }));
        });

        it("returns times in the API's form", () => {
            assert.strictEqual(validateInputs(GET_PURGE_TASKS, { startTime: "2026-11-28T16:00:00Z" }).startTime, "2026-11-29 00:00:00");
        });
    });

    describe("diff", () => {
        const stored = { urls: [URL], timeoutSeconds: 600, status: "done" };
        const redoneOutputs = ["taskId", "taskIds", "status"];

        it("an input that purges again: an update showing the input and the outputs set anew", () => {
            const d = diffInputs(URL_PURGE, stored, { urls: [URL, `${URL}?v=2`], timeoutSeconds: 600 }, { unfinished: false, redoneOutputs });
            assert.deepStrictEqual([d.changes, d.redo, d.detailedDiff],
                [true, "again", { urls: "input", taskId: "output", taskIds: "output", status: "output" }]);
        });

        it("an input that only paces the next wait, on a finished purge: no update and an empty detailed diff", () => {
            const d = diffInputs(URL_PURGE, stored, { urls: [URL], timeoutSeconds: 900 }, { unfinished: false, redoneOutputs });
            assert.deepStrictEqual([d.changes, d.redo, d.changed, d.detailedDiff], [false, "none", ["timeoutSeconds"], {}]);
        });

        it("an unfinished wait: an update that resumes it, shown on the status", () => {
            const d = diffInputs(URL_PURGE, stored, { urls: [URL], timeoutSeconds: 900 }, { unfinished: true, redoneOutputs });
            assert.deepStrictEqual([d.changes, d.redo, d.detailedDiff], [true, "resume", { timeoutSeconds: "input", status: "output" }]);
        });

        it("treats a missing input and null alike", () => {
            const d = diffInputs(URL_PURGE, { ...stored, area: null }, { urls: [URL], timeoutSeconds: 600 }, { unfinished: false, redoneOutputs });
            assert.strictEqual(d.changes, false);
        });
    });

    describe("descriptions", () => {
        it("give every property a description and an example", () => {
            const missing = RESOURCES.flatMap((r) => Object.entries({ ...r.inputs, ...r.outputs })
                .filter(([, p]) => !p.description || !p.example).map(([k]) => `${r.name}.${k}`));
            assert.deepStrictEqual(missing, []);
        });

        it("docs/reference.md is what the descriptions say (run scripts/writeSchema.ts after a change)", () => {
            assert.strictEqual(fs.readFileSync(REFERENCE_FILE, "utf8"), referenceMarkdown());
        });
    });
});
