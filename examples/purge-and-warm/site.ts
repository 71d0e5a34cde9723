import * as pulumi from "@pulumi/pulumi";

/** What to purge, warm and release; from the stack config by {@link siteFromConfig}. */
export interface Site {
    /** The assets to purge and then prefetch (full URLs). */
    readonly assets: string[];
    /** The page that links them: purged last, as the release. */
    readonly page: string;
    /** The release's label: a new one purges, warms and releases again. */
    readonly version: string;
    /** How long the prefetch may take; the resources' default (1800 s) when unset. */
    readonly warmTimeoutSeconds?: number;
    /** The EdgeOne zone (EdgeOne only). */
    readonly zoneId: string;
}

/**
 * The site as the stack config describes it, with the defaults README.md lists.
 *
 * @example
 * const site = siteFromConfig(new pulumi.Config());   // `pulumi config set --path 'assets[0]' https://...`
 */
export function siteFromConfig(config: pulumi.Config): Site {
    return {
        assets: config.getObject<string[]>("assets") ?? ["https://www.example.com/app.js", "https://www.example.com/app.css"],
        page: config.get("page") ?? "https://www.example.com/index.html",
        version: config.get("version") ?? "v1",
        warmTimeoutSeconds: config.getNumber("warmTimeoutSeconds"),
        zoneId: config.get("zoneId") ?? "zone-2noz78a8ev6k",
    };
}
