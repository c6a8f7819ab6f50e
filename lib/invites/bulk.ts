import "server-only";
import { BatchGetCommand, type BatchGetCommandOutput, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { GetSendQuotaCommand } from "@aws-sdk/client-ses";
import { toUpstreamError } from "@/lib/aws/errors";
import { AppError, ValidationError } from "@/lib/http/errors";
import { log } from "@/lib/log/logger";
import type { EnvContext } from "@/lib/entities/context";
import { searchIndex } from "@/lib/entities/rows";
import { parseInviteCsv, validateInviteRows, type CsvInviteRow } from "@/lib/invites/csv";
import { inviteView, newInviteId, readInvite } from "@/lib/invites/ledger";
import { backoffMs, Pacer, quotaCheck, targetRate } from "@/lib/invites/pacing";
import { environmentPool } from "@/lib/invites/pool";
import { runInvite, type RunOptions } from "@/lib/invites/run";
import { inviteUser, mapBounded } from "@/lib/invites/service";
import { isThrottle } from "@/lib/invites/steps";
import type { BulkPreview, BulkRowResult } from "@/lib/invites/bulk-schema";
import { createRun, putRowResults, updateRun, type RunHead } from "@/lib/invites/bulk-store";

/**
 * Bulk invites: a preview validates every row against the environment (bad
 * email, duplicate in the file, already a user, unknown team) and the SES
 * quota; a run invites the valid rows with bounded concurrency, paced below
 * the account's send rate, backing off and retrying on throttling, and keeps
 * its progress in DynamoDB.
 */
export type BulkOptions = { concurrency?: number; sendRate?: number };

export async function teamsByName(ctx: EnvContext): Promise<Map<string, string>> {
  const teams = new Map<string, string>();
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  try {
    do {
      const out = await ctx.clients.documents.send(
        new QueryCommand({ TableName: ctx.tables.entities, KeyConditionExpression: "#i = :i", ExpressionAttributeNames: { "#i": "index" }, ExpressionAttributeValues: { ":i": searchIndex("team") }, ExclusiveStartKey }),
      );
      for (const row of out.Items ?? []) {
        if (typeof row.entity_id !== "string" || row.archived === "true") continue;
        if (typeof row.name === "string") teams.set(row.name.toLowerCase(), row.entity_id);
        if (typeof row.handle === "string") teams.set(row.handle.toLowerCase(), row.entity_id);
      }
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  } catch (err) {
    throw toUpstreamError(err, "reading teams");
  }
  return teams;
}

async function existingEmails(ctx: EnvContext, emails: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < emails.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = emails.slice(i, i + 100).map((e) => ({ index: "email", _id: e }));
    for (let attempt = 0; keys && keys.length > 0 && attempt < 8; attempt++) {
      const out: BatchGetCommandOutput = await ctx.clients.documents.send(new BatchGetCommand({ RequestItems: { [ctx.tables.entities]: { Keys: keys, ProjectionExpression: "#i", ExpressionAttributeNames: { "#i": "_id" } } } }));
      for (const row of out.Responses?.[ctx.tables.entities] ?? []) if (typeof row._id === "string") found.add(row._id);
      keys = out.UnprocessedKeys?.[ctx.tables.entities]?.Keys;
    }
  }
  return found;
}

export async function sendQuota(ctx: EnvContext, planned: number): Promise<BulkPreview["quota"]> {
  try {
    const out = await ctx.clients.sesClassic.send(new GetSendQuotaCommand({}));
    return { ...quotaCheck(out.Max24HourSend ?? -1, out.SentLast24Hours ?? 0, planned), maxSendRate: out.MaxSendRate ?? 1 };
  } catch (err) {
    log.warn("SES quota unavailable", { env: ctx.env.name, code: (err as { name?: string }).name });
    return null;
  }
}

export async function previewBulk(ctx: EnvContext, csv: string): Promise<BulkPreview & { teams: Map<string, string>; rows: CsvInviteRow[] }> {
  const parsed = parseInviteCsv(csv);
  const emails = parsed.rows.map((r) => (r.email ?? "").trim().toLowerCase()).filter(Boolean);
  const [teams, existing] = await Promise.all([teamsByName(ctx), existingEmails(ctx, [...new Set(emails)])]);
  const { valid, problems } = validateInviteRows(parsed.rows, { existingEmails: existing, knownTeams: new Set(teams.keys()) });
  const quota = await sendQuota(ctx, valid.length);
  return { valid, problems: [...parsed.problems, ...problems], quota, teams, rows: valid };
}

/** Creates the run record and returns it with a function that does the work (the route does not wait for it). */
export async function startBulk(ctx: EnvContext, csv: string, actor: string, acceptQuota: boolean, opts: BulkOptions = {}) {
  // No pool, no run: refused before anything is recorded.
  await environmentPool(ctx);
  const preview = await previewBulk(ctx, csv);
  if (preview.quota?.wouldExceed && !acceptQuota) {
    throw ValidationError.forField("acceptQuota", `This run would send ${preview.valid.length} emails; the SES account has ${preview.quota.remaining} left in its 24-hour quota.`);
  }
  const now = new Date().toISOString();
  const head: RunHead = {
    id: newInviteId(),
    status: preview.rows.length ? "running" : "done",
    total: preview.rows.length,
    processed: 0,
    invited: 0,
    failed: 0,
    problems: preview.problems.slice(0, 500),
    createdAt: now,
    createdBy: actor,
    updatedAt: now,
    finishedAt: preview.rows.length ? null : now,
  };
  await createRun(ctx.env.name, head);
  const rate = opts.sendRate ?? targetRate(preview.quota?.maxSendRate);
  const work = () => processBulk(ctx, head.id, preview.rows, preview.teams, actor, { concurrency: opts.concurrency ?? 8, sendRate: rate });
  return { preview, head, work };
}

async function processBulk(ctx: EnvContext, runId: string, rows: CsvInviteRow[], teams: Map<string, string>, actor: string, opts: Required<BulkOptions>): Promise<void> {
  const env = ctx.env.name;
  const pool = await environmentPool(ctx);
  const runOpts: RunOptions = { pool, ...(ctx.env.appApiUrl ? { signInUrl: ctx.env.appApiUrl } : {}), invitedBy: actor };
  const pacer = new Pacer(opts.sendRate);
  const pending: BulkRowResult[] = [];
  const counts = { processed: 0, invited: 0, failed: 0 };
  let lastFlush = Date.now();
  const flush = async (force = false) => {
    if (!force && pending.length < 25 && Date.now() - lastFlush < 1_000) return;
    lastFlush = Date.now();
    const batch = pending.splice(0, pending.length);
    await putRowResults(env, runId, batch);
    await updateRun(env, runId, { ...counts });
  };
  try {
    await mapBounded(rows, opts.concurrency, async (row) => {
      const result = await inviteRow(ctx, row, teams, actor, runId, runOpts, pacer);
      counts.processed++;
      if (result.status === "invited") counts.invited++;
      else counts.failed++;
      pending.push(result);
      await flush().catch((err: unknown) => log.warn("bulk progress write failed", { env, runId, code: (err as { name?: string }).name }));
    });
  } finally {
    // Whatever happened, the run ends visibly with what it did.
    await flush(true);
    await updateRun(env, runId, { status: "done", finishedAt: new Date().toISOString() });
  }
}

async function inviteRow(ctx: EnvContext, row: CsvInviteRow, teams: Map<string, string>, actor: string, runId: string, runOpts: RunOptions, pacer: Pacer): Promise<BulkRowResult> {
  const teamId = row.team ? teams.get(row.team.toLowerCase()) : undefined;
  const input = { email: row.email, ...(row.name ? { name: row.name } : {}), teams: teamId ? [{ id: teamId, role: row.role }] : [] };
  const wait = pacer.reserve();
  if (wait > 0) await sleep(wait);
  try {
    let invite = await inviteUser(ctx, input, actor, runId, runOpts);
    for (let attempt = 0; invite.failure && isThrottle(invite.failure.code) && attempt < 6; attempt++) {
      await sleep(backoffMs(attempt));
      invite = await (async () => {
        const record = await readInvite(ctx.env.name, invite.id);
        return inviteView(await runInvite(ctx, record, runOpts));
      })();
    }
    if (invite.failure) return { line: row.line, email: row.email, status: "failed", inviteId: invite.id, reason: invite.failure.reason };
    return { line: row.line, email: row.email, status: "invited", inviteId: invite.id };
  } catch (err) {
    const reason = err instanceof AppError ? err.message : "The invite could not be started.";
    return { line: row.line, email: row.email, status: "failed", reason };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
