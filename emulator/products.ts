/**
 * The registry of products: every product the emulator serves, built for one emulator, the CDN first (it answers
 * requests that name no known service). The core knows none of them; this file hands them to it as services.
 */
import { CORE_ERROR_CODES } from "./errors";
import { Service } from "./services";
import { CDN_ERROR_CODES } from "./cdn/errors";
import { CdnOptions, CdnProduct, cdnProduct } from "./cdn/product";
import { EdgeOneOptions, EdgeOneProduct, edgeOneProduct } from "./edgeone/product";

/** Every product's settings; all optional. */
export interface ProductOptions extends CdnOptions, Pick<EdgeOneOptions, "teoQuota" | "teoPrefetchCompleteAfterMs" | "teoInvalidPattern"> {}

/** One emulator's products, by name and as the list of services the core serves. */
export interface Products {
    readonly cdn: CdnProduct;
    readonly edgeone: EdgeOneProduct;
    readonly services: readonly Service[];
}

/**
 * Builds every product for one emulator.
 *
 * @example
 * const products = createProducts({ completeAfterMs: 500 });
 * await startServer({}, products.services);
 */
export function createProducts(options: ProductOptions): Products {
    const now = options.now ?? Date.now;
    const cdn = cdnProduct({ ...options, now });
    // EdgeOne's jobs finish, disappear and lag as the CDN's tasks do: one setting of the emulator for both.
    const edgeone = edgeOneProduct({
        completeAfterMs: options.completeAfterMs ?? 2000, failPattern: options.failPattern ?? "/fail", now,
        retention: () => cdn.store.retention, visibleAfter: () => cdn.store.visibleAfter, teoQuota: options.teoQuota,
        teoPrefetchCompleteAfterMs: options.teoPrefetchCompleteAfterMs, teoInvalidPattern: options.teoInvalidPattern,
    });
    return { cdn, edgeone, services: [cdn, edgeone] };
}

/**
 * Codes the emulator answers itself: the core's and each product's (faults may answer any other code too).
 *
 * @example
 * assert.strictEqual(err.code, ERROR_CODES.signatureExpire); // "AuthFailure.SignatureExpire"
 */
export const ERROR_CODES = { ...CORE_ERROR_CODES, ...CDN_ERROR_CODES } as const;
