import { createEntityOp, listEntitiesOp } from "@/lib/entities/operations";
import { environmentContext } from "@/lib/entities/context";
import { createEntity, listEntities } from "@/lib/entities/store";
import { route } from "@/lib/http/route";

export const GET = route(listEntitiesOp, async ({ params, query }) => listEntities(await environmentContext(params.env), query));

export const POST = route(createEntityOp, async ({ params, body, principal, audit }) => {
  // The blueprint's email is the owner's for non-user entities (unique only for users).
  const input = body.type === "user" || body.email ? body : { ...body, email: principal.email };
  const entity = await createEntity(await environmentContext(params.env), input, body.type === "user" ? undefined : `console:${principal.email}`);
  audit({ target: `${entity.type}/${entity.id}` });
  return entity;
});
