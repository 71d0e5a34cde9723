/**
 * The release bundle's stand-in for `@pulumi/pulumi/runtime/rpc`, of which the plugin uses only the two
 * constants that mark a secret on the wire. The real module loads Pulumi's whole program runtime (resources,
 * outputs, settings, the resource-monitor stubs), which would double the bundle and its start time. They are
 * part of the wire protocol, so they do not change between versions; `tests/integration/pluginBundle.spec.ts` checks
 * them against the real module.
 */

/** The key whose value says what kind of special value an object is. */
export const specialSigKey = "4dabf18193072939515e22adb298388d";
/** The value of {@link specialSigKey} that marks a secret. */
export const specialSecretSig = "1b47061264138c4ac30d75fd1eb44270";
