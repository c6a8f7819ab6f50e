import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";
import { checklistOp } from "@/lib/provisioning/operations";
import { getChecklist } from "@/lib/provisioning/service";

export const GET = route(checklistOp, async ({ params }) => getChecklist(await getEnvironment(params.env)));
