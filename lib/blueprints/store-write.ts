import "server-only";
import { DeleteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { ConflictError, ValidationError } from "@/lib/http/errors";
import type { JsonObject } from "@/lib/blueprints/json-text";
import { draftFrom, editBlocker, nextVersion, openDraft } from "@/lib/blueprints/lifecycle";
import { orderOf, fieldsOf } from "@/lib/blueprints/raw-fields";
import { itemFromRecord, type BlueprintRecord } from "@/lib/blueprints/record";
import { blueprintsTable, getVersion, knownBlueprints, queryVersions } from "@/lib/blueprints/store-read";
import type { Bump } from "@/lib/blueprints/versions";
import { errorsOf, toFieldErrors, validateBlueprint, type BlueprintIssue } from "@/lib/blueprints/validate";

/**
 * Writes of `<env>_blueprints`. Every write is conditional: a new version only
 * if that (irn, version) is absent; a draft's save, publish and delete only at
 * the revision the editor loaded and only while it is still a draft. So two
 * editors never silently overwrite each other (409), and a final version
 * never changes.
 */
type Saved = { record: BlueprintRecord; issues: BlueprintIssue[] };

function client(env: EnvironmentRecord) {
  return clientsForEnvironment(env).documents;
}

function duplicateOrders(document: JsonObject): number[] {
  const seen = new Set<number>();
  const repeated = new Set<number>();
  for (const f of fieldsOf(document)) {
    const o = orderOf(f);
    if (Number.isFinite(o)) (seen.has(o) ? repeated : seen).add(o);
  }
  return [...repeated];
}

async function checked(env: EnvironmentRecord, document: JsonObject, options: { verbatim?: boolean; base?: JsonObject }): Promise<BlueprintIssue[]> {
  const irn = typeof document.irn === "string" ? document.irn : undefined;
  const issues = validateBlueprint(document, {
    known: await knownBlueprints(env, irn),
    importedVerbatim: options.verbatim,
    inheritedDuplicateOrders: options.base ? duplicateOrders(options.base) : [],
  });
  const errors = errorsOf(issues);
  if (errors.length) {
    const first = errors[0]?.message ?? "";
    throw new ValidationError(errors.length === 1 ? first : `${first} (and ${errors.length - 1} more)`, toFieldErrors(issues));
  }
  return issues.filter((i) => i.severity === "warning");
}

const stale = (irn: string, version: string) =>
  new ConflictError(`${irn} ${version} was changed by someone else since you opened it. Reload it to see their version, then edit again.`);

/** Writes a version that must not exist yet. */
async function putNew(env: EnvironmentRecord, record: BlueprintRecord): Promise<void> {
  try {
    await client(env).send(
      new PutCommand({ TableName: blueprintsTable(env), Item: itemFromRecord(record), ConditionExpression: "attribute_not_exists(irn)" }),
    );
  } catch (err) {
    if (isAwsError(err, "ConditionalCheckFailedException")) throw new ConflictError(`${record.irn} already has a version ${record.version}.`, { version: [`Version ${record.version} already exists.`] });
    throw toUpstreamError(err, "saving the blueprint");
  }
}

/** The condition of every change to an existing version: still a draft, at the expected revision. */
function atDraftRevision(expected: number) {
  return {
    ConditionExpression: "attribute_exists(irn) AND #status = :draft AND " + (expected === 0 ? "(attribute_not_exists(#rev) OR #rev = :rev)" : "#rev = :rev"),
    ExpressionAttributeNames: { "#status": "status", "#rev": "_revision" },
    ExpressionAttributeValues: { ":draft": "draft", ":rev": expected },
  };
}

async function conditional(irn: string, version: string, what: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (isAwsError(err, "ConditionalCheckFailedException")) throw stale(irn, version);
    throw toUpstreamError(err, what);
  }
}

function newRecord(document: JsonObject, actor: string): BlueprintRecord {
  return {
    irn: String(document.irn),
    version: String(document.version),
    status: document.status === "final" ? "final" : "draft",
    revision: 1,
    updatedAt: new Date().toISOString(),
    updatedBy: actor,
    document,
  };
}

/**
 * A new blueprint, or a version imported as it is. A draft needs the
 * blueprint to have no open draft already.
 */
export async function createBlueprint(env: EnvironmentRecord, input: { document: JsonObject; verbatim: boolean }, actor: string): Promise<Saved> {
  // Only a verbatim import keeps the status it brings (a final seed stays final); anything designed here starts as a draft.
  const document = input.verbatim ? input.document : { ...input.document, status: "draft" };
  const issues = await checked(env, document, { verbatim: input.verbatim });
  const record = newRecord(document, actor);
  const existing = await queryVersions(env, record.irn);
  const draft = openDraft(existing);
  if (record.status === "draft" && draft) {
    throw new ConflictError(`${record.irn} already has an open draft (${draft.version}); edit or delete it first.`);
  }
  await putNew(env, record);
  return { record, issues };
}

/** Starts the next version from an existing one (editing a final version starts here). */
export async function startVersion(
  env: EnvironmentRecord,
  irn: string,
  input: { from: string; bump: Bump; document?: JsonObject },
  actor: string,
): Promise<Saved> {
  const versions = await queryVersions(env, irn);
  const base = versions.find((v) => v.version === input.from) ?? (await getVersion(env, irn, input.from));
  const draft = openDraft(versions);
  if (draft) throw new ConflictError(`${irn} already has an open draft (${draft.version}); edit or delete it before starting another.`);
  const version = nextVersion(versions, input.bump);
  const document = draftFrom(base.document, version, input.document);
  const issues = await checked(env, document, { base: base.document });
  const record = newRecord(document, actor);
  await putNew(env, record);
  return { record, issues };
}

export async function updateDraft(
  env: EnvironmentRecord,
  irn: string,
  version: string,
  input: { document: JsonObject; revision: number },
  actor: string,
): Promise<Saved> {
  const current = await getVersion(env, irn, version);
  const blocker = editBlocker(current.status);
  if (blocker) throw new ConflictError(blocker);
  if (current.revision !== input.revision) throw stale(irn, version);
  // The key and the status are not the editor's to change here: publish does the latter.
  const document: JsonObject = { ...input.document, irn, version, status: "draft" };
  const issues = await checked(env, document, { base: current.document });
  const record: BlueprintRecord = { ...current, document, revision: current.revision + 1, updatedAt: new Date().toISOString(), updatedBy: actor };
  await conditional(irn, version, "saving the blueprint", () =>
    client(env).send(new PutCommand({ TableName: blueprintsTable(env), Item: itemFromRecord(record), ...atDraftRevision(input.revision) })),
  );
  return { record, issues };
}

/** Draft → final, after validating it once more against today's other blueprints. */
export async function publishVersion(env: EnvironmentRecord, irn: string, version: string, revision: number, actor: string): Promise<Saved> {
  const current = await getVersion(env, irn, version);
  if (current.status === "final") throw new ConflictError(`${irn} ${version} is already final.`);
  if (current.revision !== revision) throw stale(irn, version);
  const document: JsonObject = { ...current.document, status: "final" };
  const issues = await checked(env, document, { base: current.document });
  const record: BlueprintRecord = { ...current, status: "final", document, revision: current.revision + 1, updatedAt: new Date().toISOString(), updatedBy: actor };
  await conditional(irn, version, "publishing the blueprint", () =>
    client(env).send(new PutCommand({ TableName: blueprintsTable(env), Item: itemFromRecord(record), ...atDraftRevision(revision) })),
  );
  return { record, issues };
}

export async function deleteDraft(env: EnvironmentRecord, irn: string, version: string, revision: number): Promise<void> {
  const current = await getVersion(env, irn, version);
  if (current.status === "final") throw new ConflictError(`${irn} ${version} is final; final versions are never deleted.`);
  if (current.revision !== revision) throw stale(irn, version);
  await conditional(irn, version, "deleting the draft", () =>
    client(env).send(new DeleteCommand({ TableName: blueprintsTable(env), Key: { irn, version }, ...atDraftRevision(revision) })),
  );
}
