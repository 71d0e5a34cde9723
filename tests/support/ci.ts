/**
 * Whether the tests run in CI, where a missing tool fails a test instead of skipping it. CI systems set `CI`
 * (to `true`, `1`, or a name); `false` and `0` mean not CI.
 *
 * @example
 * if (!inCi()) this.skip();
 */
export function inCi(): boolean {
    const value = (process.env.CI ?? "").trim().toLowerCase();
    return value !== "" && value !== "false" && value !== "0";
}
