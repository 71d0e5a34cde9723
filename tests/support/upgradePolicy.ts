/**
 * CHANGELOG.md's version policy, as a check on what `pulumi preview --json` plans for a stack recorded with an
 * earlier release: no resource of the stack is replaced or deleted; one that was finished stays as it is, except
 * for what carries the package's version (the provider stored with each TypeScript resource, the plugin's version
 * on the stack's provider); one whose last operation did not finish (a gate that timed out) may be updated, to
 * finish it; a resource the stack never got (the program's work left after a timeout) may be created.
 */

/** A resource of an exported state, as far as the upgrade tests read it. */
export interface StateResource {
    readonly urn: string;
    readonly type: string;
    readonly outputs?: Record<string, unknown>;
    /** Set when the resource's last create or update failed after it existed (a timed-out wait). */
    readonly initErrors?: readonly string[];
}

/** One step of `pulumi preview --json`: the resource's inputs as stored and as the new code would store them. */
export interface PreviewStep {
    readonly op: string;
    readonly urn: string;
    readonly oldState?: { readonly inputs?: Record<string, unknown> };
    readonly newState?: { readonly inputs?: Record<string, unknown> };
}

/** What an upgrade may change on a finished resource: only what names the package's version. */
function versionOnly(type: string): readonly string[] {
    return type.startsWith("pulumi:providers:") ? ["version", "pluginDownloadURL"] : ["__provider"];
}

/** How `pulumi preview --json` writes a value it cannot know yet (an output of a resource being updated). */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * The inputs a step changes or drops. Neither an input the stored state lacks (a later release may add an optional
 * one) nor one that preview cannot know yet (it comes from a resource updated before) is among them: the `up`
 * that follows shows what they do.
 */
function changedInputs(step: PreviewStep): string[] {
    const olds = step.oldState?.inputs ?? {};
    const news = step.newState?.inputs ?? {};
    return Object.keys(olds).filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]) && !JSON.stringify(news[k] ?? null).includes(UNKNOWN));
}

/**
 * Every step the policy forbids, explained; empty when the preview keeps to it.
 *
 * @example
 * assert.deepStrictEqual(policyViolations(JSON.parse(previewJson).steps, exported.deployment.resources), []);
 */
export function policyViolations(steps: readonly PreviewStep[], recorded: readonly StateResource[]): string[] {
    const byUrn = new Map(recorded.map((r) => [r.urn, r]));
    return steps.flatMap((step): string[] => {
        const old = byUrn.get(step.urn);
        if (!old) {
            return step.op === "create" ? [] : [`${step.op} of ${step.urn}, which the recorded state does not hold`];
        }
        if (step.op === "same" || (step.op === "update" && (old.initErrors ?? []).length > 0)) {
            return [];
        }
        if (step.op !== "update") {
            return [`${step.op} of ${step.urn}`];
        }
        const changed = changedInputs(step);
        const others = changed.filter((k) => !versionOnly(old.type).includes(k));
        return changed.length === 0 || others.length > 0
            ? [`update of ${step.urn} ${changed.length === 0 ? "with no input changed" : `changing ${others.join(", ")}`}`] : [];
    });
}
