import type { EntityType, SearchField } from "@/lib/entities/schema";

/**
 * Pure row building for `<env>_entities` (see docs/data-model.md). Three kinds
 * of row live in the table, told apart by `index`:
 *   - the entity:     index = <type>,           _id = <uuid>
 *   - uniqueness:     index = email|handle|cognito, _id = <value>   → entity_type, entity_id
 *   - search lookup:  index = search#<type>,    _id = <field>#<lower-cased value>#<uuid>
 * Lookup rows carry what a list shows (name, email, handle, is_active,
 * archived), so a list page is one Query with begins_with and no second read.
 */
export type EntityItem = {
  index: EntityType;
  _id: string;
  name: string;
  type: EntityType;
  owner_id: string;
  added: string;
  modified: string;
  irn: string;
  raw_id: string;
  is_active: "true" | "false";
  /** Teams, orgs and portfolios are archived rather than deleted. */
  archived?: "true";
  /** Optimistic concurrency: every write checks the version it read. */
  _version: number;
  [field: string]: unknown;
};

export type Row = Record<string, unknown> & { index: string; _id: string };
export type Key = { index: string; _id: string };

export const UNIQUE_FIELDS = ["email", "handle"] as const;
export type UniqueField = (typeof UNIQUE_FIELDS)[number] | "cognito";

export function entityIrn(env: string, type: EntityType, id: string): string {
  return `irn:entity:${env}:${type}:${id}`;
}

/** Which fields must be unique for a type: every entity's handle; a user's email (a team's email names its owner). */
export function uniqueFieldsOf(type: EntityType): readonly UniqueField[] {
  return type === "user" ? ["email", "handle"] : ["handle"];
}

export function uniquenessKey(field: UniqueField, value: string): Key {
  return { index: field, _id: field === "cognito" ? value : value.toLowerCase() };
}

export function uniquenessRow(field: UniqueField, value: string, entity: Pick<EntityItem, "index" | "_id">): Row {
  return { ...uniquenessKey(field, value), entity_type: entity.index, entity_id: entity._id };
}

export function uniquenessRows(item: EntityItem): Row[] {
  const rows: Row[] = [];
  for (const field of uniqueFieldsOf(item.index)) {
    const value = item[field];
    if (typeof value === "string" && value) rows.push(uniquenessRow(field, value, item));
  }
  return rows;
}

export function searchIndex(type: EntityType): string {
  return `search#${type}`;
}

export function lookupId(field: SearchField, value: string, id: string): string {
  return `${field}#${value.toLowerCase()}#${id}`;
}

export function lookupRows(item: EntityItem): Row[] {
  const summary = {
    entity_id: item._id,
    name: item.name,
    ...(typeof item.email === "string" && item.email ? { email: item.email } : {}),
    ...(typeof item.handle === "string" && item.handle ? { handle: item.handle } : {}),
    is_active: item.is_active,
    ...(item.archived ? { archived: item.archived } : {}),
  };
  const rows: Row[] = [];
  for (const field of ["name", "email", "handle"] as const) {
    const value = item[field];
    if (typeof value === "string" && value) rows.push({ index: searchIndex(item.index), _id: lookupId(field, value, item._id), ...summary });
  }
  return rows;
}

/** The begins_with prefix a search or a sorted list queries. */
export function lookupPrefix(field: SearchField, q: string | undefined): string {
  return `${field}#${(q ?? "").toLowerCase()}`;
}

/**
 * One write of a transaction, table-agnostic: the service maps `table` to the
 * environment's table names. `field` names what a failed condition means, so
 * a cancelled transaction answers 409 naming the field.
 */
export type WriteOp =
  | { kind: "put"; table: "entities" | "rel"; item: Row | Record<string, unknown>; condition?: "absent" | { version: number }; field?: string }
  | { kind: "delete"; table: "entities" | "rel"; key: Record<string, string>; ownedBy?: string }
  | { kind: "check"; table: "entities"; key: Key; condition: "present"; field?: string };

const sameKey = (a: Key, b: Key) => a.index === b.index && a._id === b._id;

/** Creating an entity: the entity, its uniqueness rows (conditional) and its lookup rows, in one transaction. */
export function createWrites(item: EntityItem): WriteOp[] {
  return [
    { kind: "put", table: "entities", item, condition: "absent", field: "id" },
    ...uniquenessRows(item).map((row): WriteOp => ({ kind: "put", table: "entities", item: row, condition: "absent", field: row.index })),
    ...lookupRows(item).map((row): WriteOp => ({ kind: "put", table: "entities", item: row })),
  ];
}

/**
 * Changing an entity from `before` to `after`: the entity at the version read,
 * moved uniqueness rows (the old one deleted only if it still points here, the
 * new one only if free) and the lookup rows replaced.
 */
export function updateWrites(before: EntityItem, after: EntityItem): WriteOp[] {
  const ops: WriteOp[] = [{ kind: "put", table: "entities", item: after, condition: { version: before._version }, field: "version" }];
  const oldUnique = uniquenessRows(before);
  const newUnique = uniquenessRows(after);
  for (const row of oldUnique) {
    if (!newUnique.some((n) => sameKey(n, row))) ops.push({ kind: "delete", table: "entities", key: { index: row.index, _id: row._id }, ownedBy: before._id });
  }
  for (const row of newUnique) {
    if (!oldUnique.some((o) => sameKey(o, row))) ops.push({ kind: "put", table: "entities", item: row, condition: "absent", field: row.index });
  }
  const newLookups = lookupRows(after);
  for (const row of lookupRows(before)) {
    if (!newLookups.some((n) => sameKey(n, row))) ops.push({ kind: "delete", table: "entities", key: { index: row.index, _id: row._id } });
  }
  for (const row of newLookups) ops.push({ kind: "put", table: "entities", item: row });
  return ops;
}

/** Removing an entity and everything that points at it in the entities table. */
export function removeWrites(item: EntityItem, cognitoSub?: string): WriteOp[] {
  const ops: WriteOp[] = [{ kind: "delete", table: "entities", key: { index: item.index, _id: item._id } }];
  for (const row of uniquenessRows(item)) ops.push({ kind: "delete", table: "entities", key: { index: row.index, _id: row._id }, ownedBy: item._id });
  if (cognitoSub) ops.push({ kind: "delete", table: "entities", key: uniquenessKey("cognito", cognitoSub), ownedBy: item._id });
  for (const row of lookupRows(item)) ops.push({ kind: "delete", table: "entities", key: { index: row.index, _id: row._id } });
  return ops;
}

/** Names the field behind the first failed condition of a cancelled transaction. */
export function conflictingField(ops: readonly WriteOp[], reasons: readonly (string | undefined)[]): string | undefined {
  for (const [i, code] of reasons.entries()) {
    if (code !== "ConditionalCheckFailed") continue;
    const op = ops[i];
    if (op && (op.kind === "put" || op.kind === "check")) return op.field ?? "id";
    if (op) return "id";
  }
  return undefined;
}
