import "server-only";
import { NotConfiguredError } from "@/lib/http/errors";

/**
 * Graceful stop of the long work this process runs: provisioning applies and
 * bulk invite runs. `drainBackgroundWork` is called on SIGTERM by the server
 * (lib/server/startup.ts) and on Ctrl-C by the CLI (scripts/cli/until-stopped.ts);
 * bulk runs stop between users, recorded "interrupted" with their progress. What is tracked here is by nature this
 * process's own: the runs it executes. Their lock, progress and outcome live
 * in DynamoDB like everything else, so another replica sees them.
 *
 * On drain: no new apply starts here (503, another replica takes it); running
 * ones start no further change, let the ones in flight finish, and end with
 * the rest marked skipped; their locks are released. The next plan, on any
 * replica, holds exactly what was not done (each step is idempotent and
 * records what it created).
 */
type ActiveRun = { environment: string; stop: AbortController; done: Promise<unknown> };

/**
 * Next.js bundles instrumentation.ts (where SIGTERM is handled) apart from the
 * route handlers (where runs start), each with its own copy of this module:
 * the registry lives on globalThis so both copies see the same runs.
 */
type Registry = {
  active: Set<ActiveRun>;
  /** Work that must finish before the process exits, such as a run's audit record and its last event. */
  tails: Set<Promise<unknown>>;
  draining: boolean;
};
const KEY = Symbol.for("tanktower.console.shutdown");
const registry: Registry = ((globalThis as Record<symbol, unknown>)[KEY] as Registry | undefined) ?? { active: new Set(), tails: new Set(), draining: false };
(globalThis as Record<symbol, unknown>)[KEY] = registry;
const { active, tails } = registry;

export class ShuttingDownError extends NotConfiguredError {
  constructor() {
    super("This console server is shutting down. Try again in a moment (another server will take the request).");
  }
}

export function refuseIfDraining(): void {
  if (registry.draining) throw new ShuttingDownError();
}

export function isDraining(): boolean {
  return registry.draining;
}

/** Registers a run; its signal aborts when the process drains. */
export function trackRun<T>(environment: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const stop = new AbortController();
  if (registry.draining) stop.abort();
  const done = run(stop.signal);
  const entry: ActiveRun = { environment, stop, done };
  active.add(entry);
  void done.then(
    () => active.delete(entry),
    () => active.delete(entry),
  );
  return done;
}

/** Holds the process open (within the drain bound) until `work` settles. */
export function finishBeforeExit(work: Promise<unknown>): void {
  const tail = work.then(
    () => undefined,
    () => undefined,
  );
  tails.add(tail);
  void tail.then(() => tails.delete(tail));
}

export type DrainResult = { runs: number; finished: number; abandoned: string[]; ms: number };

/** Stops new applies, asks running ones to stop, and waits for them at most `boundMs`. */
export async function drainBackgroundWork(boundMs: number): Promise<DrainResult> {
  const started = Date.now();
  registry.draining = true;
  const runs = [...active];
  for (const r of runs) r.stop.abort();
  const settled = new Set<ActiveRun>();
  const all = Promise.all(runs.map((r) => r.done.then(() => settled.add(r), () => settled.add(r)))).then(() => Promise.all([...tails]));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([all, new Promise<void>((resolve) => (timer = setTimeout(resolve, boundMs)))]);
  clearTimeout(timer);
  return {
    runs: runs.length,
    finished: settled.size,
    abandoned: runs.filter((r) => !settled.has(r)).map((r) => r.environment),
    ms: Date.now() - started,
  };
}

/** Tests drain and then start again within one process. */
export function resetDrainForTests(): void {
  registry.draining = false;
}
