/**
 * The addresses the package calls: the CDN API, STS (for role assumption) and the CVM metadata service (for an
 * instance role). A full URL setting wins (`endpoint`, `stsEndpoint`, `metadataEndpoint`); otherwise the
 * service's host is built as the official provider builds it, `<service>.<domain>` over `protocol`, so
 * `domain: intl.tencentcloudapi.com` reaches the international site.
 */
import { DEFAULT_METADATA_ENDPOINT } from "./credentials/cvmRole";
import { Found, lookup, SettingInputs, text } from "./credentials/settingLookup";
import { SETTINGS } from "./credentials/settingNames";

/** `http://` or `https://` and a host with an optional port. */
export interface Endpoint {
    readonly protocol: string;
    readonly host: string;
}

/** Every address, resolved. */
export interface Endpoints {
    readonly cdn: Endpoint;
    readonly sts: Endpoint;
    /** A full URL without a trailing slash. */
    readonly metadata: string;
}

export const DEFAULT_DOMAIN = "tencentcloudapi.com";
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
 * resolveEndpoints({ explicit: {}, env: { TENCENTCLOUD_DOMAIN: "intl.tencentcloudapi.com" } }).cdn.host; // "cdn.intl.tencentcloudapi.com"
 */
export function resolveEndpoints(inputs: SettingInputs): Endpoints {
    const protocol = protocolOf(lookup(SETTINGS.protocol, inputs));
    const domain = domainOf(lookup(SETTINGS.domain, inputs));
    const service = (name: "endpoint" | "stsEndpoint", label: string): Endpoint => {
        const found = lookup(SETTINGS[name], inputs);
        return found === undefined ? { protocol, host: `${label}.${domain}` } : parseEndpoint(text(found)!, found.where);
    };
    const metadata = lookup(SETTINGS.metadataEndpoint, inputs);
    const m = metadata === undefined ? undefined : parseEndpoint(text(metadata)!, metadata.where);
    return { cdn: service("endpoint", "cdn"), sts: service("stsEndpoint", "sts"), metadata: m ? `${m.protocol}${m.host}` : DEFAULT_METADATA_ENDPOINT };
}

/**
 * Splits an endpoint into the protocol and host the SDK wants.
 *
 * @example
 * parseEndpoint("http://127.0.0.1:9000"); // { protocol: "http://", host: "127.0.0.1:9000" }
 */
export function parseEndpoint(endpoint: string, place = "endpoint (TENCENTCLOUD_CDN_ENDPOINT)"): { protocol: string; host: string } {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
    let url: URL;
    try {
        url = new URL(withScheme);
    } catch {
        throw new Error(`${place} must be a URL such as ${DEFAULT_ENDPOINT} or ` +
            `http://127.0.0.1:9000, got "${endpoint}"`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new Error(`${place} must use http or https, got "${url.protocol}"`);
    }
    if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.username || url.password) {
        throw new Error(`${place} must be a bare origin such as http://127.0.0.1:9000, ` +
            `without path, query or user info`);
    }
    return { protocol: `${url.protocol}//`, host: url.host };
}
