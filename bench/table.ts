/**
 * The benchmark's report as Markdown tables (printed, written to bench/out/table.md, quoted in docs/bench.md): the
 * run's header, the products' sections, the package's footprint and plugin, and every goal.
 */
import { ReleaseFigures } from "./pluginStart";
import { ImportFigures, SerializedFigures } from "./footprint";
import { Goal } from "./goals";

/** The parts of the results the core's tables show. */
export interface Report {
    readonly generatedAt: string;
    readonly seed: number;
    readonly node: string;
    readonly runSeconds: number;
    readonly imports?: readonly ImportFigures[];
    readonly serialized?: SerializedFigures;
    readonly release?: ReleaseFigures;
    readonly goals: readonly Goal[];
}

/**
 * A Markdown table.
 *
 * @example
 * table(["a", "b"], [[1, 2]]); // "| a | b |\n|---|---|\n| 1 | 2 |"
 */
export const table = (head: string[], rows: (string | number)[][]): string =>
    [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

/** A figure with `digits` decimals, or "-" when it is not finite: `n(1.234)` is "1.23". */
export const n = (v: number, digits = 2) => (Number.isFinite(v) ? v.toFixed(digits) : "-");

/**
 * The whole report: the header, each product's sections in turn, then the footprint, the plugin and the goals.
 *
 * @example
 * process.stdout.write(renderTable(results, [productSection], ["bench/out/calls-vs-delay.svg"]));
 */
export function renderTable(r: Report, sections: readonly string[], plots: readonly string[]): string {
    const parts: string[] = [];
    parts.push(`## Benchmark results (seed ${r.seed}, Node ${r.node}, ${r.generatedAt}, ${r.runSeconds.toFixed(0)} s)`);
    parts.push(...sections);
    parts.push("\n### Footprint\n");
    if (r.imports) {
        parts.push(table(["import", "node -e require() median ms", "require() alone median ms", "modules loaded", "Tencent SDK modules"],
            r.imports.map((i) => [i.target, n(i.wallMedianMs, 0), n(i.requireMedianMs, 0), i.modules, i.sdkModules])));
    } else {
        parts.push("Import times not measured: the build failed.");
    }
    if (r.serialized) {
        const s = r.serialized;
        parts.push(`\nSerialized provider stored per resource: ${Object.entries(s.storedBytes).map(([k, v]) => `${k} ${v} B`).join(", ")}` +
            ` (serializeFunction(() => hostedProvider("urlPurge")): ${s.factoryClosureBytes} B); secret-like text: ${s.containsSecretLikeText ? "FOUND" : "none"}.`);
    }
    if (r.release) {
        parts.push("\n### The provider plugin as released\n");
        parts.push(table(["archive", "KB"], Object.entries(r.release.archiveBytes).map(([k, v]) => [k, n(v / 1024, 0)])));
        parts.push("");
        parts.push(table(["start", "cold GetSchema median ms", "node -e '' median ms", "ratio"],
            r.release.starts.map((s) => [s.label, n(s.getSchemaMs, 0), n(s.bareNodeMs, 0), n(s.ratio)])));
    }
    parts.push("\n### Goals\n");
    parts.push(table(["", "goal", "figures"], r.goals.map((g) => [g.met ? "met" : "NOT met", g.goal, g.detail])));
    parts.push(`\nPlot: ${plots.join(", ")}\n`);
    return parts.join("\n") + "\n";
}
