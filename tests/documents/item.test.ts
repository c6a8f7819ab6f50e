import { describe, expect, it } from "vitest";
import { fromItem, isSystemAttribute, searchText, toItem, type StoredDocument } from "@/lib/documents/item";

const doc: StoredDocument = {
  portfolio: "sys",
  blueprint: "places",
  blueprintIrn: "irn:blueprint:demo:places",
  blueprintVersion: "1.0.0",
  id: "d1",
  path: "/europe/france/",
  revision: 3,
  createdAt: "2025-01-17T09:22:46.000Z",
  createdBy: "a@x.io",
  updatedAt: "2025-01-18T09:22:46.000Z",
  updatedBy: "b@x.io",
  values: { name: "Tour Eiffel", title: { en: "Eiffel Tower", fr: "Tour Eiffel" }, tags: ["Iron", 1889], where: { lat: 48.8584, lon: 2.2945 } },
};

describe("stored document item", () => {
  it("puts values at the top level and keys as the data model says", () => {
    const item = toItem(doc, { lat: 48.8584, lon: 2.2945 });
    expect(item).toMatchObject({
      name: "Tour Eiffel",
      portfolio_index: "sys",
      doc_index: "places#d1",
      time_index: "places#2025-01-17T09:22:46.000Z#d1",
      path_index: "places/europe/france",
      _path: "europe/france",
      _revision: 3,
      _blueprint_version: "1.0.0",
    });
    expect(item.geo_index).toMatch(/^places#u09tunq/);
    expect(fromItem(item)).toEqual({ ...doc, path: "europe/france" });
  });

  it("leaves path_index and geo_index out when the document has neither", () => {
    const item = toItem({ ...doc, path: "" });
    expect(item).not.toHaveProperty("path_index");
    expect(item).not.toHaveProperty("geo_index");
    expect(fromItem(item)?.path).toBe("");
  });

  it("indexes lower-cased text of every value", () => {
    expect(searchText(doc.values, "d1")).toBe("d1 tour eiffel eiffel tower tour eiffel iron 1889 48.8584 2.2945");
  });

  it("reads an item written without the console's attributes", () => {
    expect(fromItem({ portfolio_index: "sys", doc_index: "schd_jobs#j1", name: "n" })).toMatchObject({ id: "j1", revision: 0, values: { name: "n" } });
    expect(fromItem({ portfolio_index: "sys", doc_index: "nohash" })).toBeUndefined();
    expect(isSystemAttribute("_anything")).toBe(true);
    expect(isSystemAttribute("name")).toBe(false);
  });
});
