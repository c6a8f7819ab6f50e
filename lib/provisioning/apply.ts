import "server-only";
import { CallLog, withCallLog } from "@/lib/aws/call-log";
import { toUpstreamError } from "@/lib/aws/errors";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { ConflictError } from "@/lib/http/errors";
import { log } from "@/lib/log/logger";
import { acquireProvisioningLock } from "@/lib/provisioning/lock";
import type { Plan, PlannedChange, ProvisionEvent } from "@/lib/provisioning/model";
import { computePlan } from "@/lib/provisioning/plan";
import { valueOf } from "@/lib/provisioning/probe";
import { policyArn, readEnvironmentState, type EnvironmentState } from "@/lib/provisioning/read-state";
import { updateProvisioningRecord } from "@/lib/provisioning/record";
import { renderContextOf } from "@/lib/provisioning/render-context";
import { runTasks, type RunOptions } from "@/lib/provisioning/scheduler";
import { forgetChecklistRead } from "@/lib/provisioning/service";
import { refuseIfDraining, trackRun } from "@/lib/server/shutdown";
import { chooseBucketName, requestEmailIdentity } from "@/lib/provisioning/steps/bucket-and-email";
import { createClient, createPool, updateClientFlows } from "@/lib/provisioning/steps/cognito";
import type { ApplyContext, StepExecutor } from "@/lib/provisioning/steps/context";
import { attachPolicy, createPolicy, createRole, putInlinePolicy, updatePolicy, updateTrust } from "@/lib/provisioning/steps/iam";
import { createTable, enableExpiry, putBlueprint } from "@/lib/provisioning/steps/tables";

/**
 * Apply: re-plan under a per-environment lock, refuse if the plan is not the
 * one the operator confirmed, then run the changes in dependency order
 * (independent ones in parallel), reporting progress. Idempotent and
 * resumable: each step records what it created, and the next run plans only
 * what is still missing. A finished environment plans nothing, so a re-run
 * makes no mutating call at all (not even the lock).
 */
const EXECUTORS: Record<string, StepExecutor> = {
  "installer.inline-policy": putInlinePolicy,
  "table.create": createTable,
  "table.expiry": enableExpiry,
  "pool.create": createPool,
  "client.create": createClient,
  "client.update": updateClientFlows,
  "bucket.name": chooseBucketName,
  "policy.create": createPolicy,
  "policy.update": updatePolicy,
  "role.create": createRole,
  "role.attach": attachPolicy,
  "role.trust": updateTrust,
  "email.create": requestEmailIdentity,
  "blueprint.put": putBlueprint,
};

function executorFor(change: PlannedChange): { run: StepExecutor; arg: string } {
  // Ids are "<kind>" or "<kind>:<argument>"; an argument (an irn) may itself contain colons.
  const colon = change.id.indexOf(":");
  const kind = colon < 0 ? change.id : change.id.slice(0, colon);
  const run = EXECUTORS[kind];
  if (!run) throw new Error(`no executor for ${change.id}`);
  return { run, arg: colon < 0 ? change.resource : change.id.slice(colon + 1) };
}

function applyContext(state: EnvironmentState): ApplyContext {
  const render = renderContextOf(state);
  return {
    env: state.env,
    names: state.names,
    aws: clientsForEnvironment(state.env),
    render,
    installer: valueOf(state.installer),
    userPoolId: valueOf(state.pool)?.id,
    policyArn: policyArn(render.partition ?? "aws", render.accountId, state.names.policyName),
  };
}

/** `retries`: attempts the SDK repeated (throttling, 5xx); `interrupted`: the server stopped the run early (lib/server/shutdown.ts). */
export type ProvisionResult = { ok: boolean; ms: number; awsCalls: number; mutatingCalls: number; retries: number; failed: string[]; interrupted: boolean; plan: Plan };

export type PreparedProvision = { plan: Plan; run: (emit: (e: ProvisionEvent) => void, opts?: RunOptions) => Promise<ProvisionResult> };

/** Checks the confirmed plan and takes the lock; errors here (409, 423) come before any progress. */
export async function prepareProvision(
  env: EnvironmentRecord,
  fingerprint: string,
  holder: string,
  opts: { sequential?: boolean } = {},
): Promise<PreparedProvision> {
  refuseIfDraining();
  const calls = new CallLog();
  // The bench's baseline: the same run, every AWS call (reads included) one after the other.
  calls.serial = Boolean(opts.sequential);
  const started = performance.now();
  const first = await withCallLog(calls, async () => computePlan(await readEnvironmentState(env)));
  if (first.fingerprint !== fingerprint) {
    throw new ConflictError(`${env.name} changed since that plan was made. Review the new plan, then apply it.`);
  }
  const finish = (plan: Plan, failed: string[], interrupted = false): ProvisionResult => ({
    ok: failed.length === 0,
    ms: Math.round(performance.now() - started),
    awsCalls: calls.total,
    mutatingCalls: calls.mutating,
    retries: calls.retries,
    failed,
    interrupted,
    plan,
  });
  const doneEvent = (r: ProvisionResult): ProvisionEvent => ({
    type: "done",
    ok: r.ok,
    ms: r.ms,
    awsCalls: r.awsCalls,
    mutatingCalls: r.mutatingCalls,
    retries: r.retries,
    failed: r.failed,
    ...(r.interrupted ? { interrupted: true } : {}),
  });
  if (first.changes.length === 0) {
    return {
      plan: first,
      run: async (emit) => {
        emit({ type: "start", environment: env.name, changes: [] });
        const result = finish(first, []);
        emit(doneEvent(result));
        return result;
      },
    };
  }
  const lock = await acquireProvisioningLock(env.name, holder);
  try {
    // Another run may have finished between the first read and the lock.
    const state = await withCallLog(calls, () => readEnvironmentState(env));
    const plan = computePlan(state);
    if (plan.fingerprint !== fingerprint) {
      throw new ConflictError(`${env.name} changed since that plan was made. Review the new plan, then apply it.`);
    }
    return {
      plan,
      run: async (emit, runOpts) => {
        const run = async (signal: AbortSignal) => {
          try {
            const opts = { ...(calls.serial ? { concurrency: 1 } : runOpts), signal };
            const failed = await withCallLog(calls, () => execute(state, plan, emit, opts));
            const result = finish(plan, failed, signal.aborted);
            emit(doneEvent(result));
            return result;
          } finally {
            // A checklist read that started during the run may have missed its changes.
            forgetChecklistRead(env.name);
            await lock.release();
          }
        };
        return trackRun(env.name, run);
      },
    };
  } catch (err) {
    await lock.release();
    throw err;
  }
}

async function execute(state: EnvironmentState, plan: Plan, emit: (e: ProvisionEvent) => void, opts: RunOptions = {}): Promise<string[]> {
  const ctx = applyContext(state);
  emit({ type: "start", environment: state.env.name, changes: plan.changes.map((c) => ({ id: c.id, step: c.step, title: c.title, dependsOn: c.dependsOn })) });
  const byId = new Map(plan.changes.map((c) => [c.id, c]));
  const statuses = await runTasks(
    plan.changes.map((c) => {
      const { run, arg } = executorFor(c);
      return { id: c.id, dependsOn: c.dependsOn, run: () => run(ctx, arg) };
    }),
    (u) => {
      let message: string | undefined;
      if (u.status === "failed") {
        const title = byId.get(u.id)?.title ?? u.id;
        message = toUpstreamError(u.error, `"${title}"`).message;
        log.warn("provisioning step failed", { environment: state.env.name, change: u.id, error: u.error });
      }
      if (u.status === "skipped") {
        message = opts.signal?.aborted
          ? "Not started: the run was stopped (a server shutting down, or Ctrl-C in tt). Plan again to finish."
          : "Skipped: a step it depends on did not finish.";
      }
      emit({ type: "change", id: u.id, status: u.status, ms: u.ms, message });
    },
    opts,
  );
  const failed = [...statuses].filter(([, s]) => s === "failed" || s === "skipped").map(([id]) => id);
  if (failed.length === 0) await updateProvisioningRecord(state.env.name, { lastAppliedAt: new Date().toISOString() });
  return failed;
}
