import { getEnvironment } from "@/lib/environments/read";
import { route } from "@/lib/http/route";
import { createInstallerOp } from "@/lib/provisioning/operations";
import { createInstaller } from "@/lib/provisioning/installer";

export const POST = route(createInstallerOp, async ({ params, principal }) => createInstaller(await getEnvironment(params.env), principal.email));
