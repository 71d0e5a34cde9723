/**
 * The official SDK's EdgeOne client, pointed at the emulator.
 */
import * as http from "http";
import { teo } from "tencentcloud-sdk-nodejs/tencentcloud/services/teo";
import { EmulatorAddress, EmulatorClientOptions } from "../client";

/** The official SDK's EdgeOne client type. */
export type TeoClient = InstanceType<typeof teo.v20220901.Client>;

/**
 * An official SDK EdgeOne (`teo`) client for the emulator, on the same address as the CDN one.
 *
 * @example
 * const { JobId } = await emulatorTeoClient(emu).CreatePurgeTask({ ZoneId: "zone-2noz78a8ev6k", Type: "purge_url",
 *     Targets: ["https://www.example.com/a.png"] });
 */
export function emulatorTeoClient(emu: EmulatorAddress, options: Pick<EmulatorClientOptions, "credential" | "reqTimeout"> = {}): TeoClient {
    const c = options.credential ?? emu.credentials[0];
    return new teo.v20220901.Client({
        credential: { secretId: c.secretId, secretKey: c.secretKey, token: c.token },
        region: "",
        profile: { httpProfile: { endpoint: emu.endpoint, protocol: "http://", reqTimeout: options.reqTimeout ?? 5, agent: new http.Agent() } },
    });
}
