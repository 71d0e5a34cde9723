/**
 * The emulator in a process of its own, driven through its control API: for tests whose client load must not
 * share an event loop with the server (a server in the same loop answers late and in bunches, as no real one
 * does), and for tests written in another language or runner.
 */
import { spawn } from "child_process";
import * as path from "path";
import type { StatsSnapshot } from "./stats";
import type { TaskRecord } from "./cdn/store";
import type { TeoTaskRecord } from "./edgeone/store";

/** A started emulator process. */
export interface EmulatorProcess {
    /** `http://127.0.0.1:PORT` */
    readonly url: string;
    /** Creates a task without going through the API (no signature, no rate limit, no quota). */
    createTask(urls: readonly string[], options?: { purgeType?: "url" | "path"; flushType?: "flush" | "delete" }): Promise<string>;
    /** Every record with its current status. */
    tasks(): Promise<TaskRecord[]>;
    /** Every EdgeOne task with its current status. */
    teoTasks(): Promise<TeoTaskRecord[]>;
    stats(): Promise<StatsSnapshot>;
    reset(): Promise<void>;
    close(): Promise<void>;
}

/**
 * Starts `emulator/cli.ts` with `args` (the CLI's flags) and resolves once it listens.
 *
 * @example
 * const emu = await startEmulatorProcess(["--complete-after", "1500"]);
 * const taskId = await emu.createTask(["https://www.example.com/a.png"]);
 * await emu.close();
 */
export function startEmulatorProcess(args: readonly string[] = []): Promise<EmulatorProcess> {
    const cli = path.join(__dirname, "cli.ts");
    const compiled = cli.replace(/\.ts$/, ".js");
    const useTs = __filename.endsWith(".ts");
    const child = spawn(process.execPath, [...(useTs ? ["-r", require.resolve("ts-node/register/transpile-only")] : []),
        useTs ? cli : compiled, "--port", "0", ...args], { stdio: ["ignore", "pipe", "inherit"] });
    return new Promise((resolve, reject) => {
        child.once("error", reject);
        child.once("exit", (code) => reject(new Error(`emulator process exited with ${code} before listening`)));
        let out = "";
        child.stdout!.on("data", (d: Buffer) => {
            out += d.toString();
            const m = /listening on (http:\/\/\S+)/.exec(out);
            if (m) {
                child.stdout!.removeAllListeners("data");
                child.stdout!.resume();
                resolve(handle(m[1], () => new Promise<void>((done) => {
                    child.removeAllListeners("exit");
                    child.once("exit", () => done());
                    child.kill("SIGTERM");
                })));
            }
        });
    });
}

function handle(url: string, close: () => Promise<void>): EmulatorProcess {
    const control = async (method: string, route: string, body?: unknown): Promise<any> => {
        const res = await fetch(`${url}/_emulator/${route}`, {
            method, body: body === undefined ? undefined : JSON.stringify(body), headers: { "content-type": "application/json" },
        });
        const json: unknown = await res.json();
        if (!res.ok) {
            throw new Error(`emulator control ${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
        }
        return json;
    };
    return {
        url,
        createTask: async (urls, options = {}) => (await control("POST", "tasks", { urls, ...options })).taskId,
        tasks: async () => (await control("GET", "tasks")).tasks,
        teoTasks: async () => (await control("GET", "teo/tasks")).tasks,
        stats: () => control("GET", "stats"),
        reset: async () => { await control("POST", "reset"); },
        close,
    };
}
