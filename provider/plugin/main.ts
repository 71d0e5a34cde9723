/**
 * The provider plugin's process: serves the provider protocol on a free local port and prints the port on
 * standard output, which is how the engine learns where to connect. The engine's address (its first argument)
 * is where progress goes (see `engine/engineLog.ts`).
 */
import { setMaxListeners } from "events";
import { hostCancelSignal } from "../engine/cancellation";
import { grpc, providerRpc } from "../engine/grpcModules";
import { providerService } from "./providerService";

/** grpc's default 4 MB is too small for big property bags (a long URL list and its records). */
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

/**
 * Starts the server; resolves with the port.
 *
 * @example
 * const port = await serve(); // the engine reads it from stdout
 */
export async function serve(): Promise<number> {
    // Every running wait listens to the one cancel signal; fifty gated purges must not trip Node's leak warning.
    setMaxListeners(0, hostCancelSignal());
    const server = new grpc.Server({ "grpc.max_receive_message_length": MAX_MESSAGE_BYTES, "grpc.max_send_message_length": MAX_MESSAGE_BYTES });
    server.addService(providerRpc.ResourceProviderService, providerService());
    return new Promise((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(),
        (err, port) => (err ? reject(err) : resolve(port))));
}

/**
 * Runs the plugin as the engine expects: serve, then print the port and nothing else on standard output.
 *
 * @example
 * require("pulumi-tencentcloud-purge/bin/provider/plugin/main").main();
 */
export function main(): void {
    serve().then((port) => process.stdout.write(`${port}\n`), (e) => {
        process.stderr.write(`pulumi-resource-tencentcloud-purge: cannot serve: ${(e as Error).message}\n`);
        process.exit(1);
    });
}

if (require.main === module) {
    main();
}
