import "server-only";
import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { awsErrorCode, toUpstreamError } from "@/lib/aws/errors";
import { ConflictError } from "@/lib/http/errors";
import { conflictingField, type WriteOp } from "@/lib/entities/rows";
import type { EnvContext } from "@/lib/entities/context";

type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]["TransactItems"]>;
type TransactItem = TransactItems[number];

const MESSAGES: Record<string, string> = {
  email: "This email address already belongs to another entity of this environment.",
  handle: "This handle is already taken in this environment.",
  cognito: "This Cognito user is already linked to another entity.",
  version: "Someone else changed this entity since you opened it. Reload to see their change.",
  team: "The team does not exist (or was removed).",
  id: "This entity already exists, or no longer matches what you read.",
};

export function toTransactItems(ctx: EnvContext, ops: readonly WriteOp[]): TransactItems {
  return ops.map((op): TransactItem => {
    const TableName = ctx.tables[op.table];
    if (op.kind === "put") {
      if (op.condition === "absent") return { Put: { TableName, Item: op.item, ConditionExpression: "attribute_not_exists(#k)", ExpressionAttributeNames: { "#k": op.table === "rel" ? "rel" : "_id" } } };
      if (op.condition) {
        return { Put: { TableName, Item: op.item, ConditionExpression: "#v = :v", ExpressionAttributeNames: { "#v": "_version" }, ExpressionAttributeValues: { ":v": op.condition.version } } };
      }
      return { Put: { TableName, Item: op.item } };
    }
    if (op.kind === "delete") {
      if (op.ownedBy) {
        // A uniqueness row is removed only while it still points at this entity.
        return { Delete: { TableName, Key: op.key, ConditionExpression: "attribute_not_exists(#k) OR #e = :e", ExpressionAttributeNames: { "#k": "_id", "#e": "entity_id" }, ExpressionAttributeValues: { ":e": op.ownedBy } } };
      }
      return { Delete: { TableName, Key: op.key } };
    }
    return { ConditionCheck: { TableName, Key: op.key, ConditionExpression: "attribute_exists(#k) AND attribute_not_exists(#a)", ExpressionAttributeNames: { "#k": "_id", "#a": "archived" } } };
  });
}

/** Runs writes as one transaction; a failed condition answers 409 naming the field. */
export async function transact(ctx: EnvContext, ops: readonly WriteOp[], what: string): Promise<void> {
  if (ops.length === 0) return;
  try {
    await ctx.clients.documents.send(new TransactWriteCommand({ TransactItems: toTransactItems(ctx, ops) }));
  } catch (err) {
    if (awsErrorCode(err) === "TransactionCanceledException") {
      const reasons = ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code);
      const field = conflictingField(ops, reasons);
      if (field) throw new ConflictError(MESSAGES[field] ?? MESSAGES.id ?? "Conflict.", { [field]: [MESSAGES[field] ?? "Already taken."] });
    }
    throw toUpstreamError(err, what);
  }
}
