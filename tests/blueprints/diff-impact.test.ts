import { describe, expect, it } from "vitest";
import { z } from "zod";
import { diffBlueprints } from "@/lib/blueprints/diff";
import { assessImpact } from "@/lib/blueprints/impact";
import type { JsonObject } from "@/lib/blueprints/json-text";
import { copy, seed } from "./seed-files";

const runs = seed("irma-schd-runs.json");
const jobs = seed("irma-schd-jobs.json");
const entities = seed("sys-entities.json");

function fields(doc: JsonObject): JsonObject[] {
  return doc.fields as JsonObject[];
}

function byName(doc: JsonObject, name: string): JsonObject {
  const f = fields(doc).find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
}

describe("diff of two versions", () => {
  it("finds nothing between a version and itself", () => {
    expect(diffBlueprints(runs, copy(runs))).toEqual({ from: "0.0.1", to: "0.0.1", metadata: [], fields: [] });
  });

  it("reports added, removed, renamed, single to multiple, newly required and option changes", () => {
    const next = copy(runs);
    next.version = "0.1.0";
    next.description = "Runs of jobs";
    byName(next, "output").cardinality = "multiple";
    byName(next, "time_queued").required = true;
    byName(next, "author").name = "triggered_by"; // same label "Triggered by", same order: a rename
    byName(next, "status").options = { executed: "Done", failed: "Failed", cancelled: "Cancelled" };
    next.fields = fields(next).filter((f) => f.name !== "time_executed");
    fields(next).push({ ...byName(runs, "output"), name: "notes", label: "Notes", order: "9", semantic: "hs:notes", required: true });
    byName(next, "trigger").widget = "text";

    const diff = diffBlueprints(runs, next);
    expect(diff.metadata).toEqual([{ property: "description", before: "Job Runs", after: "Runs of jobs" }]);
    expect(diff.fields.map((c) => [c.kind, c.field, c.breaking])).toEqual([
      ["removed", "time_executed", true],
      ["options-removed", "status", true],
      ["options-added", "status", false],
      ["options-relabelled", "status", false],
      ["widget", "trigger", true],
      ["renamed", "triggered_by", true],
      ["single-to-multiple", "output", true],
      ["newly-required", "time_queued", true],
      ["added", "notes", true],
    ]);
    expect(diff.fields.find((c) => c.kind === "renamed")).toMatchObject({ from: "author", summary: "author renamed to triggered_by (same label, same semantic URI, same order)" });
    expect(diff.fields.find((c) => c.kind === "options-removed")?.summary).toBe("status: option new removed");
  });

  it("does not take fields that share a generic semantic URI for a rename", () => {
    const next = copy(entities);
    byName(next, "slot_a").name = "slot_z";
    byName(next, "slot_z").label = "Slot Z";
    byName(next, "slot_z").order = "99";
    const kinds = diffBlueprints(entities, next).fields.map((c) => `${c.kind} ${c.field}`);
    expect(kinds).toEqual(["removed slot_a", "added slot_z"]);
  });

  it("lists other property changes by name", () => {
    const next = copy(jobs);
    byName(next, "handler").hint = "Where the handler lives";
    byName(next, "handler").layer = "1";
    expect(diffBlueprints(jobs, next).fields.map((c) => c.summary)).toEqual(["handler: hint changed", "handler: layer changed"]);
  });
});

describe("impact of a new version on documents", () => {
  // The shape a document schema has: declared fields only, required ones present.
  const schema = z.strictObject({
    schd_jobs_id: z.string().min(1),
    status: z.enum(["executed", "failed"]),
    output: z.array(z.string()).optional(),
    time_queued: z.string().min(1, "Required"),
  });

  it("counts failing documents per field with reasons and the diff's explanation", () => {
    const next = copy(runs);
    byName(next, "output").cardinality = "multiple";
    byName(next, "time_queued").required = true;
    const diff = diffBlueprints(runs, next);
    const docs = [
      { id: "ok", values: { schd_jobs_id: "j", status: "executed", time_queued: "t" } },
      { id: "scalar", values: { schd_jobs_id: "j", status: "executed", time_queued: "t", output: "log" } },
      { id: "new-status", values: { schd_jobs_id: "j", status: "new", time_queued: "t" } },
      { id: "no-time", values: { schd_jobs_id: "j", status: "failed", output: "x" } },
      { id: "extra", values: { schd_jobs_id: "j", status: "failed", time_queued: "t", author: "me" } },
    ];
    const impact = assessImpact(docs, schema, { diff });
    expect(impact).toMatchObject({ total: 5, failing: 4, partial: false });
    expect(impact.fields.map((f) => [f.field, f.documents, f.examples])).toEqual([
      ["output", 2, ["scalar", "no-time"]],
      ["author", 1, ["extra"]],
      ["status", 1, ["new-status"]],
      ["time_queued", 1, ["no-time"]],
    ]);
    const output = impact.fields[0];
    expect(output?.changes).toEqual(["output now holds several values"]);
    expect(output?.reasons).toEqual([{ message: expect.stringMatching(/expected array/i), documents: 2 }]);
    expect(impact.fields[1]?.reasons).toEqual([{ message: "author is not a field of the new version", documents: 1 }]);
    expect(impact.fields[3]?.changes).toEqual(["time_queued is now required"]);
  });

  it("reports no failure when every document still validates", () => {
    expect(assessImpact([{ id: "a", values: { schd_jobs_id: "j", status: "failed", time_queued: "t" } }], schema, { partial: true })).toEqual({
      total: 1, failing: 0, fields: [], partial: true,
    });
  });
});
