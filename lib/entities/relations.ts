import type { EntityType, MemberRole } from "@/lib/entities/schema";
import type { WriteOp } from "@/lib/entities/rows";

/**
 * Relations in `<env>_rel` (index = subject id, rel = <relation>#<object id>),
 * always written in pairs in one transaction: the member's row and the
 * group's inverse row. A member holds one role per group.
 */
const RELATIONS: Record<MemberRole, { forward: string; inverse: string }> = {
  member: { forward: "member_of", inverse: "has_member" },
  admin: { forward: "admin_of", inverse: "has_admin" },
  owner: { forward: "owns", inverse: "owned_by" },
};

export type RelationEnd = { id: string; type: EntityType };

export type RelRow = {
  index: string;
  rel: string;
  relation: string;
  target_id: string;
  target_type: EntityType;
  role: MemberRole;
  added: string;
};

export function relationRows(member: RelationEnd, group: RelationEnd, role: MemberRole, added: string): [RelRow, RelRow] {
  const { forward, inverse } = RELATIONS[role];
  return [
    { index: member.id, rel: `${forward}#${group.id}`, relation: forward, target_id: group.id, target_type: group.type, role, added },
    { index: group.id, rel: `${inverse}#${member.id}`, relation: inverse, target_id: member.id, target_type: member.type, role, added },
  ];
}

/** Every key a membership could occupy, whatever its role: removing or changing a role clears them all. */
export function membershipKeys(memberId: string, groupId: string): { index: string; rel: string }[] {
  return Object.values(RELATIONS).flatMap(({ forward, inverse }) => [
    { index: memberId, rel: `${forward}#${groupId}` },
    { index: groupId, rel: `${inverse}#${memberId}` },
  ]);
}

/** Sets a member's role in a group: the other roles' rows deleted, the pair for this role put. */
export function setMembershipWrites(member: RelationEnd, group: RelationEnd, role: MemberRole, added: string): WriteOp[] {
  const rows = relationRows(member, group, role, added);
  const keep = new Set(rows.map((r) => `${r.index}|${r.rel}`));
  const deletes: WriteOp[] = membershipKeys(member.id, group.id)
    .filter((k) => !keep.has(`${k.index}|${k.rel}`))
    .map((key) => ({ kind: "delete", table: "rel", key }));
  return [
    ...deletes,
    ...rows.map((item): WriteOp => ({ kind: "put", table: "rel", item })),
    { kind: "check", table: "entities", key: { index: group.type, _id: group.id }, condition: "present", field: "team" },
  ];
}

export function removeMembershipWrites(memberId: string, groupId: string): WriteOp[] {
  return membershipKeys(memberId, groupId).map((key) => ({ kind: "delete", table: "rel", key }));
}

/** Reads a relation row back as (other side, role, direction). */
export function parseRelRow(row: Record<string, unknown>): { otherId: string; otherType: EntityType; role: MemberRole; inverse: boolean } | undefined {
  const relation = row.relation;
  const role = row.role;
  if (typeof relation !== "string" || typeof row.target_id !== "string" || typeof row.target_type !== "string") return undefined;
  if (role !== "member" && role !== "admin" && role !== "owner") return undefined;
  const inverse = relation === RELATIONS[role].inverse;
  if (!inverse && relation !== RELATIONS[role].forward) return undefined;
  return { otherId: row.target_id, otherType: row.target_type as EntityType, role, inverse };
}
