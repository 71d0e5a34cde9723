/**
 * An error the control API answers with an HTTP status (400 for a bad body, 404 for an unknown route or task).
 *
 * @example
 * throw new ControlError(404, `no task ${taskId}`);
 */
export class ControlError extends Error {
    constructor(readonly status: number, message: string) {
        super(message);
    }
}
