/**
 * The setup the provider-plugin specs share: one emulator, and the plugin configured for it through its stack
 * config (the secret key as a secret; its environment has no credentials). Call it inside a `describe`: it
 * registers the hooks that start, reset and stop them.
 */
import { EMULATOR_CREDENTIALS, EmulatorOptions, RunningEmulator, startEmulator } from "../../emulator";
import { PluginHost, secret } from "./pluginHost";

/** What a spec works with once its hooks ran. */
export interface PluginOnEmulator {
    readonly emu: RunningEmulator;
    readonly plugin: PluginHost;
    /** How many times the emulator answered `action` since the last reset. */
    calls(action: string): number;
}

/**
 * Registers the hooks and returns what the spec's tests use (its fields are set once `before` ran).
 *
 * @example
 * const t = pluginOnEmulator({ completeAfterMs: 300 }, "teoEndpoint");
 * it("...", async () => { await t.plugin.create(urn, inputs); });
 */
export function pluginOnEmulator(options: EmulatorOptions, endpointKey: "endpoint" | "teoEndpoint"): PluginOnEmulator {
    const t = {
        emu: undefined as unknown as RunningEmulator,
        plugin: undefined as unknown as PluginHost,
        calls: (action: string) => t.emu.stats.snapshot().requests[action] ?? 0,
    };
    before(async () => {
        t.emu = await startEmulator(options);
        t.plugin = await PluginHost.start({ TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "" });
        await t.plugin.configure({ secretId: EMULATOR_CREDENTIALS.secretId, secretKey: secret(EMULATOR_CREDENTIALS.secretKey),
            [endpointKey]: t.emu.url });
    });
    beforeEach(() => t.emu.reset());
    after(async () => {
        t.plugin?.stop();
        await t.emu?.close();
    });
    return t;
}
