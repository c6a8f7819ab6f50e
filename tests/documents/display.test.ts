import { describe, expect, it } from "vitest";
import { displayValue } from "@/components/documents/display";

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
