import type { z } from "zod";
import { changesFor, type BlueprintDiff } from "@/lib/blueprints/diff";

/**
 * What a new blueprint version means for existing documents: each document's
 * values are validated with the new version's document schema (the same one
 * document writes use), and failures are counted per field with their
 * reasons, next to the diff changes that explain them. Pure.
 */
export type ImpactDocument = { id: string; values: Record<string, unknown> };

export type FieldImpact = {
  field: string;
  /** Documents failing on this field. */
  documents: number;
  reasons: { message: string; documents: number }[];
  /** Up to five ids of failing documents, to open one. */
  examples: string[];
  /** The diff's summaries for this field (why it may fail). */
  changes: string[];
};

export type Impact = {
  /** Documents examined. */
  total: number;
  failing: number;
  fields: FieldImpact[];
  /** True when only the first `total` documents were read (see the caller's limit). */
  partial: boolean;
};

type Schema = Pick<z.ZodType, "safeParse">;

const MAX_EXAMPLES = 5;
const DOCUMENT_LEVEL = "(document)";

/** Field names an issue is about: the first path element, or each unexpected key. */
function fieldsOfIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === "unrecognized_keys") return issue.keys;
  const first = issue.path[0];
  return [typeof first === "string" ? first : typeof first === "number" ? String(first) : DOCUMENT_LEVEL];
}

function reasonOf(issue: z.core.$ZodIssue, field: string): string {
  if (issue.code === "unrecognized_keys") return `${field} is not a field of the new version`;
  return issue.message;
}

export function assessImpact(documents: readonly ImpactDocument[], schema: Schema, options: { diff?: BlueprintDiff; partial?: boolean } = {}): Impact {
  const byField = new Map<string, { docs: Set<string>; reasons: Map<string, Set<string>> }>();
  let failing = 0;
  for (const doc of documents) {
    const result = schema.safeParse(doc.values);
    if (result.success) continue;
    failing++;
    for (const issue of result.error.issues) {
      for (const field of fieldsOfIssue(issue)) {
        const entry = byField.get(field) ?? { docs: new Set<string>(), reasons: new Map<string, Set<string>>() };
        entry.docs.add(doc.id);
        const reason = reasonOf(issue, field);
        entry.reasons.set(reason, (entry.reasons.get(reason) ?? new Set<string>()).add(doc.id));
        byField.set(field, entry);
      }
    }
  }
  const fields: FieldImpact[] = [...byField].map(([field, entry]) => ({
    field,
    documents: entry.docs.size,
    reasons: [...entry.reasons]
      .map(([message, docs]) => ({ message, documents: docs.size }))
      .sort((a, b) => b.documents - a.documents),
    examples: [...entry.docs].slice(0, MAX_EXAMPLES),
    changes: options.diff ? changesFor(options.diff, field).map((c) => c.summary) : [],
  }));
  fields.sort((a, b) => b.documents - a.documents || a.field.localeCompare(b.field));
  return { total: documents.length, failing, fields, partial: options.partial ?? false };
}
