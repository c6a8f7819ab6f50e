import { impactOp } from "@/lib/blueprints/operations";
import { versionImpact } from "@/lib/blueprints/impact-service";
import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";

export const GET = route(impactOp, async ({ params, query }) => versionImpact(await getEnvironment(params.env), params.irn, params.version, query));
