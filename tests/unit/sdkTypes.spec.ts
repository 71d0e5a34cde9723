import * as assert from "assert";
import * as path from "path";
import * as ts from "typescript";

/** The type check of the SDK against the description, with `body` appended, compiled in memory; returns the errors by line of `body`. */
function compileWithDrift(body: string): Map<number, string> {
    const dir = path.join(__dirname, "types");
    const file = path.join(dir, "drift.ts");
    const head = 'import * as pulumi from "@pulumi/pulumi";\n' +
        'import { URL_PURGE, PURGE_TASK_WAITER, GET_PURGE_TASKS } from "../../../provider/cdn/description";\n' +
        'import { UrlPurge, UrlPurgeArgs, GetPurgeTasksArgs, PurgeTaskWaiter } from "../../../sdk";\n' +
        'import { ArgsMatch, OutputsMatch, holds } from "./sdkMatchesDescription";\n';
    const text = head + body;
    const config = ts.getParsedCommandLineOfConfigFile(path.join(__dirname, "..", "..", "tsconfig.check.json"), {}, {
        ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); },
    })!;
    const host = ts.createCompilerHost(config.options);
    const getSourceFile = host.getSourceFile;
    host.getSourceFile = (name, lang, ...rest) =>
        (path.resolve(name) === file ? ts.createSourceFile(name, text, lang) : getSourceFile.call(host, name, lang, ...rest));
    const fileExists = host.fileExists;
    host.fileExists = (name) => path.resolve(name) === file || fileExists.call(host, name);
    const program = ts.createProgram([file], { ...config.options, noEmit: true }, host);
    const errors = new Map<number, string>();
    for (const d of ts.getPreEmitDiagnostics(program, program.getSourceFile(file))) {
        const line = d.file!.getLineAndCharacterOfPosition(d.start!).line - head.split("\n").length + 1;
        errors.set(line, ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    }
    return errors;
}

describe("the compile-time check of the TypeScript SDK against the description", function () {
    this.timeout(60_000);
    const cases: [string, string][] = [
        ["the SDK as it is", "holds<ArgsMatch<UrlPurgeArgs, typeof URL_PURGE.inputs>>(true);"],
        ["an argument the description lacks", "holds<ArgsMatch<UrlPurgeArgs & { readonly extra?: pulumi.Input<string> }, typeof URL_PURGE.inputs>>(true);"],
        ["a described argument the SDK lacks", "holds<ArgsMatch<Omit<UrlPurgeArgs, \"area\">, typeof URL_PURGE.inputs>>(true);"],
        ["a required argument made optional", "holds<ArgsMatch<Omit<UrlPurgeArgs, \"urls\"> & { readonly urls?: pulumi.Input<string[]> }, typeof URL_PURGE.inputs>>(true);"],
        ["an argument of another type", "holds<ArgsMatch<Omit<GetPurgeTasksArgs, \"limit\"> & { readonly limit?: string }, typeof GET_PURGE_TASKS.inputs>>(true);"],
        ["a described output the class lacks", "holds<OutputsMatch<Omit<UrlPurge, \"taskIds\">, typeof URL_PURGE.inputs, typeof URL_PURGE.outputs>>(true);"],
        ["an output of another type", "holds<OutputsMatch<Omit<PurgeTaskWaiter, \"completedAt\"> & { completedAt: pulumi.Output<number> }, typeof PURGE_TASK_WAITER.inputs, typeof PURGE_TASK_WAITER.outputs>>(true);"],
    ];
    let errors: Map<number, string>;
    before(() => { errors = compileWithDrift(cases.map(([, line]) => line).join("\n") + "\n"); });

    cases.forEach(([what], line) => {
        const drifted = line > 0;
        it(drifted ? `fails on ${what}` : "passes on the SDK as it is", () => {
            assert.strictEqual(errors.has(line), drifted, errors.get(line) ?? `no error on line ${line}`);
            assert.deepStrictEqual([...errors.keys()].filter((l) => l < 0), [], "the check itself compiles");
        });
    });
});
