import "server-only";
import { randomUUID } from "node:crypto";
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { toUpstreamError } from "@/lib/aws/errors";
import { NotFoundError } from "@/lib/http/errors";
import { decodeCursor, encodeCursor } from "@/lib/registry/table";
import type { EnvContext } from "@/lib/entities/context";
import { createWrites, entityIrn, lookupPrefix, searchIndex, updateWrites, type EntityItem, type WriteOp } from "@/lib/entities/rows";
import { transact } from "@/lib/entities/transact";
import type { Entity, EntityCreate, EntityListQuery, EntityPage, EntitySummary, EntityType, EntityUpdate } from "@/lib/entities/schema";
import { editableKeys, summaryFromLookup, toEntity } from "@/lib/entities/view";

/** Entities of one environment: create, read, change, list/search. */
export function newEntityItem(ctx: EnvContext, input: EntityCreate, ownerId: string | undefined, now = new Date().toISOString(), id: string = randomUUID()): EntityItem {
  const item: EntityItem = {
    index: input.type,
    _id: id,
    type: input.type,
    name: input.name,
    // A user owns itself; other entities are owned by whoever the caller names (the console records its user).
    owner_id: ownerId ?? id,
    added: now,
    modified: now,
    irn: entityIrn(ctx.env.name, input.type, id),
    raw_id: id,
    is_active: "true",
    _version: 1,
  };
  for (const key of editableKeys) {
    const value = input[key];
    if (typeof value === "string" && value !== "" && key !== "name") item[key] = value;
  }
  return item;
}

export async function createEntity(ctx: EnvContext, input: EntityCreate, ownerId?: string, extra: WriteOp[] = []): Promise<Entity> {
  const item = newEntityItem(ctx, input, ownerId);
  await transact(ctx, [...createWrites(item), ...extra], "saving the entity");
  return toEntity(item);
}

export async function readEntityItem(ctx: EnvContext, type: EntityType, id: string): Promise<EntityItem | undefined> {
  try {
    const out = await ctx.clients.documents.send(new GetCommand({ TableName: ctx.tables.entities, Key: { index: type, _id: id }, ConsistentRead: true }));
    return out.Item as EntityItem | undefined;
  } catch (err) {
    throw toUpstreamError(err, "reading the entity");
  }
}

export async function requireEntityItem(ctx: EnvContext, type: EntityType, id: string): Promise<EntityItem> {
  const item = await readEntityItem(ctx, type, id);
  if (!item) throw new NotFoundError(`There is no ${type} ${id} in ${ctx.env.name}.`);
  return item;
}

/** Applies a change at the version the caller read (409 when stale or when email/handle is taken). */
export async function writeEntityChange(ctx: EnvContext, before: EntityItem, change: Partial<EntityItem>, now = new Date().toISOString()): Promise<Entity> {
  const after: EntityItem = { ...before, ...change, modified: now, _version: before._version + 1 };
  for (const [k, v] of Object.entries(after)) if (v === "" || v === undefined) delete after[k];
  await transact(ctx, updateWrites(before, after), "saving the entity");
  return toEntity(after);
}

export async function updateEntity(ctx: EnvContext, type: EntityType, id: string, patch: EntityUpdate): Promise<Entity> {
  const before = await requireEntityItem(ctx, type, id);
  const change: Partial<EntityItem> = {};
  for (const key of editableKeys) {
    const value = patch[key];
    if (value !== undefined) change[key] = value;
  }
  // The version the caller read, not the one just fetched: a stale save answers 409.
  return writeEntityChange(ctx, { ...before, _version: patch.version }, change);
}

export async function listEntities(ctx: EnvContext, q: EntityListQuery): Promise<EntityPage> {
  try {
    const out = await ctx.clients.documents.send(
      new QueryCommand({
        TableName: ctx.tables.entities,
        KeyConditionExpression: "#i = :i AND begins_with(#id, :p)",
        ExpressionAttributeNames: { "#i": "index", "#id": "_id" },
        ExpressionAttributeValues: { ":i": searchIndex(q.type), ":p": lookupPrefix(q.by, q.q) },
        ScanIndexForward: q.order === "asc",
        Limit: q.limit,
        ExclusiveStartKey: decodeCursor(q.cursor, ["index", "_id"]),
      }),
    );
    const items = (out.Items ?? []).map((row) => summaryFromLookup(row, q.type)).filter((s): s is EntitySummary => s !== undefined);
    return { items, cursor: encodeCursor(out.LastEvaluatedKey) };
  } catch (err) {
    throw toUpstreamError(err, "listing entities");
  }
}

/** Several entities by key (for member lists), in at most 100 per request. */
export async function readEntityItems(ctx: EnvContext, keys: readonly { type: EntityType; id: string }[]): Promise<EntityItem[]> {
  const out: EntityItem[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 100).map((k) => ({ index: k.type, _id: k.id }));
    try {
      for (let attempt = 0; pending && pending.length > 0 && attempt < 5; attempt++) {
        const res: BatchGetCommandOutput = await ctx.clients.documents.send(new BatchGetCommand({ RequestItems: { [ctx.tables.entities]: { Keys: pending } } }));
        out.push(...((res.Responses?.[ctx.tables.entities] ?? []) as EntityItem[]));
        pending = res.UnprocessedKeys?.[ctx.tables.entities]?.Keys;
      }
    } catch (err) {
      throw toUpstreamError(err, "reading entities");
    }
  }
  return out;
}

/** The entity a uniqueness row points at (email, handle or Cognito sub). */
export async function findByUnique(ctx: EnvContext, field: "email" | "handle" | "cognito", value: string): Promise<{ type: EntityType; id: string } | undefined> {
  try {
    const out = await ctx.clients.documents.send(
      new GetCommand({ TableName: ctx.tables.entities, Key: { index: field, _id: field === "cognito" ? value : value.toLowerCase() }, ConsistentRead: true }),
    );
    const row = out.Item;
    if (!row || typeof row.entity_id !== "string" || typeof row.entity_type !== "string") return undefined;
    return { type: row.entity_type as EntityType, id: row.entity_id };
  } catch (err) {
    throw toUpstreamError(err, "reading the uniqueness index");
  }
}
