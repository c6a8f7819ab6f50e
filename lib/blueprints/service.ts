import "server-only";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { ValidationError } from "@/lib/http/errors";
import { diffBlueprints, type BlueprintDiff } from "@/lib/blueprints/diff";
import { exportBlueprintText, isJsonObject, parseJsonText } from "@/lib/blueprints/json-text";
import type { BlueprintRecord } from "@/lib/blueprints/record";
import type { StoredBlueprint } from "@/lib/blueprints/schema";
import { getVersion, versionSummary } from "@/lib/blueprints/store-read";
import { createBlueprint } from "@/lib/blueprints/store-write";
import type { BlueprintIssue } from "@/lib/blueprints/validate";
import { validateBlueprint } from "@/lib/blueprints/validate";

/** What the API returns for one version: its summary, document and warnings. */
export function toView(record: BlueprintRecord, issues?: BlueprintIssue[]): StoredBlueprint {
  // A stored version's warnings are recomputed without the environment's other blueprints (cheap, no Scan).
  const warnings = issues ?? validateBlueprint(record.document, { importedVerbatim: true }).filter((i) => i.severity === "warning");
  return { ...versionSummary(record), irn: record.irn, document: record.document, issues: warnings };
}

/** Import: JSON text → a stored version. Syntax errors name their line and column. */
export async function importBlueprint(env: EnvironmentRecord, input: { text: string; verbatim: boolean }, actor: string) {
  const parsed = parseJsonText(input.text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    const where = `Line ${line}, column ${column}: ${message}`;
    throw new ValidationError(`The JSON is malformed. ${where}`, { text: [where] });
  }
  if (!isJsonObject(parsed.value)) throw ValidationError.forField("text", "A blueprint is a JSON object, not a list or a single value.");
  return createBlueprint(env, { document: parsed.value, verbatim: input.verbatim }, actor);
}

export async function exportVersion(env: EnvironmentRecord, irn: string, version: string): Promise<{ filename: string; text: string }> {
  const record = await getVersion(env, irn, version);
  const name = typeof record.document.name === "string" ? record.document.name : irn.split(":").at(-1) ?? "blueprint";
  return { filename: `${name}-${version}.json`, text: exportBlueprintText(record.document) };
}

export async function diffVersions(env: EnvironmentRecord, irn: string, from: string, to: string): Promise<BlueprintDiff> {
  const [a, b] = await Promise.all([getVersion(env, irn, from), getVersion(env, irn, to)]);
  return diffBlueprints(a.document, b.document);
}
