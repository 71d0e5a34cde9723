/**
 * Fault injection: rules that make matching API requests fail the ways a real network and service can.
 * Each rule applies to the next `times` requests (all actions, or one `action`), first added first used.
 */

/** The failure a rule produces. */
export type FaultKind =
    | "throttle"    // API error UnauthorizedOperation.OperationTooOften (RequestLimitExceeded for other actions)
    | "apiError"    // API error with `code` and `message`
    | "http"        // HTTP `status` (default 502) with an HTML body
    | "slow"        // wait `delayMs` (default 1000), then answer normally
    | "late"        // carry the request out at once, but answer only after `delayMs` (default 1000): past a client's timeout
    | "hang"        // never answer and never act (a request lost on its way), until the client gives up
    | "reset"       // destroy the connection without answering
    | "badJson"     // HTTP 200 whose body is not JSON
    | "emptyJson"   // HTTP 200 `{}`
    | "nullFields"  // HTTP 200 with every field of the answer (and of each record of its lists) null
    | "nullList";   // HTTP 200 with the answer's lists (e.g. PurgeLogs) and counts null

/**
 * Every fault kind, for validation and iteration.
 *
 * @example
 * FAULT_KINDS.includes("reset"); // true
 */
export const FAULT_KINDS: readonly FaultKind[] =
    ["throttle", "apiError", "http", "slow", "late", "hang", "reset", "badJson", "emptyJson", "nullFields", "nullList"];

/** One fault rule. `times` defaults to 1; `"always"` never wears out. */
export interface FaultRule {
    readonly kind: FaultKind;
    readonly action?: string;
    readonly times?: number | "always";
    /** For `apiError` (default `InternalError`). */
    readonly code?: string;
    readonly message?: string;
    /** For `http` (default 502). */
    readonly status?: number;
    /** For `slow` and `late` (default 1000). */
    readonly delayMs?: number;
}

interface ActiveRule {
    readonly rule: FaultRule;
    remaining: number;
}

/**
 * Checks a value received over the control API and returns it as a rule, or throws a TypeError.
 *
 * @example
 * parseFaultRule({ kind: "http", status: 503 });
 */
export function parseFaultRule(value: unknown): FaultRule {
    const r = value as Record<string, unknown> | null;
    if (typeof r !== "object" || r === null || !FAULT_KINDS.includes(r.kind as FaultKind)) {
        throw new TypeError(`a fault rule needs kind, one of ${FAULT_KINDS.join(", ")}`);
    }
    const optional = (name: string, type: string): void => {
        if (r[name] !== undefined && typeof r[name] !== type) {
            throw new TypeError(`fault rule field ${name} must be a ${type}`);
        }
    };
    ["action", "code", "message"].forEach((f) => optional(f, "string"));
    ["status", "delayMs"].forEach((f) => optional(f, "number"));
    if (r.times !== undefined && r.times !== "always" && !(typeof r.times === "number" && r.times >= 1)) {
        throw new TypeError("fault rule field times must be a number >= 1 or \"always\"");
    }
    return r as unknown as FaultRule;
}

/**
 * The list of pending fault rules.
 *
 * @example
 * emulator.faults.add({ action: "DescribePurgeTasks", kind: "http", status: 502, times: 2 });
 * emulator.faults.add({ kind: "apiError", code: "InternalError.CdnDbError" });
 */
export class FaultInjector {
    private readonly rules: ActiveRule[] = [];

    /** Adds one rule or several, in order. */
    add(rules: FaultRule | readonly FaultRule[]): void {
        for (const rule of Array.isArray(rules) ? rules : [rules as FaultRule]) {
            const remaining = rule.times === "always" ? Infinity : rule.times ?? 1;
            this.rules.push({ rule: { ...rule }, remaining });
        }
    }

    /** Consumes and returns the first rule matching the action, if any. */
    take(action: string): FaultRule | undefined {
        const index = this.rules.findIndex((r) => r.rule.action === undefined || r.rule.action === action);
        if (index < 0) {
            return undefined;
        }
        const active = this.rules[index];
        active.remaining -= 1;
        if (active.remaining <= 0) {
            this.rules.splice(index, 1);
        }
        return active.rule;
    }

    /** The rules still pending, with how many uses remain. */
    pending(): Array<FaultRule & { remaining: number | "always" }> {
        return this.rules.map((r) => ({ ...r.rule, remaining: r.remaining === Infinity ? "always" : r.remaining }));
    }

    /** Drops every pending rule. */
    clear(): void {
        this.rules.length = 0;
    }
}
