/**
 * Secret values on the wire. The engine marks a secret as an object holding Pulumi's secret signature and the
 * value; the core works on plain values, so the plugin takes the marks off going in and puts them back on the
 * same top-level properties coming out (a property made from a secret stays secret).
 */
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";

type Props = Record<string, unknown>;

function isSecret(v: unknown): v is { value: unknown } {
    return typeof v === "object" && v !== null && (v as Props)[specialSigKey] === specialSecretSig;
}

function reveal(v: unknown): { value: unknown; secret: boolean } {
    if (isSecret(v)) {
        return { value: reveal(v.value).value, secret: true };
    }
    if (Array.isArray(v)) {
        const items = v.map(reveal);
        return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
    }
    if (typeof v === "object" && v !== null) {
        const entries = Object.entries(v).map(([k, x]) => [k, reveal(x)] as const);
        return { value: Object.fromEntries(entries.map(([k, r]) => [k, r.value])), secret: entries.some(([, r]) => r.secret) };
    }
    return { value: v, secret: false };
}

/** Properties without secret marks, and the names of those that held a secret anywhere inside. */
export interface Revealed {
    readonly plain: Props;
    readonly secretKeys: ReadonlySet<string>;
}

/**
 * Takes every secret mark off `props`.
 *
 * @example
 * revealSecrets({ urls: { [specialSigKey]: specialSecretSig, value: ["https://a/"] } }).secretKeys; // Set { "urls" }
 */
export function revealSecrets(props: Props): Revealed {
    const plain: Props = {};
    const secretKeys = new Set<string>();
    for (const [k, v] of Object.entries(props)) {
        const r = reveal(v);
        plain[k] = r.value;
        if (r.secret) {
            secretKeys.add(k);
        }
    }
    return { plain, secretKeys };
}

/**
 * Marks the properties named in `keys` secret.
 *
 * @example
 * markSecrets({ urls: ["https://a/"], status: "done" }, new Set(["urls"]));
 */
export function markSecrets(props: Props, keys: ReadonlySet<string>): Props {
    return Object.fromEntries(Object.entries(props).map(([k, v]) =>
        [k, keys.has(k) && v !== undefined && !isSecret(v) ? { [specialSigKey]: specialSecretSig, value: v } : v]));
}
