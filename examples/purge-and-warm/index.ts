/**
 * Purge a site's assets, warm the cache with them again, then release: on Tencent Cloud CDN or on EdgeOne, as the
 * stack config `product` says (`cdn`, the default, or `edgeone`). README.md has the steps and every setting.
 */
import * as pulumi from "@pulumi/pulumi";
import { cdnPurgeAndWarm } from "./cdn";
import { edgeOnePurgeAndWarm } from "./edgeone";
import { siteFromConfig } from "./site";

const config = new pulumi.Config();
// Any other value stops the program before anything is planned, naming the key and the values it takes.
const product = config.get("product", { allowedValues: ["cdn", "edgeone"] }) ?? "cdn";
const site = siteFromConfig(config);

export = product === "edgeone" ? edgeOnePurgeAndWarm(site) : cdnPurgeAndWarm(site);
