import { describe, expect, it } from "vitest";
import { asDocumentView, displayValue } from "@/components/documents/display";
import { documentSchema } from "@/lib/documents/schema";

const field = { valueType: "string" as const, multilingual: false, options: [{ value: "new", label: "New" }] };

describe("document values as text", () => {
  it("shows option labels, lists, languages, points and booleans as plain text", () => {
    expect(displayValue(field, "new", ["en"])).toBe("New");
    expect(displayValue(field, ["new", "other"], ["en"])).toBe("New, other");
    expect(displayValue({ ...field, multilingual: true }, { fr: "Tour", en: "" }, ["en", "fr"])).toBe("Tour");
    expect(displayValue({ ...field, valueType: "geo" }, { lat: 1.5, lon: 2 }, ["en"])).toBe("1.5, 2");
    expect(displayValue({ ...field, valueType: "boolean" }, false, ["en"])).toBe("No");
    expect(displayValue({ ...field, valueType: "json" }, { a: 1 }, ["en"])).toBe('{"a":1}');
    expect(displayValue(field, "<script>alert(1)</script>", ["en"])).toBe("<script>alert(1)</script>");
    expect(displayValue(field, undefined, ["en"])).toBe("");
  });
});

describe("a document from a 409 answer, read without zod", () => {
  const doc = {
    id: "d1", portfolio: "sys", blueprint: "b", blueprintIrn: "irn:b", blueprintVersion: "0.0.1", path: "", revision: 2,
    createdAt: "2026-01-01T00:00:00Z", createdBy: "a", updatedAt: "2026-01-02T00:00:00Z", updatedBy: "b", values: { a: 1 },
  };

  it.each([
    ["a full document", doc],
    ["extra keys", { ...doc, distanceMeters: 3 }],
    ["no id", { ...doc, id: undefined }],
    ["a fractional revision", { ...doc, revision: 1.5 }],
    ["a string revision", { ...doc, revision: "2" }],
    ["values as a list", { ...doc, values: [] }],
    ["values null", { ...doc, values: null }],
    ["a number path", { ...doc, path: 3 }],
    ["nothing", undefined],
    ["a list", [doc]],
  ])("agrees with the API's zod schema on %s", (_, value) => {
    expect(asDocumentView(value) !== null).toBe(documentSchema.safeParse(value).success);
  });
});
