import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";
import { revokeSessionsOp } from "@/lib/provisioning/operations";
import { revokeSessions } from "@/lib/provisioning/service";

export const POST = route(revokeSessionsOp, async ({ params }) => revokeSessions(await getEnvironment(params.env)));
