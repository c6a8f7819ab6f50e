import { addMemberOp, removeMemberOp } from "@/lib/entities/operations";
import { environmentContext } from "@/lib/entities/context";
import { removeMember, setMember } from "@/lib/entities/members";
import { route } from "@/lib/http/route";

export const POST = route(addMemberOp, async ({ params, body, audit }) => {
  audit({ target: `${body.groupType}/${params.id}:${body.memberId}` });
  await setMember(await environmentContext(params.env), { type: body.groupType, id: params.id }, body.memberId, body.role);
});

export const DELETE = route(removeMemberOp, async ({ params, query, audit }) => {
  audit({ target: `${params.id}:${query.memberId}` });
  await removeMember(await environmentContext(params.env), params.id, query.memberId);
});
