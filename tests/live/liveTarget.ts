/**
 * Where a run's scenarios send their calls: the account the environment names (the maintainer's credentials and
 * endpoints, as for any program), or a local emulator the run starts to compare with.
 */
import { EMULATOR_CREDENTIALS, RunningEmulator } from "../../emulator/server";
import { ConfigSource, ConnectionInput } from "../../provider/client/connection";

/** One place to run the scenarios against. */
export interface LiveTarget {
    readonly name: "account" | "emulator";
    /** What the resources' host is configured with, as stack config would be. */
    readonly config: ConfigSource;
    /** The functions' `connection` option. */
    readonly connection: ConnectionInput;
}

/** The account: nothing in config, so the environment (or a tccli profile, a role, ...) decides, as in a program. */
export const ACCOUNT: LiveTarget = { name: "account", config: { get: () => undefined }, connection: {} };

/**
 * A started emulator, through stack config keys and the functions' connection option.
 *
 * @example
 * const target = emulatorTarget(await startEmulator({ completeAfterMs: 1500 }));
 */
export function emulatorTarget(emu: RunningEmulator): LiveTarget {
    const connection = { secretId: EMULATOR_CREDENTIALS.secretId, secretKey: EMULATOR_CREDENTIALS.secretKey, endpoint: emu.url, teoEndpoint: emu.url };
    const config: Record<string, string> = Object.fromEntries(Object.entries(connection).map(([k, v]) => [`tencentcloud-purge:${k}`, v]));
    return { name: "emulator", config: { get: (key) => config[key] }, connection };
}
