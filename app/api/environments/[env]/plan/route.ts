import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";
import { planOp } from "@/lib/provisioning/operations";
import { planEnvironment } from "@/lib/provisioning/service";

export const POST = route(planOp, async ({ params }) => planEnvironment(await getEnvironment(params.env)));
