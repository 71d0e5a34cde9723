/**
 * The setup the provider-host specs share: one emulator, one Pulumi dynamic-provider host whose credentials and
 * endpoint come only through `configure` (the stack config path; its environment has none), and the serialized
 * providers of the resource kinds under test. Call it inside a `describe`: it registers the hooks that start,
 * reset and stop them.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { ResourceKind } from "../../provider/host";
import { EMULATOR_CREDENTIALS, EmulatorOptions, RunningEmulator, startEmulator } from "../../emulator";
import { hostedProvider } from "../../sdk/hostedProvider";
import { HostError, ProviderHost } from "./providerHost";

const HOST_MODULE = path.join(__dirname, "..", "..", "bin", "provider", "host.js");

/** What a spec works with once its hooks ran. */
export interface HostOnEmulator<K extends ResourceKind> {
    readonly emu: RunningEmulator;
    readonly host: ProviderHost;
    /** The serialized provider of each kind, for a resource's `__provider`. */
    readonly providers: Readonly<Record<K, string>>;
    /** How many times the emulator answered `action` since the last reset. */
    calls(action: string): number;
    /** The error a call to the host failed with; the spec fails when the call succeeds. */
    failure(p: Promise<unknown>): Promise<HostError>;
}

/**
 * Registers the hooks and returns what the spec's tests use (its fields are set once `before` ran).
 *
 * @example
 * const t = hostOnEmulator({ completeAfterMs: 300 }, ["edgeOnePurge", "edgeOneWaiter"], "teoEndpoint");
 * it("...", async () => { await t.host.create({ __provider: t.providers.edgeOnePurge, ... }); });
 */
export function hostOnEmulator<K extends ResourceKind>(options: EmulatorOptions, kinds: readonly K[],
    endpointKey: "endpoint" | "teoEndpoint"): HostOnEmulator<K> {
    const providers = {} as Record<K, string>;
    const t = {
        emu: undefined as unknown as RunningEmulator,
        host: undefined as unknown as ProviderHost,
        providers,
        calls: (action: string) => t.emu.stats.snapshot().requests[action] ?? 0,
        failure: (p: Promise<unknown>) => p.then(() => assert.fail("should fail"), (e: HostError) => e),
    };
    before(async () => {
        assert.ok(fs.existsSync(HOST_MODULE), `${HOST_MODULE} is missing: run "npm run build" first`);
        t.emu = await startEmulator(options);
        t.host = await ProviderHost.start({ TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "" });
        for (const kind of kinds) {
            providers[kind] = await ProviderHost.serialize(hostedProvider(kind));
        }
        await t.host.configure({
            "tencentcloud-purge:secretId": EMULATOR_CREDENTIALS.secretId,
            "tencentcloud-purge:secretKey": EMULATOR_CREDENTIALS.secretKey,
            [`tencentcloud-purge:${endpointKey}`]: t.emu.url,
        });
    });
    beforeEach(() => t.emu.reset());
    after(async () => {
        t.host?.stop();
        await t.emu?.close();
    });
    return t;
}
