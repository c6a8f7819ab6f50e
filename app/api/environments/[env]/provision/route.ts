import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";
import { provisionOp } from "@/lib/provisioning/operations";
import { provisionStream } from "@/lib/provisioning/stream";

export const POST = route(provisionOp, async ({ params, body, principal, requestId }) =>
  provisionStream(await getEnvironment(params.env), body.fingerprint, principal.email, requestId),
);
