/**
 * One live scenario and its steps, as the gate and prefetch scenarios share them: what a scenario saw, creating a
 * resource as the engine does (`check`, then `create`), and timing each step.
 */

/** What one scenario saw. `shape` is compared with the emulator's; durations and ids are only reported. */
export interface ScenarioResult {
    readonly name: string;
    readonly passed: boolean;
    readonly error?: string;
    readonly shape: Record<string, unknown>;
    readonly durationsMs: Record<string, number>;
    readonly ids: Record<string, unknown>;
}

export type Props = Record<string, unknown>;
type Provider = { check(olds: Props, news: Props): Promise<{ inputs?: Props; failures?: unknown[] }>; create(inputs: Props): Promise<{ id: string; outs?: Props }> };

/**
 * Checks and creates as the engine does: `check` first, its inputs to `create`.
 *
 * @example
 * const outs = await create(providers.urlPurge, { urls, wait: false });
 */
export async function create(provider: Provider, news: Props): Promise<Props> {
    const checked = await provider.check({}, news);
    if (checked.failures && checked.failures.length > 0) throw new Error(`check refused the inputs: ${JSON.stringify(checked.failures)}`);
    return (await provider.create(checked.inputs ?? news)).outs ?? {};
}

/**
 * Runs `body`, timing each step it names, and turns a throw into a failed result.
 *
 * @example
 * await scenario("CDN push with a gate", async (step, r) => { r.shape.push = await step("submit", () => create(...)); });
 */
export async function scenario(name: string, body: (step: <T>(label: string, f: () => Promise<T>) => Promise<T>, r: ScenarioResult) => Promise<void>): Promise<ScenarioResult> {
    const result: ScenarioResult = { name, passed: false, shape: {}, durationsMs: {}, ids: {} };
    const step = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
        const start = Date.now();
        try {
            return await f();
        } finally {
            result.durationsMs[label] = Date.now() - start;
        }
    };
    try {
        await body(step, result);
        return { ...result, passed: true };
    } catch (e) {
        return { ...result, error: (e as Error).message };
    }
}

/**
 * Fails the scenario with `what` unless `condition` holds.
 *
 * @example
 * expect(gate.status === "done", `the gate ended ${String(gate.status)}, not done`);
 */
export function expect(condition: boolean, what: string): void {
    if (!condition) throw new Error(what);
}
