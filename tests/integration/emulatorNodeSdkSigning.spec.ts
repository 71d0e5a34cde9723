/**
 * The official Node.js SDK in every signing mode it offers (TC3-HMAC-SHA256 and the v1 HmacSHA1 / HmacSHA256)
 * over both request methods (POST and GET), each through the whole purge scenario. The v1 and GET suites fail
 * against an emulator that checks TC3 over POST only.
 */
import { emulatorClient } from "../../emulator/cdn/client";
import { EmulatorClientOptions } from "../../emulator/client";
import { CallAction, purgeScenario } from "../support/purgeScenario";

const nodeSdk = (options: EmulatorClientOptions): CallAction => async (emu, action, params, credential) => {
    try {
        const response = await emulatorClient(emu, { ...options, credential }).request(action, params);
        return { response };
    } catch (e) {
        return { code: (e as { code?: string }).code ?? `no code: ${String(e)}` };
    }
};

describe("emulator with the Node.js SDK in each signing mode", () => {
    for (const signMethod of ["TC3-HMAC-SHA256", "HmacSHA1", "HmacSHA256"] as const) {
        for (const reqMethod of ["POST", "GET"] as const) {
            purgeScenario(`${signMethod} over ${reqMethod}`, nodeSdk({ signMethod, reqMethod }));
        }
    }
});
