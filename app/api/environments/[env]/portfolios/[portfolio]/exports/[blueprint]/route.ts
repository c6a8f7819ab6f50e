import { NextResponse } from "next/server";
import { exportDocuments } from "@/lib/documents/export";
import { exportDocumentsOp } from "@/lib/documents/operations";
import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";

export const GET = route(exportDocumentsOp, async ({ params, query, requestId }) => {
  const body = await exportDocuments(await getEnvironment(params.env), params, query.format);
  const extension = query.format === "jsonld" ? "jsonld" : "json";
  return NextResponse.json(body, {
    headers: {
      "content-type": query.format === "jsonld" ? "application/ld+json" : "application/json",
      "content-disposition": `attachment; filename="${params.portfolio}-${params.blueprint}.${extension}"`,
      "cache-control": "no-store",
      "x-request-id": requestId,
    },
  });
});
