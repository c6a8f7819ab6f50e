import { describe, expect, it } from "vitest";
import schdJobs from "@/blueprints/irma-schd-jobs.json";
import { buildDocumentSchema } from "@/lib/blueprints/document-schema";
import { jobTypeModel } from "@/lib/jobs/job-blueprint";

describe("the job type form's model", () => {
  it("renders the schd_jobs blueprint's six fields, type and status as choices", () => {
    const model = jobTypeModel(schdJobs, ["en"]);
    expect(model?.fields.map((f) => f.name)).toEqual(["name", "status", "version", "handler", "description", "type"]);
    expect(model?.fields.find((f) => f.name === "type")).toMatchObject({ widget: "select" });
    expect(model?.fields.find((f) => f.name === "status")?.options.map((o) => o.value)).toEqual(["available", "not_available"]);
  });

  it("leaves out fields the console does not store, and validates like the server", () => {
    const extended = { ...schdJobs, fields: [...schdJobs.fields, { ...schdJobs.fields[0], name: "owner_team", label: "Owner team", required: true, source: "" }] };
    const model = jobTypeModel(extended, ["en"]);
    expect(model?.fields.map((f) => f.name)).not.toContain("owner_team");
    if (!model) throw new Error("no model");
    const schema = buildDocumentSchema(model, { languages: ["en"] });
    expect(schema.safeParse({ name: "Cleanup", status: "available", handler: "/jobs/x", type: "control" }).success).toBe(true);
    expect(schema.safeParse({ name: "Cleanup", status: "paused", handler: "/jobs/x", type: "control" }).success).toBe(false);
  });

  it("has no model for an unreadable blueprint", () => {
    expect(jobTypeModel({ irn: 3 }, ["en"])).toBeNull();
  });
});
