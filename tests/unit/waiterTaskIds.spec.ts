import * as assert from "assert";
import { PURGE_TASK_WAITER } from "../../provider/cdn/description";
import { UNKNOWN, validateInputs } from "../../provider/description";
import { InvalidArgumentError } from "../../provider/description/validation";
import { cdnWaiterProduct } from "../../provider/cdn/waiterProvider";

const refuses = (inputs: Record<string, unknown>, argument: string, pattern: RegExp) => () =>
    assert.throws(() => validateInputs(PURGE_TASK_WAITER, inputs), (e: unknown) =>
        e instanceof InvalidArgumentError && e.argument === argument && pattern.test(e.message));

describe("PurgeTaskWaiter's taskIds", () => {
    it("takes a list of task ids as the target", () => {
        assert.deepStrictEqual(cdnWaiterProduct.target(validateInputs(PURGE_TASK_WAITER, { taskIds: ["1533", "1534", "1535"] })).taskIds, ["1533", "1534", "1535"]);
    });
    it("refuses taskId and taskIds together, naming taskIds", refuses({ taskId: "1533", taskIds: ["1534"] }, "taskIds", /taskId or taskIds, not both/));
    it("refuses an empty list, naming taskIds and the size it takes", refuses({ taskIds: [] }, "taskIds", /1 to 1000/));
    it("refuses an id listed twice, naming the item", refuses({ taskIds: ["1533", "1533"] }, "taskIds[1]", /listed twice/));
    it("refuses taskIds with a filter, naming the filter's input", refuses({ taskIds: ["1533"], keyword: "www.example.com" }, "keyword", /taskIds or a filter/));
    it("refuses a waiter with neither ids nor a filter, saying what it takes", refuses({}, "taskId", /taskId, taskIds, or a filter/));
    it("lets a list not known yet (preview) pass", () => {
        assert.doesNotThrow(() => validateInputs(PURGE_TASK_WAITER, { taskIds: UNKNOWN }));
    });
});
