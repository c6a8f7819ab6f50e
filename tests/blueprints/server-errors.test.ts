import { describe, expect, it } from "vitest";
import { applyDocumentErrors } from "@/components/blueprints/form/server-errors";
import { ApiError } from "@/lib/http/client";

describe("server field errors on the blueprint form", () => {
  it("puts top-level and nested paths on the form, drops unknown fields, returns the message", () => {
    const calls: [string, string | undefined][] = [];
    const setError = (name: string, error: { message?: string }) => {
      calls.push([name, error.message]);
    };
    const err = new ApiError(400, "invalid_input", "title: Required", {
      title: ["Required"],
      "tags.1": ["Enter text"],
      "values.summary.fr": ["Too long"],
      bogus: ["Not a field of this blueprint"],
    });
    const message = applyDocumentErrors(err, setError, new Set(["title", "tags", "summary"]));
    expect(message).toBe("title: Required");
    expect(calls).toEqual([
      ["title", "Required"],
      ["tags.1", "Enter text"],
      ["summary.fr", "Too long"],
    ]);
  });

  it("answers a generic message for anything but an API error", () => {
    expect(applyDocumentErrors(new Error("socket hang up"), () => undefined, new Set())).toBe("Something went wrong. Try again.");
  });
});
