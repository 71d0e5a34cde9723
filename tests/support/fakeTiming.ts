/** A fake clock whose sleep advances time at once, recording every sleep. */
export class FakeTiming {
    nowMs = 1_700_000_000_000;
    readonly sleeps: number[] = [];
    now = (): number => this.nowMs;
    sleep = async (ms: number): Promise<void> => {
        this.sleeps.push(ms);
        this.nowMs += ms;
    };
}
