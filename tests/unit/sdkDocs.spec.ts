/**
 * Every name the package exports (from `sdk/index.ts`, and the `edgeone` module it exports) carries a doc comment
 * with an `@example`, as users read them in their editor: checked on the declarations the TypeScript compiler
 * resolves each export to, wherever they live (`sdk/` or the types of `provider/` the SDK re-exports).
 */
import * as assert from "assert";
import * as path from "path";
import * as ts from "typescript";

const ENTRY = path.join(__dirname, "..", "..", "sdk", "index.ts");

/** Each exported name (`edgeone.Prefetch` for the module's), with whether its declaration has an `@example`. */
function exportedDocs(): Array<{ name: string; example: boolean }> {
    const program = ts.createProgram([ENTRY], { noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2020,
        module: ts.ModuleKind.CommonJS, esModuleInterop: true, strict: true });
    const checker = program.getTypeChecker();
    const found: Array<{ name: string; example: boolean }> = [];
    const visit = (module: ts.Symbol, prefix: string) => {
        for (const exported of checker.getExportsOfModule(module)) {
            const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
            const name = `${prefix}${exported.name}`;
            if (symbol.flags & ts.SymbolFlags.ValueModule) {
                visit(symbol, `${name}.`);
                continue;
            }
            // A name may be declared more than once (an interface merged with a class): one `@example` serves it.
            const example = (symbol.declarations ?? []).some((d) => ts.getJSDocTags(d).some((t) => t.tagName.text === "example"));
            found.push({ name, example });
        }
    };
    visit(checker.getSymbolAtLocation(program.getSourceFile(ENTRY)!)!, "");
    return found;
}

describe("the package's exported names", function () {
    this.timeout(60_000);

    it("each have a doc comment with an @example", () => {
        const docs = exportedDocs();
        assert.ok(docs.length > 40, `only ${docs.length} exports found`);
        assert.deepStrictEqual(docs.filter((d) => !d.example).map((d) => d.name), []);
    });
});
