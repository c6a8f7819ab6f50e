import { environmentContext } from "@/lib/entities/context";
import { exportCsv } from "@/lib/entities/export";
import { route } from "@/lib/http/route";
import { exportEntitiesOp } from "@/lib/reconcile/operations";

export const GET = route(exportEntitiesOp, async ({ params, query }) => {
  const csv = await exportCsv(await environmentContext(params.env), query.what);
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${params.env}-${query.what}.csv"`, "cache-control": "no-store" },
  });
});
