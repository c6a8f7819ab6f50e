import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";
import { testEmailOp } from "@/lib/provisioning/operations";
import { sendTestEmail } from "@/lib/provisioning/installer";

export const POST = route(testEmailOp, async ({ params, body }) => sendTestEmail(await getEnvironment(params.env), body.to));
