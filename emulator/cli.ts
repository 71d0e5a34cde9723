#!/usr/bin/env node
/**
 * Command line: starts the emulator and prints how to point a program at it. Flags are parsed by Node's own
 * `util.parseArgs` (`--port 9000` and `--port=9000` alike); a bad value exits 2 with a message naming the flag
 * and what it takes, `--help` prints every flag and exits 0.
 *
 * @example
 * // npm run emulator -- --port 9000 --complete-after 3000 --retention 86400000 --sts-lifetime 5 --verbose
 */
import { parseArgs } from "util";
import { startEmulator, EmulatorOptions } from "./server";
import { EMULATOR_WEB_IDENTITY } from "./stsActions";

/**
 * A command-line mistake: the process prints the message and exits 2.
 *
 * @example
 * throw new UsageError("--port must be a whole number from 0 to 65535, got \"abc\"");
 */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

interface Flag {
    readonly name: string;
    /** Shown in the usage after the flag; none for a switch. */
    readonly value?: string;
    readonly multiple?: boolean;
    readonly help: string;
}

/** Every flag, in the order `--help` lists them (docs/emulator.md lists the same). */
const FLAGS: readonly Flag[] = [
    { name: "port", value: "N", help: "port to listen on, 0 to 65535 (default 0: any free port)" },
    { name: "host", value: "H", help: "interface to listen on (default 127.0.0.1, loopback only)" },
    { name: "complete-after", value: "MS", help: "milliseconds until a submitted purge turns done (default 2000)" },
    { name: "teo-prefetch-after", value: "MS", help: "milliseconds until an EdgeOne prefetch job turns success (default 5000)" },
    { name: "teo-invalid-pattern", value: "TEXT", help: "EdgeOne prefetch URLs containing TEXT end invalid (default /missing)" },
    { name: "visible-after", value: "MS", help: "milliseconds until a new task (or EdgeOne job) shows in queries: the API's listing lag (default 0)" },
    { name: "retention", value: "MS", help: "milliseconds records stay queryable; older ones disappear (default: kept)" },
    { name: "fail-pattern", value: "TEXT", help: "URLs containing TEXT finish as fail (default /fail)" },
    { name: "push-complete-after", value: "MS", help: "milliseconds until a pushed (prefetched) URL finishes (default 5000)" },
    { name: "invalid-pattern", value: "TEXT", help: "pushed URLs containing TEXT finish as invalid, as if the origin lacked them (default /missing)" },
    { name: "rate-limit", value: "N", help: "accepted requests per action in any second, at least 1 (default 20)" },
    { name: "status-case", value: "lower|title", help: "status spelling in answers: done or Done (default lower)" },
    { name: "role-arn", value: "ARN", multiple: true, help: `a role STS AssumeRole may assume; repeat for more (default ${EMULATOR_WEB_IDENTITY.roleArn})` },
    { name: "web-identity-provider", value: "ID", help: `ProviderId AssumeRoleWithWebIdentity accepts (default ${EMULATOR_WEB_IDENTITY.providerId})` },
    { name: "web-identity-token", value: "TOKEN", help: `WebIdentityToken it accepts (default ${EMULATOR_WEB_IDENTITY.webIdentityToken})` },
    { name: "web-identity-role", value: "ARN", help: "RoleArn it accepts (default the AssumeRole default)" },
    { name: "sts-lifetime", value: "SECONDS", help: "lifetime of every STS credential, 1 to 43200 (default: DurationSeconds, else 7200)" },
    { name: "verbose", help: "print one line per request" },
    { name: "help", help: "print this help and exit" },
];

/**
 * The `--help` text.
 *
 * @example
 * console.log(USAGE);
 */
export const USAGE = ["usage: tencentcloud-purge-emulator [flags]   (from a checkout: npm run emulator -- [flags])", "",
    ...FLAGS.map((f) => `  --${f.name}${f.value ? ` ${f.value}` : ""}`.padEnd(34) + f.help)].join("\n");

/** A whole number within [min, max], or a {@link UsageError} naming the flag. */
function wholeNumber(flag: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min || n > max) {
        const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
        throw new UsageError(`--${flag} takes a whole number ${range}, not "${text}"`);
    }
    return n;
}

function nonEmpty(flag: string, text: string): string {
    if (text.trim() === "") {
        throw new UsageError(`--${flag} needs a non-empty value`);
    }
    return text;
}

/** What the command line asks for: emulator options, or only the help text. */
export interface CliRequest {
    readonly help: boolean;
    readonly options: EmulatorOptions;
}

/** Node's parser with the flag table; its errors become {@link UsageError}s. */
function parseWithNode(argv: readonly string[]): Record<string, unknown> {
    try {
        return parseArgs({
            args: [...argv], strict: true, allowPositionals: false,
            options: Object.fromEntries(FLAGS.map((f) => [f.name, {
                type: f.value ? "string" as const : "boolean" as const, multiple: f.multiple ?? false,
                ...(f.name === "help" ? { short: "h" } : {}),
            }])),
        }).values;
    } catch (e) {
        const { code, message } = e as { code?: string; message: string };
        if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
            throw new UsageError(`unknown argument ${/'([^']+)'/.exec(message)?.[1] ?? message}`);
        }
        if (code?.startsWith("ERR_PARSE_ARGS")) {
            throw new UsageError(message);
        }
        throw e;
    }
}

/**
 * Parses command-line arguments into emulator options; throws a {@link UsageError} naming the flag and what it
 * takes when a value is wrong.
 *
 * @example
 * parseEmulatorArgs(["--port=9000", "--fail-pattern", "/broken"]).options; // { port: 9000, failPattern: "/broken" }
 */
export function parseEmulatorArgs(argv: readonly string[]): CliRequest {
    const v = parseWithNode(argv);
    const text = (name: string): string | undefined => v[name] as string | undefined;
    const options: Record<string, unknown> = {};
    const set = (key: string, name: string, read: (flag: string, value: string) => unknown): void => {
        const value = text(name);
        if (value !== undefined) {
            options[key] = read(name, value);
        }
    };
    set("port", "port", (f, s) => wholeNumber(f, s, 0, 65535));
    set("host", "host", nonEmpty);
    set("completeAfterMs", "complete-after", (f, s) => wholeNumber(f, s, 0));
    set("teoPrefetchCompleteAfterMs", "teo-prefetch-after", (f, s) => wholeNumber(f, s, 0));
    set("teoInvalidPattern", "teo-invalid-pattern", nonEmpty);
    set("visibleAfterMs", "visible-after", (f, s) => wholeNumber(f, s, 0));
    set("retentionMs", "retention", (f, s) => wholeNumber(f, s, 0));
    set("failPattern", "fail-pattern", nonEmpty);
    set("pushCompleteAfterMs", "push-complete-after", (f, s) => wholeNumber(f, s, 0));
    set("invalidPattern", "invalid-pattern", nonEmpty);
    set("rateLimitPerSecond", "rate-limit", (f, s) => wholeNumber(f, s, 1));
    set("statusCase", "status-case", (f, s) => {
        if (s !== "lower" && s !== "title") {
            throw new UsageError(`--${f} takes lower or title, not "${s}"`);
        }
        return s;
    });
    set("temporaryCredentialSeconds", "sts-lifetime", (f, s) => wholeNumber(f, s, 1, 43200));
    const roles = v["role-arn"] as string[] | undefined;
    if (roles !== undefined) {
        options.roleArns = roles.map((r) => nonEmpty("role-arn", r));
    }
    const identity = {
        providerId: text("web-identity-provider"), webIdentityToken: text("web-identity-token"), roleArn: text("web-identity-role"),
    };
    if (Object.values(identity).some((x) => x !== undefined)) {
        options.webIdentity = Object.fromEntries(Object.entries({ ...EMULATOR_WEB_IDENTITY })
            .map(([k, d]) => [k, identity[k as keyof typeof identity] ?? d]));
    }
    if (v.verbose === true) {
        options.log = (line: string) => console.log(line);
    }
    return { help: v.help === true, options: options as EmulatorOptions };
}

async function main(): Promise<void> {
    let request: CliRequest;
    try {
        request = parseEmulatorArgs(process.argv.slice(2));
    } catch (e) {
        if (!(e instanceof UsageError)) {
            throw e;
        }
        console.error(`emulator: ${e.message}\nRun with --help to see every flag.`);
        process.exit(2);
    }
    if (request.help) {
        console.log(USAGE);
        return;
    }
    const emu = await startEmulator(request.options);
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
    // EdgeOne and STS are served on the same address; STS stays last, as scripts read up to it.
    console.log(`TENCENTCLOUD_TEO_ENDPOINT=${emu.url}`);
    console.log(`TENCENTCLOUD_STS_ENDPOINT=${emu.url}`);
}

if (require.main === module) {
    main().catch((e: unknown) => {
        console.error(`emulator failed to start: ${(e as Error).message}`);
        process.exit(1);
    });
}
