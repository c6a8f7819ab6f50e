import { blueprintForNewDocuments, blueprintOfDocument } from "@/lib/documents/blueprint-version";
import { getDocumentBlueprintOp } from "@/lib/documents/operations";
import { getEnvironment } from "@/lib/environments/read";
import { languagesOf } from "@/lib/environments/record";
import { route } from "@/lib/http/route";

export const GET = route(getDocumentBlueprintOp, async ({ params, query }) => {
  const env = await getEnvironment(params.env);
  const record =
    query.irn && query.version
      ? await blueprintOfDocument(env, params.blueprint, query.irn, query.version)
      : await blueprintForNewDocuments(env, params.blueprint);
  return { irn: record.irn, version: record.version, status: record.status, blueprint: record.document, languages: languagesOf(env) };
});
