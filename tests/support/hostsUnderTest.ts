/**
 * The two hosts of the core, behind one face, so a behaviour that belongs to the core is tested once for both:
 * Pulumi's dynamic-provider host (TypeScript programs) and the provider plugin (every other language).
 * Both get their credentials only through Configure, as from stack config; their environment has none.
 */
import { hostedProvider } from "../../sdk/hostedProvider";
import { PluginHost, secret, urnOf } from "./pluginHost";
import { ProviderHost } from "./providerHost";

type Props = Record<string, unknown>;
export type Kind = "urlPurge" | "pathPurge" | "waiter" | "urlPush" | "pushWaiter";
export interface Connection {
    readonly secretId: string;
    readonly secretKey: string;
    readonly endpoint: string;
}

/** What a test does with a host, whichever it is. Errors carry `partial` for a partly created resource. */
export interface HostUnderTest {
    check(kind: Kind, news: Props): Promise<{ property: string; reason: string }[]>;
    diff(kind: Kind, id: string, olds: Props, news: Props): Promise<"none" | "some" | "unknown">;
    create(kind: Kind, props: Props): Promise<{ id: string; properties: Props }>;
    update(kind: Kind, id: string, olds: Props, news: Props): Promise<Props>;
    read(kind: Kind, id: string, props: Props): Promise<{ id: string; properties: Props }>;
    stop(): void;
}

/** Starts a host configured for `connection`. */
export interface HostFactory {
    readonly name: string;
    start(connection: Connection): Promise<HostUnderTest>;
}

/** Credentials only through configuration: a host's environment has none. */
export const NO_ENV_CREDENTIALS = { TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "", TENCENTCLOUD_CDN_ENDPOINT: "" };

export const dynamicProviderHost: HostFactory = {
    name: "the dynamic-provider host",
    async start(connection) {
        const host = await ProviderHost.start(NO_ENV_CREDENTIALS);
        const serialized: Partial<Record<Kind, string>> = {};
        for (const kind of ["urlPurge", "pathPurge", "waiter", "urlPush", "pushWaiter"] as const) {
            serialized[kind] = await ProviderHost.serialize(hostedProvider(kind));
        }
        await host.configure(Object.fromEntries(Object.entries(connection).map(([k, v]) => [`tencentcloud-purge:${k}`, v])));
        const withProvider = (kind: Kind, props: Props) => ({ __provider: serialized[kind], ...props });
        return {
            check: async (kind, news) => (await host.check({}, withProvider(kind, news))).failures,
            diff: (kind, id, olds, news) => host.diff(id, olds, withProvider(kind, news)),
            create: (kind, props) => host.create(withProvider(kind, props)),
            update: (kind, id, olds, news) => host.update(id, olds, withProvider(kind, news)),
            read: (kind, id, props) => host.read(id, withProvider(kind, props)),
            stop: () => host.stop(),
        };
    },
};

const TYPES: Record<Kind, string> = { urlPurge: "UrlPurge", pathPurge: "PathPurge", waiter: "PurgeTaskWaiter",
    urlPush: "UrlPush", pushWaiter: "PushTaskWaiter" };

export const providerPlugin: HostFactory = {
    name: "the provider plugin",
    async start(connection) {
        const host = await PluginHost.start(NO_ENV_CREDENTIALS);
        await host.configure({ ...connection, secretKey: secret(connection.secretKey) });
        const urn = (kind: Kind) => urnOf(TYPES[kind]);
        return {
            check: async (kind, news) => (await host.check(urn(kind), {}, news)).failures,
            diff: async (kind, id, olds, news) => (await host.diff(urn(kind), id, olds, news)).changes,
            create: (kind, props) => host.create(urn(kind), props),
            update: (kind, id, olds, news) => host.update(urn(kind), id, olds, news),
            read: (kind, id, props) => host.read(urn(kind), id, props),
            stop: () => host.stop(),
        };
    },
};

/** Both hosts, for `for (const factory of HOSTS) describe(...)`. */
export const HOSTS: readonly HostFactory[] = [dynamicProviderHost, providerPlugin];
