import { deleteDocumentOp, getDocumentOp, updateDocumentOp } from "@/lib/documents/operations";
import { deleteDocument, getDocument, updateDocument } from "@/lib/documents/write";
import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";

const target = (p: { portfolio: string; blueprint: string; docId: string }) => `${p.portfolio}/${p.blueprint}/${p.docId}`;

export const GET = route(getDocumentOp, async ({ params }) => getDocument(await getEnvironment(params.env), params, params.docId));

export const PUT = route(updateDocumentOp, async ({ params, body, principal, audit }) => {
  audit({ target: target(params) });
  return updateDocument(await getEnvironment(params.env), params, params.docId, body, principal.email);
});

export const DELETE = route(deleteDocumentOp, async ({ params, query, audit }) => {
  audit({ target: target(params) });
  await deleteDocument(await getEnvironment(params.env), params, params.docId, query.revision);
});
