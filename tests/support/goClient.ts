/**
 * The Go test tool (tests/goClient: the official Go SDK's generic client) from a mocha spec: built once into the
 * user's cache by scripts/buildGoClient.sh, then run once per API call.
 */
import { execFile, execFileSync } from "child_process";
import { inCi } from "./ci";
import * as path from "path";
import { EmulatorCredential } from "../../emulator/auth";
import { CallOutcome } from "./purgeScenario";

const ROOT = path.join(__dirname, "..", "..");

/** The exit code of the Go tool scripts (scripts/goTool.sh) when there is no usable Go. */
export const NO_GO = 3;

/**
 * Builds the tool if its sources changed and returns its path; undefined when Go is not installed and the run is
 * not CI (CI must have Go: there the missing toolchain is an error, so the tests fail rather than skip).
 *
 * @example
 * const bin = buildGoClient(); // "~/.cache/pulumi-tencentcloud-purge/goClient-<hash>"
 */
export function buildGoClient(): string | undefined {
    try {
        return execFileSync("bash", [path.join(ROOT, "scripts", "buildGoClient.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
    } catch (e) {
        const { status, stderr } = e as { status?: number; stderr?: string };
        if (status === NO_GO && !inCi()) {
            return undefined;
        }
        throw new Error(`building the Go test tool failed (exit ${status}): ${stderr ?? String(e)}`);
    }
}

/** Flags of one call; see tests/goClient/main.go. */
export interface GoCall {
    readonly endpoint: string;
    readonly action: string;
    readonly params?: Record<string, unknown>;
    readonly service?: string;
    readonly version?: string;
    readonly method?: "POST" | "GET";
    readonly sign?: "TC3-HMAC-SHA256" | "HmacSHA1" | "HmacSHA256";
    /** `common` (tchttp.CommonRequest, the default) or `typed` (a request struct). */
    readonly request?: "common" | "typed";
    readonly skipSign?: boolean;
    /** Passed as TENCENTCLOUD_SECRET_ID / _SECRET_KEY / _SECURITY_TOKEN; none for an unsigned call. */
    readonly credential?: EmulatorCredential;
}

/**
 * Runs one call through the tool and returns the answer or the API error code.
 *
 * @example
 * const { response } = await runGoClient(bin, { endpoint: emu.endpoint, action: "DescribePurgeQuota", credential });
 */
export function runGoClient(bin: string, call: GoCall): Promise<CallOutcome> {
    const args = ["-endpoint", call.endpoint, "-action", call.action, "-params", JSON.stringify(call.params ?? {}),
        "-service", call.service ?? "cdn", "-version", call.version ?? "2018-06-06", "-method", call.method ?? "POST",
        "-sign", call.sign ?? "TC3-HMAC-SHA256", "-request", call.request ?? "common", ...(call.skipSign ? ["-skip-sign"] : [])];
    const { TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY, TENCENTCLOUD_SECURITY_TOKEN, ...rest } = process.env;
    const c = call.credential;
    const env = {
        ...rest,
        ...(c ? { TENCENTCLOUD_SECRET_ID: c.secretId, TENCENTCLOUD_SECRET_KEY: c.secretKey } : {}),
        ...(c?.token ? { TENCENTCLOUD_SECURITY_TOKEN: c.token } : {}),
    };
    return new Promise((resolve, reject) => {
        execFile(bin, args, { env, timeout: 15000 }, (error, stdout, stderr) => {
            if (error) {
                reject(new Error(`goclient ${call.action} failed: ${stderr || error.message}`));
                return;
            }
            const out = JSON.parse(stdout) as { response?: Record<string, any>; code?: string };
            resolve(out.response ? { response: out.response } : { code: out.code });
        });
    });
}
