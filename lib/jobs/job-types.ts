import "server-only";
import { randomUUID } from "node:crypto";
import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/http/errors";
import { searchText } from "@/lib/documents/item";
import { BLUEPRINT_VERSION, documentKey, JOBS_BLUEPRINT, JOBS_IRN, SYS_PORTFOLIO, timeIndex } from "@/lib/jobs/keys";
import type { JobType, JobTypeValues } from "@/lib/jobs/schema";
import { DEFAULT_TIMEOUT_SECONDS } from "@/lib/jobs/stuck";
import type { JobStore } from "@/lib/jobs/store";

/** Job types: documents of blueprint irma:schd_jobs in portfolio `sys`, edited at a revision (409 when stale). */
function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

export function jobTypeFromItem(item: Record<string, unknown>): JobType | undefined {
  const id = str(item._id);
  const name = str(item.name);
  const handler = str(item.handler);
  if (!id || !name || !handler) return undefined;
  return {
    id,
    name,
    status: str(item.status) ?? "not_available",
    version: str(item.version) ?? null,
    handler,
    description: str(item.description) ?? null,
    type: str(item.type) ?? "control",
    paramsBlueprint: str(item._params_blueprint) ?? null,
    schedule: str(item._schedule) ?? null,
    timeoutSeconds: typeof item._timeout_seconds === "number" ? item._timeout_seconds : DEFAULT_TIMEOUT_SECONDS,
    revision: typeof item._revision === "number" ? item._revision : 0,
    updatedAt: str(item._updated_at) ?? "",
    updatedBy: str(item._updated_by) ?? "",
  };
}

/** Blueprint fields at the top level; the console's own attributes start with `_` (as lib/documents/item.ts). */
function jobItem(id: string, values: JobTypeValues, meta: { createdAt: string; createdBy: string; updatedAt: string; actor: string; revision: number }) {
  const fields = { name: values.name, status: values.status, version: values.version, handler: values.handler, description: values.description, type: values.type };
  return {
    ...fields,
    ...documentKey(JOBS_BLUEPRINT, id),
    time_index: timeIndex(JOBS_BLUEPRINT, meta.createdAt, id),
    _id: id,
    _blueprint: JOBS_IRN,
    _blueprint_version: BLUEPRINT_VERSION,
    _revision: meta.revision,
    _search: searchText(fields, id),
    _created_at: meta.createdAt,
    _created_by: meta.createdBy,
    _updated_at: meta.updatedAt,
    _updated_by: meta.actor,
    _params_blueprint: values.paramsBlueprint,
    _schedule: values.schedule,
    _timeout_seconds: values.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
  };
}

export async function listJobTypes(store: JobStore): Promise<JobType[]> {
  const out: JobType[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  try {
    do {
      const page = await store.db.send(
        new QueryCommand({
          TableName: store.table,
          KeyConditionExpression: "portfolio_index = :p AND begins_with(doc_index, :prefix)",
          ExpressionAttributeValues: { ":p": SYS_PORTFOLIO, ":prefix": `${JOBS_BLUEPRINT}#` },
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const job = jobTypeFromItem(item);
        if (job) out.push(job);
      }
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  } catch (err) {
    throw toUpstreamError(err, `reading job types of ${store.env.name}`);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export async function findJobType(store: JobStore, id: string): Promise<JobType | undefined> {
  try {
    const out = await store.db.send(new GetCommand({ TableName: store.table, Key: documentKey(JOBS_BLUEPRINT, id), ConsistentRead: true }));
    return out.Item ? jobTypeFromItem(out.Item) : undefined;
  } catch (err) {
    throw toUpstreamError(err, `reading a job type of ${store.env.name}`);
  }
}

/** By id, or by exact name when the caller (CLI, script) names it. */
export async function resolveJobType(store: JobStore, idOrName: string): Promise<JobType> {
  if (/^[0-9a-f-]{36}$/.test(idOrName)) {
    const job = await findJobType(store, idOrName);
    if (job) return job;
  }
  const named = (await listJobTypes(store)).filter((j) => j.name === idOrName);
  if (named.length === 1 && named[0]) return named[0];
  if (named.length > 1) throw ValidationError.forField("job", `Several job types are named ${idOrName}; use the id.`);
  throw new NotFoundError(`There is no job type ${idOrName} in ${store.env.name}.`);
}

async function assertUniqueName(store: JobStore, name: string, exceptId?: string) {
  const clash = (await listJobTypes(store)).find((j) => j.name.toLowerCase() === name.toLowerCase() && j.id !== exceptId);
  if (clash) throw new ConflictError(`A job type named ${clash.name} already exists.`, { name: ["This name is taken."] });
}

export async function createJobType(store: JobStore, values: JobTypeValues, actor: string, now = new Date()): Promise<JobType> {
  await assertUniqueName(store, values.name);
  const id = randomUUID();
  const at = now.toISOString();
  const item = jobItem(id, values, { createdAt: at, createdBy: actor, updatedAt: at, actor, revision: 1 });
  try {
    await store.db.send(new PutCommand({ TableName: store.table, Item: item, ConditionExpression: "attribute_not_exists(doc_index)" }));
  } catch (err) {
    throw toUpstreamError(err, `saving a job type in ${store.env.name}`);
  }
  const job = jobTypeFromItem(item);
  if (!job) throw new Error("job type item did not read back");
  return job;
}

export async function updateJobType(store: JobStore, id: string, values: JobTypeValues & { revision: number }, actor: string, now = new Date()): Promise<JobType> {
  const current = await findJobType(store, id);
  if (!current) throw new NotFoundError(`There is no job type ${id} in ${store.env.name}.`);
  await assertUniqueName(store, values.name, id);
  const raw = await store.db.send(new GetCommand({ TableName: store.table, Key: documentKey(JOBS_BLUEPRINT, id), ConsistentRead: true }));
  const createdAt = str(raw.Item?._created_at) ?? current.updatedAt ?? now.toISOString();
  const createdBy = str(raw.Item?._created_by) ?? actor;
  const item = jobItem(id, values, { createdAt: createdAt || now.toISOString(), createdBy, updatedAt: now.toISOString(), actor, revision: values.revision + 1 });
  // Attributes the console does not edit (fields a changed blueprint added, written on the documents pages) stay.
  const merged: Record<string, unknown> = { ...(raw.Item ?? {}) };
  for (const [k, v] of Object.entries(item)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  try {
    await store.db.send(
      new PutCommand({
        TableName: store.table,
        Item: merged,
        // An item another writer left without a revision counts as revision 0.
        ConditionExpression: values.revision === 0 ? "attribute_not_exists(#rev) OR #rev = :rev" : "#rev = :rev",
        ExpressionAttributeNames: { "#rev": "_revision" },
        ExpressionAttributeValues: { ":rev": values.revision },
      }),
    );
  } catch (err) {
    if (isAwsError(err, "ConditionalCheckFailedException")) {
      throw new ConflictError("Someone changed this job type since you opened it. Reload and edit again.");
    }
    throw toUpstreamError(err, `saving a job type in ${store.env.name}`);
  }
  const job = jobTypeFromItem(item);
  if (!job) throw new Error("job type item did not read back");
  return job;
}
