import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { config } from "@/lib/config/env";
import { ValidationError } from "@/lib/http/errors";
import { getEnvironment } from "@/lib/environments/read";
import { SANDBOX_ENVIRONMENT } from "@/lib/environments/sandbox";
import { updateEnvironment } from "@/lib/environments/write";
import { executeRun } from "@/lib/jobs/dispatch";
import { ensureSandboxAppFunction } from "@/lib/jobs/sandbox-function";
import { getRun, listRuns } from "@/lib/jobs/runs-read";
import { seedSandboxJobs } from "@/lib/jobs/sandbox-seed";
import { runQuerySchema } from "@/lib/jobs/schema";
import { jobStore } from "@/lib/jobs/store";
import { triggerRun } from "@/lib/jobs/trigger";
import { runPageUrl } from "@/lib/jobs/run-page";
import { fromZodError } from "@/lib/http/respond";
import { table } from "./format";
import type { Command } from "./command-types";

/** `tt run`, `tt runs` and `tt sandbox jobs`: the job dashboard's services from a terminal. */
function parseParams(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the message below
  }
  throw ValidationError.forField("params", 'Pass --params as a JSON object, e.g. --params \'{"seconds": 2}\'.');
}

/**
 * Calls the run's handler from a detached process (dispatch-run.ts) that outlives
 * this command, with the same Node options (tsx, the react-server condition).
 */
function dispatchDetached(env: string, runId: string): void {
  const script = fileURLToPath(new URL("./dispatch-run.ts", import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, script, env, runId], { detached: true, stdio: "ignore", env: process.env });
  child.unref();
}

export function makeJobCommands(actor: () => string): Command[] {
  const run: Command = {
    name: "run",
    help: "run <env> <job> [--params JSON] [--wait] [--json]   Queue a job run (by name or id) and print its id and page; with --wait, wait for its end and exit 1 if it failed",
    async run(args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { params: { type: "string" }, wait: { type: "boolean" } } });
      const [env, job] = positionals;
      if (!env || !job) throw new ValidationError("Usage: run <env> <job> [--params JSON] [--wait]");
      const store = await jobStore(env);
      const triggered = await triggerRun(store, { job, params: parseParams(values.params) }, { author: actor(), trigger: "manual" });
      if (!values.wait) {
        // Queued: the handler is called by a process of its own; this command answers at once.
        if (triggered.created) dispatchDetached(env, triggered.run._id);
        const queued = triggered.detail;
        const page = runPageUrl(config().publicOrigin, env, queued.id);
        return { text: `Run ${queued.id} of ${queued.jobName}: ${queued.status === "new" ? "queued" : queued.status}\n${page}`, data: { ...queued, page } };
      }
      // With --wait the handler is called from this process and the command ends with the run.
      await executeRun(store, triggered.run, triggered.job);
      const detail = await getRun(store, triggered.run._id);
      const page = runPageUrl(config().publicOrigin, env, detail.id);
      const lines = [`Run ${detail.id} of ${detail.jobName}: ${detail.status}${detail.durationMs !== null ? ` in ${detail.durationMs} ms` : ""}`, page];
      if (detail.reason) lines.push(`Reason: ${detail.reason}`);
      if (detail.output) lines.push(detail.output.length > 2000 ? `${detail.output.slice(0, 2000)}…` : detail.output);
      return { text: lines.join("\n"), data: { ...detail, page }, exitCode: detail.status === "failed" ? 1 : 0 };
    },
  };

  const runs: Command = {
    name: "runs",
    help: "runs <env> [--status S] [--job ID] [--trigger T] [--author A] [--limit N] [--json]   Recent runs, newest first",
    async run(args) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { status: { type: "string" }, job: { type: "string" }, trigger: { type: "string" }, author: { type: "string" }, limit: { type: "string" } },
      });
      const env = positionals[0];
      if (!env) throw new ValidationError("Usage: runs <env> [--status S]");
      const query = runQuerySchema.safeParse({ ...values, limit: values.limit ?? 25 });
      if (!query.success) throw fromZodError(query.error, "query");
      const page = await listRuns(await jobStore(env), query.data);
      const text = page.items.length
        ? table(["RUN", "JOB", "STATUS", "TRIGGER", "AUTHOR", "QUEUED", "MS"], page.items.map((r) => [r.id, r.jobName, r.orphaned ? `${r.status} (orphaned)` : r.stuck ? `${r.status} (stuck)` : r.status, r.trigger, r.authorName ? `${r.authorName} <${r.author}>` : r.author, r.timeQueued, r.durationMs === null ? "-" : String(r.durationMs)]))
        : "No runs match.";
      return { text, data: page };
    },
  };

  const sandboxJobs: Command = {
    name: "sandbox jobs",
    help: "sandbox jobs --app-url URL [--json]   (npm run dev does this) Point the sandbox at the sample app; sample job types and 60 days of runs",
    async run(args) {
      const { values } = parseArgs({ args, options: { "app-url": { type: "string" } } });
      const appUrl = values["app-url"];
      if (!appUrl) throw ValidationError.forField("app-url", "Pass --app-url (the sample app's URL).");
      const env = await getEnvironment(SANDBOX_ENVIRONMENT);
      // A function for schedules to target (the emulator never runs it), set once unless one is set already.
      const functionArn = env.appFunctionArn ? undefined : await ensureSandboxAppFunction(env);
      if (env.appApiUrl !== appUrl || functionArn) {
        await updateEnvironment(env.name, { appApiUrl: appUrl, ...(functionArn ? { appFunctionArn: functionArn } : {}), version: env.version }, actor());
      }
      const seeded = await seedSandboxJobs(await jobStore(SANDBOX_ENVIRONMENT));
      const text = [
        `Sandbox app API: ${appUrl}`,
        ...(functionArn ? [`Sandbox app function (for schedules): ${functionArn}`] : []),
        seeded.jobsCreated ? `Created ${seeded.jobsCreated} sample job types.` : "Sample job types are there.",
        seeded.runsWritten ? `Wrote ${seeded.runsWritten} historic runs.` : "Run history is there.",
      ].join("\n");
      return { text, data: { appUrl, ...seeded } };
    },
  };

  return [run, runs, sandboxJobs];
}
