/**
 * The addresses the package calls: the CDN API, the EdgeOne API, STS (for role assumption) and the CVM metadata service (for an
 * instance role). A full URL setting wins (`endpoint`, `teoEndpoint`, `stsEndpoint`, `metadataEndpoint`); otherwise the
 * service's host is built as the official provider builds it, `<service>.<domain>` over `protocol`, so
 * `domain: intl.tencentcloudapi.com` reaches the international site.
 */
import { DEFAULT_METADATA_ENDPOINT } from "./credentials/cvmRole";
import { Found, lookup, SettingInputs, text } from "./credentials/settingLookup";

/** `http://` or `https://` and a host with an optional port. */
export interface Endpoint {
    readonly protocol: string;
    readonly host: string;
}

/** Every address, resolved. */
export interface Endpoints {
    /** With where it was set, for messages: a setting's place, or `the default endpoint`. */
    readonly cdn: Endpoint & { readonly where: string };
    /** EdgeOne (`teo`), with where it was set. */
    readonly teo: Endpoint & { readonly where: string };
    readonly sts: Endpoint;
    /** A full URL without a trailing slash. */
    readonly metadata: string;
}

/** The root domain of Tencent Cloud's API (the international site's is `intl.tencentcloudapi.com`). */
const DEFAULT_DOMAIN = "tencentcloudapi.com";
/** The CDN API when neither `endpoint` nor `domain`/`protocol` is set. */
export const DEFAULT_ENDPOINT = "https://cdn.tencentcloudapi.com";

function protocolOf(found: Found | undefined): string {
    const value = text(found);
    if (value === undefined) {
        return "https://";
    }
    if (!/^https?$/i.test(value)) {
        throw new Error(`${found!.where} must be HTTP or HTTPS, got "${value}"`);
    }
    return `${value.toLowerCase()}://`;
}

function domainOf(found: Found | undefined): string {
    const value = text(found);
    if (value === undefined) {
        return DEFAULT_DOMAIN;
    }
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(value)) {
        throw new Error(`${found!.where} must be a root domain such as ${DEFAULT_DOMAIN} or intl.${DEFAULT_DOMAIN}, got "${value}"`);
    }
    return value;
}

/**
 * The addresses from the settings.
 *
 * @example
 * resolveEndpoints({ sources: connectionSources({ domain: "intl.tencentcloudapi.com" }, undefined, {}), env: {} }).cdn.host; // "cdn.intl.tencentcloudapi.com"
 */
export function resolveEndpoints(inputs: SettingInputs): Endpoints {
    const protocolFound = lookup("protocol", inputs.sources);
    const domainFound = lookup("domain", inputs.sources);
    const protocol = protocolOf(protocolFound);
    const domain = domainOf(domainFound);
    const service = (name: "endpoint" | "teoEndpoint" | "stsEndpoint", label: string): Endpoint & { where: string } => {
        const found = lookup(name, inputs.sources);
        if (found !== undefined) {
            return { ...parseEndpoint(text(found)!, found.where), where: found.where };
        }
        const from = [domainFound, protocolFound].filter((f) => f !== undefined).map((f) => f!.where);
        return { protocol, host: `${label}.${domain}`, where: from.length > 0 ? `${from.join(" and ")}` : "the default endpoint" };
    };
    const metadata = lookup("metadataEndpoint", inputs.sources);
    const m = metadata === undefined ? undefined : parseEndpoint(text(metadata)!, metadata.where);
    return { cdn: service("endpoint", "cdn"), teo: service("teoEndpoint", "teo"), sts: service("stsEndpoint", "sts"), metadata: m ? `${m.protocol}${m.host}` : DEFAULT_METADATA_ENDPOINT };
}

/**
 * Splits an endpoint into the protocol and host the SDK wants. The rule: a full `http://` or `https://` origin;
 * or a bare host name, taken as https (the form Tencent Cloud's own SDKs use). A host with a port but no scheme
 * is refused rather than guessed: a port usually means a local server such as the emulator, which speaks plain
 * HTTP. `place` names where the value came from, for the error.
 *
 * @example
 * parseEndpoint("http://127.0.0.1:9000"); // { protocol: "http://", host: "127.0.0.1:9000" }
 * parseEndpoint("cdn.intl.tencentcloudapi.com"); // { protocol: "https://", host: "cdn.intl.tencentcloudapi.com" }
 */
export function parseEndpoint(endpoint: string, place = "endpoint"): { protocol: string; host: string } {
    const forms = `a full URL such as ${DEFAULT_ENDPOINT} or http://127.0.0.1:9000 (a bare host name means https)`;
    const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint);
    // Errors repeat the value without any user info: `user:password@host` must not put a password in a message.
    const shown = endpoint.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/@]*@/i, "$1");
    if (!hasScheme && endpoint.includes(":")) {
        throw new Error(endpoint.includes("@")
            ? `${place} must be a bare origin such as http://127.0.0.1:9000, without user info`
            : `${place} must start with http:// or https:// when it names a port: write http://${shown} ` +
                `for a plain-HTTP server such as the emulator, or https://${shown}; got "${shown}"`);
    }
    let url: URL;
    try {
        url = new URL(hasScheme ? endpoint : `https://${endpoint}`);
    } catch {
        throw new Error(`${place} must be ${forms}, got "${shown}"`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new Error(`${place} must use http:// or https://, got "${url.protocol}//" (${forms})`);
    }
    if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.username || url.password) {
        throw new Error(`${place} must be a bare origin such as http://127.0.0.1:9000, without path, query or user info`);
    }
    return { protocol: `${url.protocol}//`, host: url.host };
}
