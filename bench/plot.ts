/**
 * The plot: API calls (x, log scale) against median release delay (y, log scale), one point per schedule, one
 * panel per workload. Written as SVG by hand (no dependency); a PNG is added when a converter that can read
 * SVG happens to be installed.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";

/** One point of a panel. */
export interface PlotPoint {
    readonly label: string;
    readonly calls: number;
    readonly delayS: number;
    readonly ours: boolean;
}

/** One panel: a workload. */
export interface PlotPanel {
    readonly title: string;
    readonly points: readonly PlotPoint[];
}

const W = 460;
const H = 330;
const M = { left: 58, right: 16, top: 30, bottom: 44 };
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function logTicks(low: number, high: number): number[] {
    const ticks: number[] = [];
    for (let e = Math.floor(Math.log10(low)); e <= Math.ceil(Math.log10(high)); e++) {
        for (const m of [1, 2, 5]) {
            const v = m * 10 ** e;
            if (v >= low && v <= high) {
                ticks.push(v);
            }
        }
    }
    return ticks;
}

function panel(p: PlotPanel, x0: number, y0: number): string {
    const pts = p.points.filter((q) => q.calls > 0 && q.delayS > 0 && Number.isFinite(q.delayS));
    const xs = pts.map((q) => q.calls);
    const ys = pts.map((q) => q.delayS);
    const [xl, xh] = [10 ** Math.floor(Math.log10(Math.min(...xs))), 10 ** Math.ceil(Math.log10(Math.max(...xs)))];
    const [yl, yh] = [10 ** Math.floor(Math.log10(Math.min(...ys))), 10 ** Math.ceil(Math.log10(Math.max(...ys)))];
    const pw = W - M.left - M.right;
    const ph = H - M.top - M.bottom;
    const sx = (v: number) => x0 + M.left + (Math.log10(v / xl) / Math.log10(xh / xl)) * pw;
    const sy = (v: number) => y0 + M.top + ph - (Math.log10(v / yl) / Math.log10(yh / yl)) * ph;
    const out: string[] = [];
    out.push(`<text x="${x0 + W / 2}" y="${y0 + 18}" text-anchor="middle" font-weight="bold">${escape(p.title)}</text>`);
    out.push(`<rect x="${x0 + M.left}" y="${y0 + M.top}" width="${pw}" height="${ph}" fill="none" stroke="#444"/>`);
    for (const t of logTicks(xl, xh)) {
        out.push(`<line x1="${sx(t)}" y1="${y0 + M.top}" x2="${sx(t)}" y2="${y0 + M.top + ph}" stroke="#ddd"/>`);
        out.push(`<text x="${sx(t)}" y="${y0 + M.top + ph + 14}" text-anchor="middle" font-size="10">${t}</text>`);
    }
    for (const t of logTicks(yl, yh)) {
        out.push(`<line x1="${x0 + M.left}" y1="${sy(t)}" x2="${x0 + M.left + pw}" y2="${sy(t)}" stroke="#ddd"/>`);
        out.push(`<text x="${x0 + M.left - 4}" y="${sy(t) + 3}" text-anchor="end" font-size="10">${t}</text>`);
    }
    out.push(`<text x="${x0 + M.left + pw / 2}" y="${y0 + H - 8}" text-anchor="middle" font-size="11">API calls per trial (log)</text>`);
    out.push(`<text transform="translate(${x0 + 14},${y0 + M.top + ph / 2}) rotate(-90)" text-anchor="middle" font-size="11">median release delay, s (log)</text>`);
    for (const q of pts) {
        const color = q.ours ? "#c0392b" : "#2c6fbb";
        out.push(`<circle cx="${sx(q.calls).toFixed(1)}" cy="${sy(q.delayS).toFixed(1)}" r="4.5" fill="${color}"/>`);
        out.push(`<text x="${(sx(q.calls) + 7).toFixed(1)}" y="${(sy(q.delayS) - 5).toFixed(1)}" font-size="10" fill="${color}">${escape(q.label)}</text>`);
    }
    return out.join("\n");
}

/**
 * Writes `<base>.svg` (and `<base>.png` when a converter works); returns the files written.
 *
 * @example
 * writePlot("bench/out/calls-vs-delay", panels);
 */
export function writePlot(base: string, panels: readonly PlotPanel[]): string[] {
    const cols = 2;
    const rows = Math.ceil(panels.length / cols);
    const body = panels.map((p, i) => panel(p, (i % cols) * W, Math.floor(i / cols) * H)).join("\n");
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${cols * W}" height="${rows * H}" ` +
        `font-family="sans-serif" font-size="12">\n<rect width="100%" height="100%" fill="white"/>\n${body}\n</svg>\n`;
    fs.writeFileSync(`${base}.svg`, svg);
    const written = [`${base}.svg`];
    const converters: Array<[string, string[]]> = [
        ["rsvg-convert", ["-o", `${base}.png`, `${base}.svg`]],
        ["convert", [`${base}.svg`, `${base}.png`]],
    ];
    for (const [cmd, args] of converters) {
        fs.rmSync(`${base}.png`, { force: true });
        const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 20_000 });
        const png = fs.existsSync(`${base}.png`) ? fs.readFileSync(`${base}.png`).subarray(0, 8) : Buffer.alloc(0);
        if (r.status === 0 && png.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
            written.push(`${base}.png`);
            break;
        }
        fs.rmSync(`${base}.png`, { force: true });
    }
    return written;
}
