import "server-only";
import { config } from "@/lib/config/env";
import { startupProblems } from "@/lib/config/startup-check";
import { startOrphanSweeps } from "@/lib/jobs/orphan-sweep";
import { log } from "@/lib/log/logger";
import { drainBackgroundWork } from "@/lib/server/shutdown";

/**
 * Server start (instrumentation.ts): refuse to run in AWS mode with a weak
 * secret or sandbox settings, start the background sweep of orphaned job runs,
 * and stop gracefully on SIGTERM. Next.js exits
 * at once on SIGTERM unless NEXT_MANUAL_SIG_HANDLE is set (the Dockerfile sets
 * it), in which case this handler decides when the process ends.
 */
export function startServer(): void {
  const problems = startupProblems(process.env);
  if (problems.length) {
    // Plain stderr, not the JSON log: this is read by a person looking at why the container will not start.
    process.stderr.write(`TankTower Console refuses to start in AWS mode:\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
    process.exit(1);
  }
  const { mode, shutdownGraceMs, orphanSweepMs } = config();
  // Runs the console stopped waiting for are failed here, in the background, never by a read.
  startOrphanSweeps(orphanSweepMs);
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) {
    log.warn("NEXT_MANUAL_SIG_HANDLE is not set: on SIGTERM, Next.js exits at once and running applies and bulk invite runs stop mid-step (applies resume on the next plan, bulk runs show interrupted and resume)", { mode });
    return;
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping: no new applies or bulk invite runs; running ones finish the steps (users) in flight", { signal, graceMs: shutdownGraceMs });
    void drainBackgroundWork(shutdownGraceMs).then(
      (result) => {
        log.info("stopped", { signal, ...result });
        // A moment for the last bytes of finished responses to leave the socket.
        setTimeout(() => process.exit(0), 250);
      },
      (err: unknown) => {
        log.error("stopping failed", { signal, error: err });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
