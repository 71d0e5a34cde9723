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

/**
 * A loopback port with no listener: connecting is refused. A port below 1024, so that no server of the run can be
 * given it by `listen(0)` meanwhile (a port freed a moment ago can be, and then answers something else), checked to
 * refuse before it is used.
 */
export async function closedPort(): Promise<number> {
    for (const port of [1, 7, 9, 11, 13, 17, 19, 37]) {
        if (await refuses(port)) {
            return port;
        }
    }
    throw new Error("every port tried on 127.0.0.1 below 1024 has a listener; the refused-connection cases need one that has none");
}

/** True when a connection to the loopback `port` is refused. */
function refuses(port: number): Promise<boolean> {
    return new Promise((resolve) => {
        const socket = net.connect(port, "127.0.0.1");
        socket.once("connect", () => {
            socket.destroy();
            resolve(false);
        });
        socket.once("error", (e: NodeJS.ErrnoException) => resolve(e.code === "ECONNREFUSED"));
    });
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
