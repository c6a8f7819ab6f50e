import { exportVersionOp } from "@/lib/blueprints/operations";
import { exportVersion } from "@/lib/blueprints/service";
import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";

export const GET = route(exportVersionOp, async ({ params, requestId }) => {
  const { filename, text } = await exportVersion(await getEnvironment(params.env), params.irn, params.version);
  return new Response(text, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
      "x-request-id": requestId,
    },
  });
});
