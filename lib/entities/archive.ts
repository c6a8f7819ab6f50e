import "server-only";
import { ConflictError, ValidationError } from "@/lib/http/errors";
import type { EnvContext } from "@/lib/entities/context";
import type { Entity, EntityType } from "@/lib/entities/schema";
import { requireEntityItem, writeEntityChange } from "@/lib/entities/store";

/** Teams, orgs and portfolios are archived (kept, marked, hidden from new memberships) rather than deleted. */
export async function setArchived(ctx: EnvContext, type: EntityType, id: string, archived: boolean, version: number): Promise<Entity> {
  if (type === "user" || type === "app") throw ValidationError.forField("type", "Only teams, orgs and portfolios are archived; deactivate a user instead.");
  const before = await requireEntityItem(ctx, type, id);
  if (before._version !== version) throw new ConflictError("Someone else changed this entity since you opened it.", { version: ["Stale version."] });
  return writeEntityChange(ctx, before, { archived: archived ? "true" : undefined });
}
