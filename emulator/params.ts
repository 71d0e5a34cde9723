/**
 * Small readers for request parameters: each returns the typed value or throws the parameter error of the service
 * that reads it (each API has its own code for a bad parameter).
 */
import { ApiError } from "./errors";

/** A request body after JSON parsing. */
export type Params = Readonly<Record<string, unknown>>;

/** The readers {@link paramReaders} makes, each throwing the service's own parameter error. */
export interface ParamReaders {
    /** An optional string: `optionalString({ TaskId: "1" }, "TaskId")` is `"1"`. */
    optionalString(params: Params, name: string): string | undefined;
    /** An optional string that must be one of `allowed`. */
    optionalEnum<T extends string>(params: Params, name: string, allowed: readonly T[]): T | undefined;
    /** An optional integer within [min, max]. */
    optionalInteger(params: Params, name: string, min: number, max: number): number | undefined;
    /** An optional boolean. */
    optionalBoolean(params: Params, name: string): boolean | undefined;
}

/**
 * Parameter readers that throw `invalid(message)` for a value of the wrong type or out of range.
 *
 * @example
 * const { optionalInteger } = paramReaders((m) => new ApiError("InvalidParameter", m));
 * optionalInteger({ Limit: 50 }, "Limit", 1, 1000); // 50
 */
export function paramReaders(invalid: (message: string) => ApiError): ParamReaders {
    const present = (params: Params, name: string): unknown => params[name] ?? undefined;
    const optionalString = (params: Params, name: string): string | undefined => {
        const v = present(params, name);
        if (v !== undefined && typeof v !== "string") {
            throw invalid(`${name} must be a string.`);
        }
        return v;
    };
    return {
        optionalString,
        optionalEnum<T extends string>(params: Params, name: string, allowed: readonly T[]): T | undefined {
            const v = optionalString(params, name);
            if (v !== undefined && !(allowed as readonly string[]).includes(v)) {
                throw invalid(`${name} must be one of ${allowed.join(", ")}.`);
            }
            return v as T | undefined;
        },
        optionalInteger(params: Params, name: string, min: number, max: number): number | undefined {
            const v = present(params, name);
            if (v !== undefined && (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)) {
                throw invalid(`${name} must be an integer from ${min} to ${max}.`);
            }
            return v as number | undefined;
        },
        optionalBoolean(params: Params, name: string): boolean | undefined {
            const v = present(params, name);
            if (v !== undefined && typeof v !== "boolean") {
                throw invalid(`${name} must be a boolean.`);
            }
            return v as boolean | undefined;
        },
    };
}
