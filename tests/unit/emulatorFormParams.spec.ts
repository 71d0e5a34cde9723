import * as assert from "assert";
import { nestParams, parseFlatParams } from "../../emulator/formParams";

describe("emulator flat parameters (GET and form bodies)", () => {
    it("decodes a query string, + and %20 both as spaces", () => {
        assert.deepStrictEqual(parseFlatParams("Keyword=a+b%20c&Urls.0=https%3A%2F%2Fa.com%2Fx"),
            { Keyword: "a b c", "Urls.0": "https://a.com/x" });
    });

    it("nests indexed keys into lists in index order", () => {
        assert.deepStrictEqual(nestParams({ "Urls.1": "https://a.com/y", "Urls.0": "https://a.com/x", "Urls.10": "z" }, {}, []),
            { Urls: ["https://a.com/x", "https://a.com/y", "z"] });
    });

    it("nests dotted keys into objects", () => {
        assert.deepStrictEqual(nestParams({ "Tags.0.Key": "k", "Tags.0.Value": "v" }, {}, []), { Tags: [{ Key: "k", Value: "v" }] });
    });

    it("types the parameters named as integers and booleans", () => {
        assert.deepStrictEqual(nestParams({ Limit: "10", UrlEncode: "True", TaskId: "17" }, { Limit: "integer", UrlEncode: "boolean" }, []),
            { Limit: 10, UrlEncode: true, TaskId: "17" });
    });

    it("leaves a value that does not parse as text, for the action to reject", () => {
        assert.deepStrictEqual(nestParams({ Limit: "ten", UrlEncode: "yes" }, { Limit: "integer", UrlEncode: "boolean" }, []),
            { Limit: "ten", UrlEncode: "yes" });
    });

    it("leaves out the common parameters it is told to drop", () => {
        assert.deepStrictEqual(nestParams({ Action: "PurgeUrlsCache", Signature: "x", "Urls.0": "u" }, {}, ["Action", "Signature"]),
            { Urls: ["u"] });
    });

    it("keeps a __proto__ key as data", () => {
        const nested = nestParams({ "__proto__.polluted": "yes" }, {}, []);
        assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
        assert.strictEqual(Object.keys(nested).length, 1);
    });
});
