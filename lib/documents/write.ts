import "server-only";
import { randomUUID } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { blueprintForNewDocuments, blueprintOfDocument, type BlueprintRecord } from "@/lib/documents/blueprint-version";
import { StaleDocumentError } from "@/lib/documents/errors";
import { fromItem, toItem, type StoredDocument } from "@/lib/documents/item";
import { docIndex, normalizePath } from "@/lib/documents/keys";
import type { DocumentCreate, DocumentUpdate, DocumentView } from "@/lib/documents/schema";
import { checkSourceValues } from "@/lib/documents/sources";
import { dataTable, type DataTable } from "@/lib/documents/table";
import { locationOf, modelOf, validateValues } from "@/lib/documents/validate";
import { toView } from "@/lib/documents/view";
import { languagesOf, type EnvironmentRecord } from "@/lib/environments/record";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/http/errors";

/**
 * Document writes. Every write is re-validated with the blueprint version the
 * document names, and is conditional: a create only if the id is new, a save
 * or delete only at the revision the caller read (else 409 with the stored
 * version), so concurrent edits never silently overwrite each other.
 */
export type DocRef = { portfolio: string; blueprint: string };

function pathOf(input: string | undefined): string {
  try {
    return normalizePath(input ?? "");
  } catch {
    throw ValidationError.forField("path", "A path is folder names separated by /, without . or .. segments.");
  }
}

async function readItem(table: DataTable, ref: DocRef, id: string): Promise<StoredDocument | undefined> {
  try {
    const out = await table.client.send(
      new GetCommand({ TableName: table.name, Key: { portfolio_index: ref.portfolio, doc_index: docIndex(ref.blueprint, id) }, ConsistentRead: true }),
    );
    return fromItem(out.Item);
  } catch (err) {
    throw toUpstreamError(err, "reading the document");
  }
}

function notFound(ref: DocRef, id: string): NotFoundError {
  return new NotFoundError(`There is no ${ref.blueprint} document ${id} in portfolio ${ref.portfolio}.`);
}

export async function getDocument(env: EnvironmentRecord, ref: DocRef, id: string): Promise<DocumentView> {
  const doc = await readItem(dataTable(env), ref, id);
  if (!doc) throw notFound(ref, id);
  return toView(doc);
}

async function prepare(table: DataTable, ref: DocRef, blueprint: BlueprintRecord, values: Record<string, unknown>) {
  const model = modelOf(blueprint.document, languagesOf(table.env));
  const clean = validateValues(model, values);
  await checkSourceValues(table, ref.portfolio, model, clean);
  return { values: clean, location: locationOf(model, clean) };
}

/** `id` is for seeding fixed examples; the API always lets the server choose. */
export async function createDocument(env: EnvironmentRecord, ref: DocRef, input: DocumentCreate, actor: string, options: { id?: string } = {}): Promise<DocumentView> {
  const table = dataTable(env);
  const blueprint = await blueprintForNewDocuments(env, ref.blueprint);
  const path = pathOf(input.path);
  const { values, location } = await prepare(table, ref, blueprint, input.values);
  const now = new Date().toISOString();
  const doc: StoredDocument = {
    portfolio: ref.portfolio,
    blueprint: ref.blueprint,
    blueprintIrn: blueprint.irn,
    blueprintVersion: blueprint.version,
    id: options.id ?? randomUUID(),
    path,
    revision: 1,
    createdAt: now,
    createdBy: actor,
    updatedAt: now,
    updatedBy: actor,
    values,
  };
  try {
    await table.client.send(new PutCommand({ TableName: table.name, Item: toItem(doc, location), ConditionExpression: "attribute_not_exists(doc_index)" }));
  } catch (err) {
    if (isAwsError(err, "ConditionalCheckFailedException")) throw new ConflictError(`A ${ref.blueprint} document ${doc.id} already exists.`);
    throw toUpstreamError(err, "saving the document");
  }
  return toView(doc);
}

/** The condition of every save and delete: the document still exists at the revision the caller read. */
function atRevision(expected: number) {
  // Documents written outside the console have no revision; the API shows them as revision 0.
  return {
    ConditionExpression: expected === 0 ? "attribute_exists(doc_index) AND attribute_not_exists(#rev)" : "attribute_exists(doc_index) AND #rev = :rev",
    ExpressionAttributeNames: { "#rev": "_revision" },
    ...(expected === 0 ? {} : { ExpressionAttributeValues: { ":rev": expected } }),
  };
}

async function conditional(table: DataTable, ref: DocRef, id: string, what: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (!isAwsError(err, "ConditionalCheckFailedException")) throw toUpstreamError(err, what);
    const current = await readItem(table, ref, id);
    if (!current) throw notFound(ref, id);
    throw new StaleDocumentError(toView(current));
  }
}

export async function updateDocument(env: EnvironmentRecord, ref: DocRef, id: string, input: DocumentUpdate, actor: string): Promise<DocumentView> {
  const table = dataTable(env);
  const current = await readItem(table, ref, id);
  if (!current) throw notFound(ref, id);
  if (current.revision !== input.revision) throw new StaleDocumentError(toView(current));
  const blueprint = await blueprintOfDocument(env, ref.blueprint, current.blueprintIrn, current.blueprintVersion);
  const path = input.path === undefined ? current.path : pathOf(input.path);
  const { values, location } = await prepare(table, ref, blueprint, input.values);
  const doc: StoredDocument = {
    ...current,
    blueprintIrn: blueprint.irn,
    blueprintVersion: blueprint.version,
    path,
    revision: current.revision + 1,
    updatedAt: new Date().toISOString(),
    updatedBy: actor,
    values,
  };
  await conditional(table, ref, id, "saving the document", () =>
    table.client.send(new PutCommand({ TableName: table.name, Item: toItem(doc, location), ...atRevision(input.revision) })),
  );
  return toView(doc);
}

export async function deleteDocument(env: EnvironmentRecord, ref: DocRef, id: string, revision?: number): Promise<void> {
  const table = dataTable(env);
  const current = await readItem(table, ref, id);
  if (!current) throw notFound(ref, id);
  if (revision !== undefined && current.revision !== revision) throw new StaleDocumentError(toView(current));
  await conditional(table, ref, id, "deleting the document", () =>
    table.client.send(
      new DeleteCommand({ TableName: table.name, Key: { portfolio_index: ref.portfolio, doc_index: docIndex(ref.blueprint, id) }, ...atRevision(current.revision) }),
    ),
  );
}
