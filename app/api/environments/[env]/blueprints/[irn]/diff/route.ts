import { diffVersionsOp } from "@/lib/blueprints/operations";
import { diffVersions } from "@/lib/blueprints/service";
import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";

export const GET = route(diffVersionsOp, async ({ params, query }) => diffVersions(await getEnvironment(params.env), params.irn, query.from, query.to));
