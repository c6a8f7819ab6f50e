import { parseArgs } from "node:util";
import { recordAudit } from "@/lib/audit/record";
import { getEnvironment } from "@/lib/environments/read";
import { AppError, ValidationError } from "@/lib/http/errors";
import { prepareProvision } from "@/lib/provisioning/apply";
import type { Plan, ProvisionEvent } from "@/lib/provisioning/model";
import { getChecklist, planEnvironment, planWithStatus } from "@/lib/provisioning/service";
import { table } from "./format";
import { untilStopped } from "./until-stopped";
import type { Command } from "./commands";

function envArg(args: string[], options: Record<string, { type: "boolean" }> = {}) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  const name = positionals[0];
  if (!name) throw ValidationError.forField("env", "Name the environment.");
  return { name, values };
}

function planText(plan: Plan): string {
  if (plan.changes.length === 0) return `${plan.environment}: nothing to change.`;
  const lines = [`${plan.environment}: ${plan.changes.length} change(s)  (plan ${plan.fingerprint})`];
  for (const c of plan.changes) {
    lines.push(`  [${c.step}] ${c.title}`);
    for (const g of c.grants.slice(0, 8)) lines.push(`        grants ${g}`);
    if (c.grants.length > 8) lines.push(`        … and ${c.grants.length - 8} more grants`);
    for (const d of c.diff) lines.push(`        ${d}`);
  }
  for (const w of plan.warnings) lines.push(`  ! ${w}`);
  return lines.join("\n");
}

export function makeProvisioningCommands(actor: () => string): Command[] {
  const status: Command = {
    name: "status",
    help: "status <env> [--json]                  The provisioning checklist, read live from AWS",
    async run(args) {
      const { name } = envArg(args);
      const checklist = await getChecklist(await getEnvironment(name));
      const text = table(["STEP", "STATUS", "SUMMARY"], checklist.rows.map((r) => [r.id, r.status, r.summary]));
      const open = checklist.rows.filter((r) => r.status === "missing" || r.status === "drifted" || r.status === "blocked").length;
      return { text: `${text}\n\nRead in ${checklist.readMs} ms.`, data: checklist, exitCode: open ? 3 : 0 };
    },
  };

  const plan: Command = {
    name: "plan",
    help: "plan <env> [--json]                    What provisioning would change (JSON: changes count, per-step status)",
    async run(args) {
      const { name } = envArg(args);
      const env = await getEnvironment(name);
      const { plan: p, steps } = await planWithStatus(env);
      await recordAudit({ actor: actor(), action: "provisioning.plan", environment: name, target: name }, "success");
      return { text: planText(p), data: { environment: name, changes: p.changes.length, fingerprint: p.fingerprint, steps, items: p.changes, warnings: p.warnings } };
    },
  };

  const provision: Command = {
    name: "provision",
    help: "provision <env> --yes [--json]         Plan and apply (without --yes: show the plan only)",
    async run(args) {
      const { name, values } = envArg(args, { yes: { type: "boolean" } });
      const env = await getEnvironment(name);
      const p = await planEnvironment(env);
      if (!values.yes) {
        return { text: `${planText(p)}\n\nNothing was changed. Run again with --yes to apply this plan.`, data: { applied: false, changes: p.changes.length, fingerprint: p.fingerprint }, exitCode: p.changes.length ? 2 : 0 };
      }
      const events: ProvisionEvent[] = [];
      const titles = new Map(p.changes.map((c) => [c.id, `[${c.step}] ${c.title}`]));
      const json = process.argv.includes("--json");
      const audit = { actor: actor(), action: "provisioning.apply", environment: name, target: name };
      // Ctrl-C stops the apply the way a stopping server does: the changes in flight finish, the rest wait for the next plan.
      // The audit record says how it ended, as the console's apply stream records it.
      const failure = async (err: unknown): Promise<never> => {
        await recordAudit(audit, "failure", err instanceof AppError ? err.code : "internal");
        throw err;
      };
      const prepared = await prepareProvision(env, p.fingerprint, actor()).catch(failure);
      const result = await untilStopped(() =>
        prepared.run((e) => {
          events.push(e);
          if (!json && e.type === "change" && e.status !== "waiting") {
            process.stderr.write(`${e.status.padEnd(8)} ${titles.get(e.id) ?? e.id}${e.ms !== undefined ? ` (${e.ms} ms)` : ""}${e.message ? `: ${e.message}` : ""}\n`);
          }
        }),
      ).catch(failure);
      await recordAudit(audit, result.ok && !result.interrupted ? "success" : "failure", result.interrupted ? "interrupted" : result.ok ? undefined : "step_failed");
      const summary = result.interrupted
        ? `${name}: stopped; ${p.changes.length - result.failed.length} of ${p.changes.length} change(s) done, ${result.failed.length} left. Run \`tt provision ${name} --yes\` again to finish.`
        : result.ok
          ? `${name}: ${p.changes.length} change(s) applied in ${result.ms} ms (${result.awsCalls} AWS calls, ${result.mutatingCalls} mutating, ${result.retries} retried).`
          : `${name}: ${result.failed.length} change(s) did not finish: ${result.failed.join(", ")}. Fix the cause and run again to continue.`;
      return {
        text: summary,
        data: { applied: true, ok: result.ok, interrupted: result.interrupted, changes: p.changes.length, ms: result.ms, awsCalls: result.awsCalls, mutatingCalls: result.mutatingCalls, retries: result.retries, failed: result.failed, events },
        exitCode: result.interrupted ? 4 : result.ok ? 0 : 1,
      };
    },
  };
  return [status, plan, provision];
}
