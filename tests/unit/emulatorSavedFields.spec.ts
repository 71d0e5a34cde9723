import * as assert from "assert";
import { savedItems } from "../../emulator/savedFields";

const read = (body: unknown) => savedItems(body, "tasks", "saved tasks", (f) => ({
    id: f.text("id"), urls: f.texts("urls"), at: f.millis("at"), done: f.millis("done", true), kind: f.oneOf("kind", ["a", "b"] as const),
}));
const refusal = (body: unknown) => {
    try {
        read(body);
    } catch (e) {
        return [(e as { status?: number }).status, (e as Error).message];
    }
    return "accepted";
};

describe("the emulator's reading of a restored snapshot", () => {
    it("reads every field of every item, an optional time left out", () => {
        assert.deepStrictEqual(read({ tasks: [{ id: "1", urls: ["u"], at: 5, kind: "a" }] }), [{ id: "1", urls: ["u"], at: 5, done: undefined, kind: "a" }]);
    });
    it("refuses a body without the list, naming it", () => {
        assert.deepStrictEqual(refusal({ jobs: [] }), [400, "tasks must be a list of saved tasks"]);
    });
    it("names the item and field of a bad time", () => {
        assert.deepStrictEqual(refusal({ tasks: [{ id: "1", urls: ["u"], at: 5, kind: "a" }, { id: "2", urls: ["u"], at: 5, done: -1, kind: "a" }] }),
            [400, "tasks[1].done must be epoch milliseconds >= 0"]);
    });
    it("names an empty list of strings", () => {
        assert.deepStrictEqual(refusal({ tasks: [{ id: "1", urls: [], at: 5, kind: "a" }] }), [400, "tasks[0].urls must be a non-empty list of strings"]);
    });
    it("names a value outside its set with the values allowed", () => {
        assert.deepStrictEqual(refusal({ tasks: [{ id: "1", urls: ["u"], at: 5, kind: "c" }] }), [400, 'tasks[0].kind must be one of a, b, got "c"']);
    });
});
