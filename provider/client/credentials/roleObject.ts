/**
 * Reading an object setting such as `assumeRole` ({ roleArn, sessionName, sessionDuration, policy }): stack
 * config holds it as JSON text (`pulumi config set --path tencentcloud:assumeRole.roleArn ...`), explicit values
 * as an object. Errors name the place and the field, never a value.
 */
import { Found } from "./settingLookup";

/** The session name used when none is set. */
export const DEFAULT_SESSION_NAME = "pulumi-tencentcloud-purge";
/** Seconds temporary credentials are asked for when no duration is set, as the official provider does. */
export const DEFAULT_SESSION_SECONDS = 7200;
const MAX_SESSION_SECONDS = 43200;

/**
 * The fields of an object setting, checked against the allowed ones.
 *
 * @example
 * objectFields(found, ["roleArn", "sessionName"]); // { roleArn: "qcs::cam::..." }
 */
export function objectFields(found: Found, allowed: readonly string[]): Readonly<Record<string, unknown>> {
    let value = found.value;
    if (typeof value === "string") {
        try {
            value = JSON.parse(value);
        } catch {
            throw new Error(`${found.where} must be an object with ${allowed.join(", ")} (stack config holds it as JSON), ` +
                "but it is not valid JSON");
        }
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new Error(`${found.where} must be an object with ${allowed.join(", ")}`);
    }
    const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
    if (unknown.length > 0) {
        throw new Error(`${found.where} has unknown field(s) ${unknown.join(", ")}; the fields are ${allowed.join(", ")}`);
    }
    return value as Record<string, unknown>;
}

/**
 * A text field, or undefined when absent or empty.
 *
 * @example
 * textField({ roleArn: "qcs::cam::..." }, "roleArn", "stack config tencentcloud:assumeRole");
 */
export function textField(fields: Readonly<Record<string, unknown>>, name: string, where: string): string | undefined {
    const v = fields[name];
    if (v === undefined || v === null || v === "") {
        return undefined;
    }
    if (typeof v !== "string") {
        throw new Error(`${name} in ${where} must be a string, got ${typeof v}`);
    }
    return v;
}

/**
 * The session name rule STS documents: 2 to 128 letters, digits or `=,.@_-`; the default when absent.
 *
 * @example
 * sessionName(undefined, "environment variable TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME"); // "pulumi-tencentcloud-purge"
 */
export function sessionName(value: string | undefined, where: string): string {
    if (value === undefined) {
        return DEFAULT_SESSION_NAME;
    }
    if (!/^[\w=,.@-]{2,128}$/.test(value)) {
        throw new Error(`the session name in ${where} must be 2 to 128 letters, digits or =,.@_- characters`);
    }
    return value;
}

/**
 * A session duration in seconds (a number, or text of one), 1 to 43200; the default when absent.
 *
 * @example
 * sessionSeconds("3600", "environment variable TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION"); // 3600
 */
export function sessionSeconds(value: unknown, where: string): number {
    if (value === undefined || value === null || value === "") {
        return DEFAULT_SESSION_SECONDS;
    }
    const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > MAX_SESSION_SECONDS) {
        throw new Error(`the session duration in ${where} must be a whole number of seconds from 1 to ${MAX_SESSION_SECONDS}`);
    }
    return n;
}
