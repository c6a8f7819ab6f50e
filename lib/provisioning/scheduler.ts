import type { StepRunStatus } from "@/lib/provisioning/model";

/**
 * Runs tasks as soon as their dependencies are done, independent ones in
 * parallel. A failed task skips everything that depends on it; the rest go on.
 * `concurrency` caps how many run at once (1 runs them one by one, in list
 * order among those ready: the sequential baseline of `npm run bench:provision`).
 */
export type Task = { id: string; dependsOn: string[]; run: () => Promise<void> };
export type TaskUpdate = { id: string; status: StepRunStatus; ms?: number; error?: unknown };
/** `signal`: once aborted, no further task starts (those running finish); the rest end skipped. */
export type RunOptions = { concurrency?: number; signal?: AbortSignal };

export async function runTasks(tasks: Task[], onUpdate: (u: TaskUpdate) => void, opts: RunOptions = {}): Promise<Map<string, StepRunStatus>> {
  const limit = Math.max(1, opts.concurrency ?? Infinity);
  const status = new Map<string, StepRunStatus>(tasks.map((t) => [t.id, "waiting"]));
  const running = new Map<string, Promise<void>>();
  const known = new Set(tasks.map((t) => t.id));
  for (;;) {
    for (const task of tasks) {
      if (status.get(task.id) !== "waiting") continue;
      const deps = task.dependsOn.filter((d) => known.has(d)).map((d) => status.get(d));
      if (deps.some((s) => s === "failed" || s === "skipped")) {
        status.set(task.id, "skipped");
        onUpdate({ id: task.id, status: "skipped" });
        continue;
      }
      if (!deps.every((s) => s === "done") || running.size >= limit || opts.signal?.aborted) continue;
      status.set(task.id, "running");
      onUpdate({ id: task.id, status: "running" });
      const started = performance.now();
      running.set(
        task.id,
        task.run().then(
          () => {
            status.set(task.id, "done");
            onUpdate({ id: task.id, status: "done", ms: Math.round(performance.now() - started) });
          },
          (error: unknown) => {
            status.set(task.id, "failed");
            onUpdate({ id: task.id, status: "failed", ms: Math.round(performance.now() - started), error });
          },
        ).finally(() => running.delete(task.id)),
      );
    }
    if (running.size === 0) {
      // Anything still waiting depends on a skipped task re-checked above, or on nothing runnable.
      const stuck = tasks.filter((t) => status.get(t.id) === "waiting");
      if (stuck.length === 0) break;
      for (const t of stuck) {
        status.set(t.id, "skipped");
        onUpdate({ id: t.id, status: "skipped" });
      }
      break;
    }
    // An abort wakes the loop too, so nothing waits for a task that will not start.
    await Promise.race([...running.values(), ...(opts.signal && !opts.signal.aborted ? [aborted(opts.signal)] : [])]);
  }
  return status;
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
}
