import "server-only";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { toUpstreamError } from "@/lib/aws/errors";
import { ValidationError } from "@/lib/http/errors";
import type { EnvContext } from "@/lib/entities/context";
import { parseRelRow, removeMembershipWrites, setMembershipWrites } from "@/lib/entities/relations";
import type { EntityType, MemberRole, Membership } from "@/lib/entities/schema";
import { readEntityItems, requireEntityItem } from "@/lib/entities/store";
import { transact } from "@/lib/entities/transact";

/**
 * Memberships: a user (or any entity) in a team, org or portfolio with a
 * role. Both directions are written in one transaction (lib/entities/relations).
 */
export async function setMember(ctx: EnvContext, group: { type: EntityType; id: string }, memberId: string, role: MemberRole): Promise<void> {
  if (group.type === "user") throw ValidationError.forField("groupType", "A user cannot have members.");
  const member = await requireMember(ctx, memberId);
  await transact(ctx, setMembershipWrites({ id: member.id, type: member.type }, group, role, new Date().toISOString()), "saving the membership");
}

export async function removeMember(ctx: EnvContext, groupId: string, memberId: string): Promise<void> {
  await transact(ctx, removeMembershipWrites(memberId, groupId), "removing the membership");
}

async function requireMember(ctx: EnvContext, id: string): Promise<{ id: string; type: EntityType }> {
  // Members are users in practice; an org can also belong to a portfolio, so the type is looked up.
  const item = await requireEntityItem(ctx, "user", id).catch(() => undefined);
  if (item) return { id: item._id, type: item.index };
  for (const type of ["team", "org", "app"] as const) {
    const other = await requireEntityItem(ctx, type, id).catch(() => undefined);
    if (other) return { id: other._id, type: other.index };
  }
  throw ValidationError.forField("memberId", "There is no entity with this id.");
}

/**
 * Both directions of an entity's relations, with names: its members (the
 * group's inverse rows) and the groups it belongs to (its own rows). A user
 * has only groups; an org may have members and belong to a portfolio.
 */
export async function listMemberships(ctx: EnvContext, id: string): Promise<Membership[]> {
  const rows: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  try {
    do {
      const out = await ctx.clients.documents.send(
        new QueryCommand({ TableName: ctx.tables.rel, KeyConditionExpression: "#i = :i", ExpressionAttributeNames: { "#i": "index" }, ExpressionAttributeValues: { ":i": id }, ExclusiveStartKey }),
      );
      rows.push(...(out.Items ?? []));
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  } catch (err) {
    throw toUpstreamError(err, "reading relations");
  }
  const parsed = rows.map(parseRelRow).filter((r) => r !== undefined);
  const items = await readEntityItems(ctx, parsed.map((r) => ({ type: r.otherType, id: r.otherId })));
  const byId = new Map(items.map((i) => [i._id, i]));
  return parsed
    .map((r) => {
      const other = byId.get(r.otherId);
      return {
        id: r.otherId,
        type: r.otherType,
        name: other?.name ?? "(removed)",
        ...(typeof other?.email === "string" ? { email: other.email } : {}),
        role: r.role,
        direction: r.inverse ? ("member" as const) : ("group" as const),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
