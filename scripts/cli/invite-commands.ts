import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { audited } from "@/lib/audit/record";
import { ValidationError } from "@/lib/http/errors";
import { fromZodError } from "@/lib/http/respond";
import { environmentContext } from "@/lib/entities/context";
import { resumeBulk, startBulk, teamsByName } from "@/lib/invites/bulk";
import type { BulkRun } from "@/lib/invites/bulk-schema";
import { readRun } from "@/lib/invites/bulk-store";
import { inviteCreateSchema } from "@/lib/invites/schema";
import { inviteUser } from "@/lib/invites/service";
import { untilStopped } from "./until-stopped";
import type { Command } from "./commands";
import { table } from "./format";

/** `tt invite`: one user, or a CSV file (the same bulk run the console starts, waited for here). */
export function makeInviteCommands(actor: () => string): Command[] {
  const invite: Command = {
    name: "invite",
    help: "invite <env> <email> [--name N] [--team T] [--role member|admin|owner] [--json] | invite <env> --csv FILE [--json] | invite <env> --resume RUN [--json]",
    async run(args) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { name: { type: "string" }, team: { type: "string" }, role: { type: "string" }, csv: { type: "string" }, resume: { type: "string" } },
      });
      const env = positionals[0];
      if (!env) throw ValidationError.forField("env", "Name the environment: tt invite <env> <email>.");
      const ctx = await environmentContext(env);
      if (values.csv) {
        let csv: string;
        try {
          csv = readFileSync(values.csv, "utf8");
        } catch {
          throw ValidationError.forField("csv", `Cannot read ${values.csv}.`);
        }
        const { head, work } = await audited({ actor: actor(), action: "invite.bulk", environment: env, target: values.csv }, () => startBulk(ctx, csv, actor(), true));
        await untilStopped(work);
        return bulkReport(env, await readRun(env, head.id));
      }
      if (values.resume) {
        // A run whose server (or CLI process) stopped: the rows left, none invited twice.
        const runId = values.resume;
        const { work } = await audited({ actor: actor(), action: "invite.bulk-resume", environment: env, target: `bulk:${runId}` }, () => resumeBulk(ctx, runId, actor()));
        await untilStopped(work);
        return bulkReport(env, await readRun(env, runId));
      }
      let teams: { id: string; role: string }[] = [];
      if (values.team) {
        const id = (await teamsByName(ctx)).get(values.team.toLowerCase());
        if (!id) throw ValidationError.forField("team", `There is no team named ${values.team}.`);
        teams = [{ id, role: values.role ?? "member" }];
      }
      const parsed = inviteCreateSchema.safeParse({ email: positionals[1] ?? "", name: values.name, teams });
      if (!parsed.success) throw fromZodError(parsed.error, "invite");
      const result = await audited({ actor: actor(), action: "invite.create", environment: env, target: `invite:${parsed.data.email}` }, () => inviteUser(ctx, parsed.data, actor()));
      const text = result.failure
        ? `Invite ${result.id} for ${result.email} stopped at the ${result.failure.step} step: ${result.failure.reason}`
        : `Invited ${result.email} (invite ${result.id}); the temporary password went by email and expires ${result.expiresAt ?? "later"}.`;
      return { text, data: result, exitCode: result.failure ? 3 : 0 };
    },
  };
  return [invite];
}

function bulkReport(env: string, run: BulkRun) {
  const rows = [
    ...run.problems.map((p) => [String(p.line), p.email ?? "", "skipped", p.message]),
    ...run.results.map((r) => [String(r.line), r.email, r.status, r.reason ?? ""]),
  ].sort((a, b) => Number(a[0]) - Number(b[0]));
  const stopped = run.status === "interrupted" ? ` Interrupted with ${run.left} ${run.left === 1 ? "row" : "rows"} left: tt invite ${env} --resume ${run.id}` : "";
  const text = [`${run.invited} invited, ${run.failed} failed, ${run.problems.length} skipped (run ${run.id}).${stopped}`, rows.length ? table(["LINE", "EMAIL", "RESULT", "REASON"], rows) : ""].join("\n");
  return { text, data: run, exitCode: run.status === "interrupted" ? 4 : run.failed || run.problems.length ? 3 : 0 };
}
