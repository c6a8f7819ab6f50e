import "server-only";
import { randomUUID } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { AppError } from "@/lib/http/errors";
import { log } from "@/lib/log/logger";
import { ensureRegistryTable, registryTableName } from "@/lib/registry/table";
import type { AuditOutcome, AuditRecord } from "@/lib/audit/schema";

export type AuditEvent = {
  actor: string;
  action: string;
  environment?: string;
  target: string;
  requestId?: string;
};

export function auditItem(event: AuditEvent, outcome: AuditOutcome, errorCode: string | undefined, now = new Date()) {
  const at = now.toISOString();
  const id = randomUUID();
  const sk = `${at}#${id}`;
  const record: AuditRecord = {
    id,
    at,
    actor: event.actor,
    action: event.action,
    environment: event.environment ?? null,
    target: event.target,
    outcome,
    errorCode: errorCode ?? null,
    requestId: event.requestId ?? null,
  };
  return {
    pk: "AUDIT",
    sk,
    ...(event.environment ? { gsi1pk: `AUDIT#ENV#${event.environment}`, gsi1sk: sk } : {}),
    ...record,
  };
}

export async function recordAudit(event: AuditEvent, outcome: AuditOutcome, errorCode?: string): Promise<void> {
  try {
    await ensureRegistryTable();
    await homeClients().documents.send(
      new PutCommand({ TableName: registryTableName(), Item: auditItem(event, outcome, errorCode) }),
    );
  } catch (err) {
    // The action itself already happened (or failed); losing its audit line must be loud.
    log.error("audit write failed", { action: event.action, target: event.target, error: err });
  }
}

/**
 * Runs an action and records its outcome, whatever it is. The event is read
 * after the action, so an action can name what it created.
 */
export async function audited<T>(event: AuditEvent | (() => AuditEvent), action: () => Promise<T>): Promise<T> {
  const current = () => (typeof event === "function" ? event() : event);
  try {
    const result = await action();
    await recordAudit(current(), "success");
    return result;
  } catch (err) {
    const code = err instanceof AppError ? err.code : "internal";
    await recordAudit(current(), code === "forbidden" ? "denied" : "failure", code);
    throw err;
  }
}
