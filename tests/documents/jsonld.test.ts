import { describe, expect, it } from "vitest";
import runs from "@/blueprints/irma-schd-runs.json";
import entities from "@/blueprints/sys-entities.json";
import places from "@/blueprints/examples/places.json";
import { buildFormModel } from "@/lib/blueprints/form-model";
import { parseBlueprint, type Blueprint } from "@/lib/blueprints/types";
import { toJsonLd } from "@/lib/documents/jsonld";
import type { DocumentView } from "@/lib/documents/schema";

const model = (doc: unknown, languages = ["en"]) => {
  const parsed = parseBlueprint(doc);
  if (!parsed.success) throw new Error("unreadable blueprint");
  return buildFormModel(parsed.data as Blueprint, { languages });
};

const view = (id: string, values: Record<string, unknown>): DocumentView => ({
  id, portfolio: "sys", blueprint: "x", blueprintIrn: "irn", blueprintVersion: "1", path: "", revision: 1,
  createdAt: "", createdBy: "", updatedAt: "", updatedBy: "", values,
});

describe("JSON-LD export", () => {
  it("keeps compact hs: IRIs, leaves the unknown prefix undefined, and keeps two fields with one semantic apart", () => {
    const ld = toJsonLd(model(runs), { irn: runs.irn, uri: runs.uri }, [view("5e834ed5-d532-4852-a20f-5928a76c2a19", { status: "new", time_queued: "2025-01-01T00:00:00Z", time_executed: "" })]);
    const context = ld["@context"] as Record<string, unknown>;
    expect(context.time_queued).toEqual({ "@id": "hs:time" });
    expect(context.time_executed).toEqual({ "@id": "hs:time" });
    expect(context).not.toHaveProperty("hs");
    expect(context.xsd).toBe("http://www.w3.org/2001/XMLSchema#");
    expect(ld["@graph"]).toEqual([
      { "@id": "urn:uuid:5e834ed5-d532-4852-a20f-5928a76c2a19", "@type": runs.uri, status: "new", time_queued: "2025-01-01T00:00:00Z" },
    ]);
  });

  it("writes schema.org URIs as full IRIs", () => {
    const context = toJsonLd(model(entities), { irn: entities.irn, uri: entities.uri }, [])["@context"] as Record<string, unknown>;
    expect(context.email).toEqual({ "@id": "https://schema.org/email" });
    expect(context).not.toHaveProperty("schema");
  });

  it("maps multilingual values as language maps, lists as sets, JSON and geo as JSON literals", () => {
    const ld = toJsonLd(model(places, ["en", "fr"]), { irn: places.irn, uri: places.uri }, [view("not-a-uuid", { name: { en: "Tower", fr: "Tour" } })]);
    const context = ld["@context"] as Record<string, unknown>;
    expect(context.name).toEqual({ "@id": "https://schema.org/name", "@container": "@language" });
    expect(context.tags).toEqual({ "@id": "https://schema.org/keywords", "@container": "@set" });
    expect(context.opening_hours).toEqual({ "@id": "https://schema.org/openingHoursSpecification", "@type": "@json" });
    expect(context.opened).toEqual({ "@id": "https://schema.org/foundingDate", "@type": "xsd:date" });
    expect((ld["@graph"] as Record<string, unknown>[])[0]).toMatchObject({ "@id": "_:not-a-uuid", name: { en: "Tower", fr: "Tour" } });
  });
});
