import { archiveEntityOp } from "@/lib/entities/operations";
import { setArchived } from "@/lib/entities/archive";
import { environmentContext } from "@/lib/entities/context";
import { route } from "@/lib/http/route";

export const POST = route(archiveEntityOp, async ({ params, body, audit }) => {
  audit({ target: `${params.type}/${params.id}` });
  return setArchived(await environmentContext(params.env), params.type, params.id, body.archived, body.version);
});
