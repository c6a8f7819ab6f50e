import { readFileSync } from "node:fs";
import path from "node:path";
import { parseBlueprint, type Blueprint } from "@/lib/blueprints/types";

/** The seed blueprints as stored, read from disk so the tests see them verbatim. */
export function seedBlueprint(file: "sys-entities.json" | "irma-schd-jobs.json" | "irma-schd-runs.json"): Blueprint {
  const parsed = parseBlueprint(JSON.parse(readFileSync(path.join(process.cwd(), "blueprints", file), "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  return parsed.data;
}

/** A one-field blueprint for focused tests; `field` overrides the plain text field. */
export function blueprintWith(...fields: Record<string, unknown>[]): Blueprint {
  const parsed = parseBlueprint({
    irn: "irn:blueprint:test:t",
    name: "t",
    version: "0.0.1",
    label: "Test",
    status: "draft",
    fields: fields.map((field, i) => ({
      name: `f${i}`,
      label: `Field ${i}`,
      type: "string",
      widget: "text",
      layer: "0",
      order: String(i + 1),
      required: false,
      cardinality: "single",
      multilingual: false,
      default: "",
      hint: "",
      semantic: "",
      source: "",
      ...field,
    })),
  });
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
}
