import { createDocumentOp, listDocumentsOp } from "@/lib/documents/operations";
import { listDocuments } from "@/lib/documents/list";
import { createDocument } from "@/lib/documents/write";
import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";

export const GET = route(listDocumentsOp, async ({ params, query }) => listDocuments(await getEnvironment(params.env), params, query));

export const POST = route(createDocumentOp, async ({ params, body, principal, audit }) => {
  audit({ target: `${params.portfolio}/${params.blueprint}` });
  const doc = await createDocument(await getEnvironment(params.env), params, body, principal.email);
  audit({ target: `${params.portfolio}/${params.blueprint}/${doc.id}` });
  return doc;
});
