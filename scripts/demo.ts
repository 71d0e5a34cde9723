/**
 * The demo: with no cloud account, start the emulator, `pulumi up` the gate example against it on a local
 * backend, show the gate waiting and passing, print the purge tasks read back, and clean up.
 *
 *   npm run demo              against the emulator
 *   npm run demo -- --real    against the real API (needs TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY and
 *                             DEMO_URLS, a comma-separated list of URLs of your own CDN domain)
 */
import { EMULATOR_CREDENTIALS, startEmulator } from "../emulator";
import { gateProgram, DEFAULT_URLS } from "../examples/gate/program";
import { LocalStack } from "./localStack";

const real = process.argv.includes("--real");

async function main(): Promise<void> {
    if (real && !(process.env.TENCENTCLOUD_SECRET_ID && process.env.TENCENTCLOUD_SECRET_KEY && process.env.DEMO_URLS)) {
        throw new Error("--real needs TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and DEMO_URLS (URLs on your own CDN domain)");
    }
    const completeAfterMs = 8000;
    const emulator = real ? undefined : await startEmulator({ completeAfterMs });
    const urls = real ? process.env.DEMO_URLS!.split(",").map((u) => u.trim()) : DEFAULT_URLS;
    console.log(real ? "Using the real Tencent Cloud CDN API." :
        `Emulator listening on ${emulator!.url}; purges finish ${completeAfterMs / 1000} s after they are submitted.`);
    const envVars: Record<string, string> = emulator ? {
        TENCENTCLOUD_SECRET_ID: EMULATOR_CREDENTIALS.secretId,
        TENCENTCLOUD_SECRET_KEY: EMULATOR_CREDENTIALS.secretKey,
        TENCENTCLOUD_CDN_ENDPOINT: emulator.url,
    } : {};
    Object.assign(process.env, envVars); // getPurgeTasksOutput runs in this process
    const stack = await LocalStack.create({ projectName: "purge-demo", stackName: "demo", program: gateProgram, envVars,
        onLine: (line) => console.log(`  | ${line}`) });
    try {
        await stack.stack.setConfig("purge-demo:urls", { value: JSON.stringify(urls) });
        console.log("\n$ pulumi up   (the gate holds `release` back until the purge is done)\n");
        const up = await stack.up();
        const outputs = up.result.outputs;
        console.log("\nPurge tasks read back with getPurgeTasksOutput:");
        console.table((outputs.purgeLogs?.value ?? []).map((t: Record<string, unknown>) =>
            ({ taskId: t.taskId, url: t.url, status: t.status, createTime: t.createTime })));
        console.log(`gate saw the purge done at  ${outputs.purgeDoneSeenAt?.value}`);
        console.log(`release was created at      ${outputs.releaseCreatedAt?.value}`);
        console.log("\n$ pulumi destroy\n");
        await stack.destroy();
    } finally {
        await stack.cleanup();
        await emulator?.close();
    }
}

main().catch((e) => {
    console.error(`demo failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
});
