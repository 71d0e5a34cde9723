/**
 * Guards for the reliability suites: an `unhandledRejection` recorder that fails the suite, a port nobody
 * listens on, and settling promises so that work started early can never go unhandled.
 */
import * as assert from "assert";
import * as net from "net";

/** Records unhandled rejections while installed. */
export class RejectionGuard {
    readonly seen: unknown[] = [];
    private readonly listener = (reason: unknown): void => {
        this.seen.push(reason);
    };

    install(): void {
        process.on("unhandledRejection", this.listener);
    }

    uninstall(): void {
        process.off("unhandledRejection", this.listener);
    }

    /** Fails when anything went unhandled (after letting pending callbacks run). */
    async assertNone(): Promise<void> {
        await new Promise((resolve) => setImmediate(resolve));
        assert.deepStrictEqual(this.seen.map(String), [], "unhandled rejections");
    }
}

/** Installs a guard around the current `describe` and checks it after each test. */
export function guardUnhandled(): RejectionGuard {
    const guard = new RejectionGuard();
    before(() => guard.install());
    afterEach(() => guard.assertNone());
    after(() => guard.uninstall());
    return guard;
}

/** A loopback port that was free a moment ago and now has no listener: connecting is refused. */
export async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
}

/** The outcome of a promise, as a value: never rejects. */
export type Settled<T> = { ok: true; value: T; ms: number } | { ok: false; error: any; ms: number };

/** Starts `work` now and returns a promise of its outcome that never rejects. */
export function settle<T>(work: () => Promise<T>): Promise<Settled<T>> {
    const started = Date.now();
    try {
        return work().then(
            (value) => ({ ok: true as const, value, ms: Date.now() - started }),
            (error) => ({ ok: false as const, error, ms: Date.now() - started }));
    } catch (error) {
        return Promise.resolve({ ok: false as const, error, ms: 0 });
    }
}

/** True when `SOAK` asks for the long runs. */
export const SOAK = process.env.SOAK !== undefined && process.env.SOAK !== "" && process.env.SOAK !== "0";
