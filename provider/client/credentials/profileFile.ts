/**
 * A shared-credentials profile as `tccli configure` writes it, read the way the official provider reads it:
 * `<dir>/<profile>.credential` (JSON: `secretId`, `secretKey`, optional `token`, and `role-arn` /
 * `role-session-name` for a role to assume) and `<dir>/<profile>.configure` (JSON; its `_sys_param.region`).
 * The folder is `sharedCredentialsDir`, else `~/.tccli`; the profile is `profile`, else `default`.
 *
 * The SDK's ProfileCredential is not used: it reads another file (`~/.tencentcloud/credentials`, INI), which is
 * not what `tccli` writes nor what the official provider reads.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SigningCredential } from "./credentialSource";
import { Found, lookup, SettingInputs, text } from "./settingLookup";

/** What a profile holds. Holds secrets: never log or put it in an error. */
export interface Profile {
    /** The credential file, for messages. */
    readonly file: string;
    /** e.g. `profile default in /home/me/.tccli/default.credential`. */
    readonly description: string;
    readonly credential: SigningCredential;
    readonly region?: string;
    /** A role to assume with the profile's keys, as `tccli configure` can store it. */
    readonly role?: { readonly roleArn: string; readonly sessionName?: string };
}

/** Where the profile would be read from, and whether it was named by a setting. */
export interface ProfileLocation {
    readonly file: string;
    readonly configureFile: string;
    readonly name: string;
    /** The setting that named the profile or folder, when one did: then a missing file is an error. */
    readonly namedBy?: Found;
}

const expandHome = (dir: string, home: string): string => (dir === "~" || dir.startsWith("~/") ? path.join(home, dir.slice(1)) : dir);

/**
 * The profile's files from the settings.
 *
 * @example
 * profileLocation({ sources: connectionSources({ profile: "ci" }, undefined, {}), env: {} }).file; // "/home/me/.tccli/ci.credential"
 */
export function profileLocation(inputs: SettingInputs): ProfileLocation {
    const home = inputs.env.HOME || os.homedir();
    const named = lookup("profile", inputs.sources);
    const dirSetting = lookup("sharedCredentialsDir", inputs.sources);
    const name = text(named) ?? "default";
    if (!/^[\w.@-]+$/.test(name)) {
        throw new Error(`the profile name in ${named!.where} may hold only letters, digits and ._@- characters`);
    }
    const dir = expandHome(text(dirSetting) ?? path.join(home, ".tccli"), home);
    return {
        file: path.join(dir, `${name}.credential`), configureFile: path.join(dir, `${name}.configure`), name,
        namedBy: named ?? dirSetting,
    };
}

function readJson(file: string): Record<string, unknown> | undefined {
    let content: string;
    try {
        content = fs.readFileSync(file, "utf8");
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") {
            return undefined;
        }
        throw new Error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
    }
    try {
        const value = JSON.parse(content);
        if (typeof value === "object" && value !== null && !Array.isArray(value)) {
            return value;
        }
    } catch {
        // reported below, without the content
    }
    throw new Error(`${file} is not the JSON object tccli writes`);
}

const field = (o: Record<string, unknown>, k: string): string | undefined =>
    (typeof o[k] === "string" && (o[k] as string).trim() !== "" ? (o[k] as string).trim() : undefined);

/**
 * The profile at `location`, or undefined when its credential file does not exist and no setting named it.
 *
 * @example
 * readProfile(profileLocation(inputs))?.credential.secretId;
 */
export function readProfile(location: ProfileLocation): Profile | undefined {
    const values = readJson(location.file);
    if (values === undefined) {
        if (location.namedBy) {
            throw new Error(`${location.namedBy.where} names profile "${location.name}", but ${location.file} does not exist: ` +
                `create it with \`tccli configure --profile ${location.name}\` or fix the setting`);
        }
        return undefined;
    }
    const secretId = field(values, "secretId");
    const secretKey = field(values, "secretKey");
    if (secretId === undefined || secretKey === undefined) {
        throw new Error(`${location.file} has no ${secretId === undefined ? "secretId" : "secretKey"}: ` +
            `run \`tccli configure --profile ${location.name}\` to set the keys`);
    }
    const sys = readJson(location.configureFile)?._sys_param as Record<string, unknown> | undefined;
    const roleArn = field(values, "role-arn");
    return {
        file: location.file,
        description: `profile ${location.name} in ${location.file}`,
        credential: { secretId, secretKey, token: field(values, "token") },
        region: sys && typeof sys === "object" ? field(sys, "region") : undefined,
        role: roleArn === undefined ? undefined : { roleArn, sessionName: field(values, "role-session-name") },
    };
}
