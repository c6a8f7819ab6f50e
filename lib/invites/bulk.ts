import "server-only";
import { BatchGetCommand, type BatchGetCommandOutput, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { GetSendQuotaCommand } from "@aws-sdk/client-ses";
import { toUpstreamError } from "@/lib/aws/errors";
import { randomUUID } from "node:crypto";
import { AppError, ConflictError, ValidationError } from "@/lib/http/errors";
import { log } from "@/lib/log/logger";
import type { EnvContext } from "@/lib/entities/context";
import { searchIndex } from "@/lib/entities/rows";
import { parseInviteCsv, validateInviteRows, type CsvInviteRow } from "@/lib/invites/csv";
import { findInvite, inviteView, newInviteId, readInvite } from "@/lib/invites/ledger";
import { HEARTBEAT_MS } from "@/lib/invites/liveness";
import { backoffMs, Pacer, quotaCheck, targetRate } from "@/lib/invites/pacing";
import { environmentPool } from "@/lib/invites/pool";
import { runInvite, type RunOptions } from "@/lib/invites/run";
import { inviteUser, mapBounded } from "@/lib/invites/service";
import { isThrottle, nextStep } from "@/lib/invites/steps";
import type { BulkPreview, BulkRowResult } from "@/lib/invites/bulk-schema";
import { claimRun, createRun, putRowResults, readRunForResume, updateRun, type PendingRow, type RunHead } from "@/lib/invites/bulk-store";
import { refuseIfDraining, trackRun } from "@/lib/server/shutdown";

/**
 * Bulk invites: a preview validates every row against the environment (bad
 * email, duplicate in the file, already a user, unknown team) and the SES
 * quota; a run invites the valid rows with bounded concurrency, paced below
 * the account's send rate, backing off and retrying on throttling, and keeps
 * its progress in DynamoDB.
 *
 * A run is driven by the server process that started (or resumed) it, and
 * stops with it the way applies do (lib/server/shutdown.ts): a stopping
 * server starts no further user, lets the users in flight finish all their
 * steps, and records the run "interrupted" with its progress; a resume, on
 * any server, invites the rows left.
 */
export type BulkOptions = { concurrency?: number; sendRate?: number };

/** How a processing attempt ended: every row done; stopped by its server's shutdown (rows left); or taken over by a resume elsewhere. */
export type BulkOutcome = "done" | "interrupted" | "taken-over";

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

/** Creates the run record (and its pending rows) and returns it with a function that does the work (the route does not wait for it). */
export async function startBulk(ctx: EnvContext, csv: string, actor: string, acceptQuota: boolean, opts: BulkOptions = {}) {
  // A stopping server starts no run (another replica takes the request); no pool, no run: refused before anything is recorded.
  refuseIfDraining();
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
  // Each row's invite id is chosen now and stored with the row, so a resume finds the invite a stopped run began.
  const rows: PendingRow[] = preview.rows.map((r) => ({ ...r, inviteId: newInviteId() }));
  const owner = randomUUID();
  await createRun(ctx.env.name, head, rows, owner);
  const rate = opts.sendRate ?? targetRate(preview.quota?.maxSendRate);
  const work = () => trackRun(ctx.env.name, (signal) => processBulk(ctx, head.id, owner, rows, preview.teams, actor, { concurrency: opts.concurrency ?? 8, sendRate: rate }, { processed: 0, invited: 0, failed: 0 }, signal));
  return { preview, head, work };
}

/**
 * Takes over an interrupted run (its server stopped, saying so or not) and
 * returns it with the work that invites the rows left. Rows whose invite the
 * stopped run began continue that invite from its first step not done; none
 * is invited twice. The claim is the write that persists the takeover.
 */
export async function resumeBulk(ctx: EnvContext, runId: string, actor: string, opts: BulkOptions = {}) {
  refuseIfDraining();
  await environmentPool(ctx);
  const { run, takeover, pending } = await readRunForResume(ctx.env.name, runId);
  if (!takeover.ok) throw new ConflictError(takeover.reason === "running" ? "This run is still going on." : "This run has finished; there is nothing left to resume.");
  const owner = randomUUID();
  if (!(await claimRun(ctx.env.name, runId, owner, takeover.expect))) throw new ConflictError("This run was resumed by another request, or its server is still going on.");
  const teams = await teamsByName(ctx);
  const quota = await sendQuota(ctx, pending.length);
  const rate = opts.sendRate ?? targetRate(quota?.maxSendRate);
  const counts = { processed: run.processed, invited: run.invited, failed: run.failed };
  const work = () => trackRun(ctx.env.name, (signal) => processBulk(ctx, runId, owner, pending, teams, actor, { concurrency: opts.concurrency ?? 8, sendRate: rate }, counts, signal));
  const now = new Date().toISOString();
  return { run: { ...run, status: "running" as const, stale: false, heartbeatAt: now, updatedAt: now, finishedAt: null }, work };
}

async function processBulk(
  ctx: EnvContext,
  runId: string,
  owner: string,
  rows: PendingRow[],
  teams: Map<string, string>,
  actor: string,
  opts: Required<BulkOptions>,
  start: { processed: number; invited: number; failed: number },
  signal: AbortSignal,
): Promise<BulkOutcome> {
  const env = ctx.env.name;
  const pool = await environmentPool(ctx);
  const runOpts: RunOptions = { pool, ...(ctx.env.appApiUrl ? { signInUrl: ctx.env.appApiUrl } : {}), invitedBy: actor };
  const pacer = new Pacer(opts.sendRate);
  const pending: BulkRowResult[] = [];
  const counts = { ...start };
  let left = rows.length;
  // Lost ownership (another server resumed the run after this one looked dead): take no further row.
  let owned = true;
  let lastFlush = Date.now();
  const flush = async (force = false) => {
    if (!force && pending.length < 25 && Date.now() - lastFlush < 1_000) return;
    lastFlush = Date.now();
    const batch = pending.splice(0, pending.length);
    await putRowResults(env, runId, batch);
    if (!(await updateRun(env, runId, owner, { ...counts, status: "running" }))) owned = false;
  };
  const beat = setInterval(() => {
    void updateRun(env, runId, owner, {})
      .then((still) => (owned &&= still))
      .catch((err: unknown) => log.warn("bulk heartbeat failed", { env, runId, code: (err as { name?: string }).name }));
  }, HEARTBEAT_MS);
  beat.unref();
  try {
    await mapBounded(rows, opts.concurrency, async (row) => {
      // Between users: a stopping server (or a lost run) starts no further one; the row stays pending for a resume.
      if (!owned || signal.aborted) return;
      const wait = pacer.reserve();
      if (wait > 0) await sleep(wait, signal);
      // Again after waiting for its turn: the run may have stopped (or been taken over) meanwhile.
      if (!owned || signal.aborted) return;
      const result = await inviteRow(ctx, row, teams, actor, runId, runOpts, signal);
      if (!result) return;
      left--;
      counts.processed++;
      if (result.status === "invited") counts.invited++;
      else counts.failed++;
      pending.push(result);
      await flush().catch((err: unknown) => log.warn("bulk progress write failed", { env, runId, code: (err as { name?: string }).name }));
    });
  } finally {
    clearInterval(beat);
    // Whatever happened, the run ends visibly with what it did, if it is still ours to end: done, or
    // interrupted with rows left (a shutdown; or a failure here, whose rows a resume can still invite).
    await putRowResults(env, runId, pending.splice(0, pending.length));
    const end = left === 0 ? { status: "done" as const } : { status: "interrupted" as const };
    owned = owned && (await updateRun(env, runId, owner, { ...counts, ...end, finishedAt: new Date().toISOString() }));
  }
  if (!owned) return "taken-over";
  return left === 0 ? "done" : "interrupted";
}

/**
 * One row: its invite continued when the run (or a stopped earlier attempt)
 * already began it, started otherwise. Null when the server began stopping while the row waited out throttling:
 * the row stays pending and a resume continues its invite from the step that
 * failed. Once its invite starts, its steps all run (each is idempotent and
 * recorded on the invite, so a resume after a kill mid-row repeats none that
 * was recorded).
 */
async function inviteRow(ctx: EnvContext, row: PendingRow, teams: Map<string, string>, actor: string, runId: string, runOpts: RunOptions, signal: AbortSignal): Promise<BulkRowResult | null> {
  const teamId = row.team ? teams.get(row.team.toLowerCase()) : undefined;
  const input = { email: row.email, ...(row.name ? { name: row.name } : {}), teams: teamId ? [{ id: teamId, role: row.role }] : [] };
  try {
    const begun = await findInvite(ctx.env.name, row.inviteId);
    let invite = begun ? inviteView(nextStep(begun.steps) ? await runInvite(ctx, begun, runOpts) : begun) : await inviteUser(ctx, input, actor, runId, runOpts, row.inviteId);
    for (let attempt = 0; invite.failure && isThrottle(invite.failure.code) && attempt < 6; attempt++) {
      await sleep(backoffMs(attempt), signal);
      if (signal.aborted) return null;
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

/** Ends early when the server begins stopping. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
