import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_BLUEPRINTS } from "@/lib/provisioning/default-blueprints";

const root = process.cwd();
const files = ["sys-entities.json", "irma-schd-jobs.json", "irma-schd-runs.json"];

type Field = { name: string; order: string; default: unknown; type: string };

function byIrn(irn: string) {
  const found = DEFAULT_BLUEPRINTS.find((b) => b.irn === irn);
  if (!found) throw new Error(`no blueprint ${irn}`);
  return found.document as { _id: string; uri: string; version: string; fields: Field[] };
}

describe("default blueprints (step 8)", () => {
  it.each(files)("%s is valid JSON with the document's 1-space indentation", (file) => {
    const text = readFileSync(path.join(root, "blueprints", file), "utf8");
    const parsed: unknown = JSON.parse(text);
    expect(text).toBe(`${JSON.stringify(parsed, null, 1)}\n`);
  });

  it("lists the three blueprints of step 8 with their irn and version", () => {
    expect(DEFAULT_BLUEPRINTS.map((b) => [b.irn, b.version])).toEqual([
      ["irn:blueprint:sys:entities", "0.0.1"],
      ["irn:blueprint:irma:schd_jobs", "0.0.1"],
      ["irn:blueprint:irma:schd_runs", "0.0.1"],
    ]);
    for (const b of DEFAULT_BLUEPRINTS) {
      expect(b.document.irn).toBe(b.irn);
      expect(b.document.version).toBe(b.version);
    }
  });

  it("keeps schd_runs' malformed _id and 1.0.1 uri", () => {
    const runs = byIrn("irn:blueprint:irma:schd_runs");
    expect(runs._id).toBe("5e834ed5-d532-4852-a20f-4857a6b1984ad");
    expect(runs._id.split("-").at(-1)).toHaveLength(13);
    expect(runs.uri).toBe("https://tank7075.helloirma.com/_blueprint/irma/schd_runs/1.0.1");
    expect(runs.fields.map((f) => f.name)).toEqual(["schd_jobs_id", "status", "trigger", "author", "output", "time_queued", "time_executed"]);
  });

  it("keeps schd_jobs' version/uri mismatch and id", () => {
    const jobs = byIrn("irn:blueprint:irma:schd_jobs");
    expect(jobs.version).toBe("0.0.1");
    expect(jobs.uri).toMatch(/\/schd_jobs\/1\.0\.1$/);
    expect(jobs._id).toBe("5e834ed5-d532-4852-a20f-5928a76c2a19");
    expect(jobs.fields).toHaveLength(6);
  });

  it("keeps entities' repeated order 21 and boolean defaults on string fields", () => {
    const entities = byIrn("irn:blueprint:sys:entities");
    expect(entities._id).toBe("63994ed5-d532-8752-a20f-8f58512846a2");
    expect(entities.fields).toHaveLength(20);
    expect(entities.fields.filter((f) => f.order === "21").map((f) => f.name)).toEqual(["raw_id", "language"]);
    const isActive = entities.fields.find((f) => f.name === "is_active");
    const type = entities.fields.find((f) => f.name === "type");
    expect(isActive).toMatchObject({ default: true, type: "string" });
    expect(type).toMatchObject({ default: false, type: "string", hint: "<user|portfolio|org|team|app> " });
  });
});
