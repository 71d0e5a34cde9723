/**
 * The request ids every reading function returns, so users can quote them to Tencent Cloud support.
 */
import { Properties } from "./property";

/**
 * `requestId` (the first request's) and `requestIds` (every page's).
 *
 * @example
 * outputs: { tasks: ..., ...REQUEST_IDS }
 */
export const REQUEST_IDS = {
    requestId: { type: "string", required: true,
        description: "The RequestId of the first request, to quote to Tencent Cloud support.", example: "5e1a-..." },
    requestIds: { type: "array", items: { type: "string", description: "A RequestId.", example: "5e1a-..." }, required: true,
        description: "The RequestId of every page read.", example: "[\"5e1a-...\"]" },
} as const satisfies Properties;
