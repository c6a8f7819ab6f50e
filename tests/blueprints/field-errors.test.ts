import { describe, expect, it } from "vitest";
import { allMessages, ownMessage, subError } from "@/components/blueprints/form/field-errors";

describe("reading a field's error tree", () => {
  it("has no message for a field without an error", () => {
    expect(allMessages(undefined)).toEqual([]);
    expect(allMessages(null)).toEqual([]);
    expect(allMessages("not a tree")).toEqual([]);
  });

  it("lists the own message first, then nested ones in order, skipping react-hook-form's bookkeeping keys", () => {
    const error = {
      message: "Fix the list",
      type: "custom",
      ref: { message: "not a message of this field" },
      0: { message: "Enter text", type: "too_small" },
      2: { lat: { message: "Between -90 and 90" }, lon: { message: "Enter a number" } },
    };
    expect(allMessages(error)).toEqual(["Fix the list", "Enter text", "Between -90 and 90", "Enter a number"]);
    expect(ownMessage(error)).toBe("Fix the list");
    expect(allMessages(subError(error, 2))).toEqual(["Between -90 and 90", "Enter a number"]);
    expect(subError(error, 1)).toBeUndefined();
  });

  it("reads a message once even when the tree points back at itself", () => {
    const error: Record<string, unknown> = { message: "Required" };
    error.fr = error;
    expect(allMessages(error)).toEqual(["Required"]);
  });
});
