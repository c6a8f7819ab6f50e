import { getEntityOp, updateEntityOp } from "@/lib/entities/operations";
import { environmentContext } from "@/lib/entities/context";
import { listMemberships } from "@/lib/entities/members";
import { requireEntityItem, updateEntity } from "@/lib/entities/store";
import { toEntity } from "@/lib/entities/view";
import { route } from "@/lib/http/route";

export const GET = route(getEntityOp, async ({ params }) => {
  const ctx = await environmentContext(params.env);
  const [item, memberships] = await Promise.all([requireEntityItem(ctx, params.type, params.id), listMemberships(ctx, params.id)]);
  return { entity: toEntity(item), memberships };
});

export const PATCH = route(updateEntityOp, async ({ params, body, audit }) => {
  audit({ target: `${params.type}/${params.id}` });
  return updateEntity(await environmentContext(params.env), params.type, params.id, body);
});
