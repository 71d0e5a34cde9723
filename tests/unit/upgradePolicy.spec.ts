import * as assert from "assert";
import { policyViolations, PreviewStep, StateResource } from "../support/upgradePolicy";

const URN = "urn:pulumi:recorded::p::pulumi-nodejs:dynamic/tencentcloud-purge:UrlPurge::page";
const PROVIDER = "urn:pulumi:recorded::p::pulumi:providers:tencentcloud-purge::default";
const GATE = "urn:pulumi:recorded::p::tencentcloud-purge:index:PurgeTaskWaiter::gate";
const recorded: StateResource[] = [
    { urn: URN, type: "pulumi-nodejs:dynamic/tencentcloud-purge:UrlPurge", outputs: { status: "done" } },
    { urn: PROVIDER, type: "pulumi:providers:tencentcloud-purge" },
    { urn: GATE, type: "tencentcloud-purge:index:PurgeTaskWaiter", outputs: { status: "process" }, initErrors: ["timed out after 3 s"] },
];
const update = (urn: string, olds: Record<string, unknown>, news: Record<string, unknown>): PreviewStep =>
    ({ op: "update", urn, oldState: { inputs: olds }, newState: { inputs: news } });

describe("the version policy on an upgrade's preview", () => {
    it("allows unchanged resources, the stored provider's new code and the plugin's new version", () => {
        assert.deepStrictEqual(policyViolations([
            { op: "same", urn: GATE },
            update(URN, { __provider: "old", urls: ["u"] }, { __provider: "new", urls: ["u"] }),
            update(PROVIDER, { version: "0.1.0" }, { version: "0.2.0" }),
        ], recorded), []);
    });
    it("allows finishing a resource that did not finish, and creating what the stack never got", () => {
        assert.deepStrictEqual(policyViolations([update(GATE, { timeoutSeconds: 3 }, { timeoutSeconds: 120 }),
            { op: "create", urn: "urn:pulumi:recorded::p::tencentcloud-purge:index:UrlPurge::later" }], recorded), []);
    });
    it("allows an input added since, and one preview cannot know yet", () => {
        assert.deepStrictEqual(policyViolations([update(URN, { __provider: "old", taskId: "1" },
            { __provider: "new", taskId: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", newOption: true })], recorded), []);
    });
    it("names a replace, a delete, a changed input and an update without a change", () => {
        assert.deepStrictEqual(policyViolations([
            { op: "replace", urn: URN },
            { op: "delete", urn: PROVIDER },
            update(URN, { __provider: "old", urls: ["u"] }, { __provider: "new", urls: ["v"] }),
            update(PROVIDER, { version: "0.1.0" }, { version: "0.1.0" }),
            { op: "delete", urn: "urn:pulumi:recorded::p::tencentcloud-purge:index:UrlPurge::other" },
        ], recorded), [
            `replace of ${URN}`, `delete of ${PROVIDER}`, `update of ${URN} changing urls`, `update of ${PROVIDER} with no input changed`,
            "delete of urn:pulumi:recorded::p::tencentcloud-purge:index:UrlPurge::other, which the recorded state does not hold",
        ]);
    });
});
