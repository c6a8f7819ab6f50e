import "server-only";
import { recordAudit, type AuditEvent } from "@/lib/audit/record";
import { log } from "@/lib/log/logger";
import type { BulkOutcome } from "@/lib/invites/bulk";
import { finishBeforeExit } from "@/lib/server/shutdown";

/**
 * A bulk run started (or resumed) by a request goes on after the response,
 * and its end is audited on its own: "invite.bulk-finished", a success when
 * every row was done, a failure "interrupted" when its server stopped it with
 * rows left (or "taken-over" when a resume elsewhere took it). A stopping
 * server waits for that record too, as it does for an apply's.
 */
export function continueInBackground(work: () => Promise<BulkOutcome>, event: AuditEvent & { environment: string }): void {
  const runId = event.target;
  finishBeforeExit(
    work()
      .then((outcome) => (outcome === "done" ? recordAudit(event, "success") : recordAudit(event, "failure", outcome)))
      .catch(async (err: unknown) => {
        log.error("bulk invite run failed", { env: event.environment, runId, error: err });
        await recordAudit(event, "failure", "internal").catch(() => {});
      }),
  );
}
