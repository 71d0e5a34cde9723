/**
 * Running a program from the demo and the tests: asynchronously, so that an emulator in the same process keeps
 * answering while the program runs.
 */
import { execFile } from "child_process";

/** Where and how to run. */
export interface RunOptions {
    /** Default: this process's working folder. */
    readonly cwd?: string;
    /** Added to this process's environment. */
    readonly env?: Record<string, string | undefined>;
}

/**
 * Runs `command` with `args` and resolves to its stdout; rejects with an error holding all it printed.
 *
 * @example
 * const version = await runCommand("go", ["version"]);
 */
export function runCommand(command: string, args: readonly string[], opts: RunOptions = {}): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile(command, [...args], { cwd: opts.cwd, env: { ...process.env, ...opts.env }, maxBuffer: 64 << 20 },
            (err, stdout, stderr) => err
                ? reject(new Error(`${command} ${args.join(" ")} failed${opts.cwd ? ` in ${opts.cwd}` : ""}: ${err.message}\n${stdout}\n${stderr}`))
                : resolve(stdout));
    });
}
