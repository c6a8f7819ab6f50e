import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";
import { revealSecretOp } from "@/lib/provisioning/operations";
import { revealSecret } from "@/lib/provisioning/installer";

export const POST = route(revealSecretOp, async ({ params }) => revealSecret(await getEnvironment(params.env)));
