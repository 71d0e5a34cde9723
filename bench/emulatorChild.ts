/**
 * An emulator in its own process for the paging benchmark, so the server's work (building pages of 10,000
 * records) does not share an event loop with the client being measured. Driven over IPC by
 * {@link startEmulatorProcess}: seed records straight into the store, reset, read statistics, close.
 */
import { fork, ChildProcess } from "child_process";
import { RunningEmulator, startEmulator } from "../emulator";
import type { StatsSnapshot } from "../emulator";

type Request = { id: number; op: "seed"; records: number } | { id: number; op: "reset" | "stats" | "close" };

/** The parent's handle on the child emulator. */
export interface EmulatorProcess {
    readonly url: string;
    seed(records: number): Promise<void>;
    reset(): Promise<void>;
    stats(): Promise<StatsSnapshot>;
    close(): Promise<void>;
}

/**
 * Forks this module as an emulator process and resolves once it listens.
 *
 * @example
 * const emu = await startEmulatorProcess();
 * await emu.seed(10_000);
 */
export function startEmulatorProcess(): Promise<EmulatorProcess> {
    const child: ChildProcess = fork(__filename, [], {
        execArgv: ["-r", require.resolve("ts-node/register/transpile-only")], stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    let next = 0;
    const waiting = new Map<number, (value: unknown) => void>();
    const ask = <T>(request: { op: Request["op"]; records?: number }): Promise<T> => new Promise((resolve) => {
        const id = ++next;
        waiting.set(id, resolve as (value: unknown) => void);
        child.send({ ...request, id });
    });
    return new Promise((resolve, reject) => {
        child.once("error", reject);
        child.once("exit", (code) => reject(new Error(`emulator process exited (${code})`)));
        child.on("message", (m: { id?: number; url?: string; value?: unknown }) => {
            if (m.url) {
                resolve({
                    url: m.url,
                    seed: (records) => ask({ op: "seed", records }),
                    reset: () => ask({ op: "reset" }),
                    stats: () => ask({ op: "stats" }),
                    close: async () => { await ask({ op: "close" }); child.disconnect(); },
                });
            } else if (m.id !== undefined) {
                waiting.get(m.id)?.(m.value);
                waiting.delete(m.id);
            }
        });
    });
}

async function serve(): Promise<void> {
    const emu: RunningEmulator = await startEmulator({ completeAfterMs: 0 });
    process.on("message", async (r: Request) => {
        let value: unknown;
        if (r.op === "seed") {
            for (let i = 0; i < r.records; i += 100) {
                const urls = Array.from({ length: Math.min(100, r.records - i) }, (_, j) => `https://www.example.com/${i + j}.png`);
                emu.store.submit({ purgeType: "url", flushType: "flush", area: "mainland", urls });
            }
        } else if (r.op === "reset") {
            emu.reset();
        } else if (r.op === "stats") {
            value = emu.stats.snapshot();
        } else {
            await emu.close();
        }
        process.send?.({ id: r.id, value });
        if (r.op === "close") {
            process.disconnect();
        }
    });
    process.send?.({ url: emu.url });
}

if (require.main === module) {
    void serve();
}
