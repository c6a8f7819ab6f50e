import "server-only";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { awsErrorCode, awsErrorKind } from "@/lib/aws/errors";
import { listEnvironments } from "@/lib/environments/read";
import { AppError } from "@/lib/http/errors";
import { log } from "@/lib/log/logger";
import { nextSweepDelay, orphansToFail, sweepKeyRange } from "@/lib/jobs/orphan-selection";
import { completeRun } from "@/lib/jobs/runs-write";
import { storeFor, type JobStore } from "@/lib/jobs/store";
import { ORPHANED_REASON } from "@/lib/jobs/stuck";
import { isDraining, trackRun } from "@/lib/server/shutdown";

/**
 * The console fails the runs it stopped waiting for (orphaned: dispatched from
 * here, still `new` past their deadline, e.g. after a restart), in the
 * background, so that no read has to write. Every console server sweeps,
 * shortly after it starts and then about every TT_ORPHAN_SWEEP_SECONDS; the
 * write is completeRun's conditional one, so replicas sweeping at once fail a
 * run once, and a run whose handler answered meanwhile keeps its answer.
 * Cron runs are never failed here (only flagged, for an admin).
 */

/** A sweep of one environment reads at most this many index rows (the rest waits for the next sweep). */
const MAX_ROWS_PER_SWEEP = 2000;
/** The first sweep waits for the server to settle; jittered like the others. */
const FIRST_SWEEP_MS = 10_000;

export type SweepResult = { read: number; failed: string[] };

export async function sweepOrphanedRuns(store: JobStore, now = new Date(), signal?: AbortSignal): Promise<SweepResult> {
  const { partition, lower, upper } = sweepKeyRange(now);
  const rows: Record<string, unknown>[] = [];
  let read = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await store.db.send(
      new QueryCommand({
        TableName: store.table,
        KeyConditionExpression: "portfolio_index = :p AND doc_index BETWEEN :lo AND :hi",
        // Cron runs are only flagged: not worth sending back.
        FilterExpression: "#trigger <> :cron",
        ExpressionAttributeNames: { "#trigger": "trigger" },
        ExpressionAttributeValues: { ":p": partition, ":lo": lower, ":hi": upper, ":cron": "cron" },
        // Newest first: runs orphaned by the last restart come before cron runs left stuck for long.
        ScanIndexForward: false,
        Limit: Math.min(500, MAX_ROWS_PER_SWEEP - read),
        ExclusiveStartKey: start,
      }),
    );
    read += out.ScannedCount ?? 0;
    rows.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start && read < MAX_ROWS_PER_SWEEP && !signal?.aborted);
  const failed: string[] = [];
  for (const id of orphansToFail(rows, now)) {
    if (signal?.aborted) break;
    try {
      // Undefined when the run ended meanwhile (its handler answered, another replica or an admin failed it).
      if (await completeRun(store, id, { status: "failed", reason: ORPHANED_REASON, timeExecuted: new Date(), durationMs: null })) failed.push(id);
    } catch (err) {
      log.warn("orphan sweep: could not fail a run", { environment: store.env.name, run: id, error: errorName(err) });
    }
  }
  return { read, failed };
}

/** AWS error names (never messages, which may echo request details) or our own error class. */
function errorName(err: unknown): string {
  if (err instanceof AppError) return err.name;
  return awsErrorCode(err) ?? (err instanceof Error ? err.name : "unknown");
}

/** One sweep of every registered environment; one environment's failure does not stop the others. */
export async function sweepAllEnvironments(signal?: AbortSignal): Promise<{ environments: number; failed: number }> {
  const envs = await listEnvironments();
  let failed = 0;
  for (const env of envs) {
    if (signal?.aborted) break;
    try {
      const result = await sweepOrphanedRuns(storeFor(env), new Date(), signal);
      failed += result.failed.length;
      if (result.failed.length) log.info("orphan sweep: failed runs the console stopped waiting for", { environment: env.name, runs: result.failed.length });
    } catch (err) {
      // An environment without a data table yet (not provisioned) has no runs: not worth a warning.
      if (awsErrorKind(err) === "missing") log.debug("orphan sweep: no data table", { environment: env.name });
      else log.warn("orphan sweep: could not sweep an environment", { environment: env.name, error: errorName(err) });
    }
  }
  return { environments: envs.length, failed };
}

type Sweeper = { stop: () => void };
const KEY = Symbol.for("tanktower.console.orphanSweep");

/**
 * Starts the periodic sweep (once per process: dev reloads keep one). Timers
 * are unref'd (they never keep the process alive); a sweep never overlaps the
 * previous one; a draining server starts no sweep and aborts the one running
 * (the drain waits for its write in flight).
 */
export function startOrphanSweeps(intervalMs: number, sweep: (signal: AbortSignal) => Promise<unknown> = sweepAllEnvironments, random: () => number = Math.random): Sweeper {
  if (intervalMs <= 0) return { stop: () => undefined };
  const global = globalThis as Record<symbol, unknown>;
  const running = global[KEY] as Sweeper | undefined;
  if (running) return running;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (delayMs: number) => {
    timer = setTimeout(() => void tick(), delayMs);
    timer.unref();
  };
  const tick = async () => {
    if (stopped || isDraining()) return;
    try {
      await trackRun("(orphan sweep)", sweep);
    } catch (err) {
      log.warn("orphan sweep failed", { error: errorName(err) });
    }
    if (!stopped && !isDraining()) schedule(nextSweepDelay(intervalMs, random()));
  };
  const sweeper: Sweeper = {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      if (global[KEY] === sweeper) delete global[KEY];
    },
  };
  global[KEY] = sweeper;
  schedule(nextSweepDelay(Math.min(FIRST_SWEEP_MS, intervalMs), random()));
  return sweeper;
}
