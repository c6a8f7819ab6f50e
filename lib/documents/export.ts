import "server-only";
import { blueprintForNewDocuments } from "@/lib/documents/blueprint-version";
import { toJsonLd } from "@/lib/documents/jsonld";
import { listDocuments } from "@/lib/documents/list";
import { documentListQuerySchema, type DocumentView } from "@/lib/documents/schema";
import { modelOf } from "@/lib/documents/validate";
import type { DocRef } from "@/lib/documents/write";
import { languagesOf, type EnvironmentRecord } from "@/lib/environments/record";
import { ValidationError } from "@/lib/http/errors";

/** An export is one response; past this many documents, export by folder or ask for a bulk job. */
export const MAX_EXPORT = 5_000;

export async function exportDocuments(env: EnvironmentRecord, ref: DocRef, format: "json" | "jsonld"): Promise<Record<string, unknown>> {
  const blueprint = await blueprintForNewDocuments(env, ref.blueprint);
  const docs: DocumentView[] = [];
  let cursor: string | undefined;
  do {
    const page = await listDocuments(env, ref, documentListQuerySchema.parse({ limit: 100, cursor }));
    docs.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    if (docs.length > MAX_EXPORT) {
      throw ValidationError.forField("blueprint", `More than ${MAX_EXPORT} documents: too many for one export.`);
    }
  } while (cursor);
  if (format === "jsonld") {
    const uri = typeof blueprint.document.uri === "string" ? blueprint.document.uri : undefined;
    return toJsonLd(modelOf(blueprint.document, languagesOf(env)), { irn: blueprint.irn, ...(uri ? { uri } : {}) }, docs);
  }
  return {
    portfolio: ref.portfolio,
    blueprint: { name: ref.blueprint, irn: blueprint.irn, version: blueprint.version },
    exportedAt: new Date().toISOString(),
    documents: docs,
  };
}
