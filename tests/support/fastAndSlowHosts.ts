/**
 * The setup the CDN specs run in both hosts share: a fast emulator (tasks finish in moments) and a slow one
 * (tasks outlast a short wait), each with a host of `factory` connected to it. Call it inside a `describe`: it
 * registers the hooks that start, reset and stop them.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { EMULATOR_CREDENTIALS, EmulatorOptions, RunningEmulator, startEmulator } from "../../emulator";
import { HostFactory, HostUnderTest } from "./hostsUnderTest";

const COMPILED = path.join(__dirname, "..", "..", "bin", "provider", "plugin", "main.js");

/** What a spec works with once its hooks ran. */
export interface FastAndSlowHosts {
    readonly emu: RunningEmulator;
    readonly slowEmu: RunningEmulator;
    readonly host: HostUnderTest;
    readonly slowHost: HostUnderTest;
}

/**
 * Registers the hooks and returns what the spec's tests use (its fields are set once `before` ran).
 *
 * @example
 * const t = fastAndSlowHosts(factory, { completeAfterMs: 300 }, { completeAfterMs: 60_000 });
 * it("...", async () => { await t.host.create("urlPurge", { urls }); });
 */
export function fastAndSlowHosts(factory: HostFactory, fast: EmulatorOptions, slow: EmulatorOptions): FastAndSlowHosts {
    const t = {} as { emu: RunningEmulator; slowEmu: RunningEmulator; host: HostUnderTest; slowHost: HostUnderTest };
    before(async () => {
        assert.ok(fs.existsSync(COMPILED), `${COMPILED} is missing: run "npm run build" first`);
        t.emu = await startEmulator(fast);
        t.slowEmu = await startEmulator(slow);
        t.host = await factory.start({ ...EMULATOR_CREDENTIALS, endpoint: t.emu.url });
        t.slowHost = await factory.start({ ...EMULATOR_CREDENTIALS, endpoint: t.slowEmu.url });
    });
    beforeEach(() => { t.emu.reset(); t.slowEmu.reset(); });
    after(async () => {
        t.host?.stop();
        t.slowHost?.stop();
        await t.emu?.close();
        await t.slowEmu?.close();
    });
    return t;
}
