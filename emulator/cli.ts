#!/usr/bin/env node
/**
 * Command line: starts the emulator and prints how to point a program at it.
 *
 * @example
 * // npm run emulator -- --port 9000 --complete-after 3000 --fail-pattern /broken/ --rate-limit 20 --verbose
 */
import { startEmulator, EmulatorOptions } from "./server";

const USAGE = "usage: emulator [--port N] [--host H] [--complete-after MS] [--visible-after MS] " +
    "[--fail-pattern S] [--rate-limit N] [--status-case lower|title] [--verbose]";

/**
 * Parses command-line arguments into emulator options; throws an Error with a usage message on bad input.
 *
 * @example
 * parseArgs(["--port", "9000", "--fail-pattern", "/broken"]); // { port: 9000, failPattern: "/broken" }
 */
export function parseArgs(argv: readonly string[]): EmulatorOptions {
    const options: Record<string, unknown> = {};
    const number = (flag: string, text: string): number => {
        const n = Number(text);
        if (text === "" || !Number.isInteger(n) || n < 0) {
            throw new Error(`${flag} needs a whole number\n${USAGE}`);
        }
        return n;
    };
    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i];
        const value = (): string => {
            const v = argv[++i];
            if (v === undefined) {
                throw new Error(`${flag} needs a value\n${USAGE}`);
            }
            return v;
        };
        switch (flag) {
            case "--port": options.port = number(flag, value()); break;
            case "--host": options.host = value(); break;
            case "--complete-after": options.completeAfterMs = number(flag, value()); break;
            case "--visible-after": options.visibleAfterMs = number(flag, value()); break;
            case "--fail-pattern": options.failPattern = value(); break;
            case "--rate-limit": options.rateLimitPerSecond = number(flag, value()); break;
            case "--status-case": options.statusCase = value() === "title" ? "title" : "lower"; break;
            case "--verbose": options.log = (line: string) => console.log(line); break;
            case "--help": case "-h": throw new Error(USAGE);
            default: throw new Error(`unknown argument ${flag}\n${USAGE}`);
        }
    }
    return options as EmulatorOptions;
}

async function main(): Promise<void> {
    let options: EmulatorOptions;
    try {
        options = parseArgs(process.argv.slice(2));
    } catch (e) {
        console.error((e as Error).message);
        process.exit(2);
    }
    const emu = await startEmulator(options);
    let stopping = false;
    const stop = (signal: string): void => {
        if (stopping) {
            return;
        }
        stopping = true;
        console.log(`received ${signal}, stopping`);
        emu.close().then(() => process.exit(0), () => process.exit(1));
    };
    // Handlers first: a script may send the signal as soon as it has read the lines below.
    process.on("SIGINT", () => stop("SIGINT"));
    process.on("SIGTERM", () => stop("SIGTERM"));
    const [credential] = emu.credentials;
    console.log(`Tencent Cloud CDN purge emulator listening on ${emu.url}`);
    console.log(`TENCENTCLOUD_SECRET_ID=${credential.secretId}`);
    console.log(`TENCENTCLOUD_SECRET_KEY=${credential.secretKey}`);
    console.log(`TENCENTCLOUD_CDN_ENDPOINT=${emu.url}`);
}

if (require.main === module) {
    main().catch((e: unknown) => {
        console.error(`emulator failed to start: ${(e as Error).message}`);
        process.exit(1);
    });
}
