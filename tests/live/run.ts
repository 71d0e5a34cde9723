/**
 * `npm run test:live`: the gate scenarios against a real Tencent Cloud account, before a release. It does nothing
 * and exits 0, saying why, unless the maintainer opts in (liveSettings.ts names the variables); then liveRun.ts
 * runs, loaded only then. Exit code: 0 all passed (or not opted in), 1 a scenario failed, 2 refused (a setting
 * that cannot be used, or more quota than the stated share).
 *
 * @example
 * TENCENTCLOUD_PURGE_LIVE=1 TENCENTCLOUD_PURGE_LIVE_DOMAIN=www.example.com npm run test:live
 */
import { LiveChoice, readLiveSettings } from "./liveSettings";

const say = (line: string) => process.stdout.write(`${line}\n`);

let choice: LiveChoice;
try {
    choice = readLiveSettings(process.env);
} catch (e) {
    say(`live acceptance tests refused, no request sent: ${(e as Error).message}`);
    process.exit(2);
}
if (!choice.optedIn) {
    say(`live acceptance tests: nothing done, no request sent: ${choice.why}`);
} else {
    const settings = choice;
    // Loaded only for a run: the package, the SDK and the emulator take seconds to load.
    import("./liveRun").then(({ runLive }) => runLive(settings)).then((code) => process.exit(code), (e) => {
        say(`live acceptance tests stopped: ${(e as Error).message}`);
        process.exit(1);
    });
}
