import { NextResponse } from "next/server";
import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";
import { zappaSettingsOp } from "@/lib/provisioning/operations";
import { zappaSettings } from "@/lib/provisioning/service";

export const GET = route(zappaSettingsOp, async ({ params, query }) => {
  const settings = await zappaSettings(await getEnvironment(params.env));
  if (!query.download) return settings;
  return new NextResponse(`${JSON.stringify(settings, null, 4)}\n`, {
    headers: { "content-type": "application/json", "content-disposition": 'attachment; filename="zappa_settings.json"', "cache-control": "no-store" },
  });
});
