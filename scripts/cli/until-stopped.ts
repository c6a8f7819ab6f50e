import { config } from "@/lib/config/env";
import { drainBackgroundWork } from "@/lib/server/shutdown";

/**
 * Runs `work` so that Ctrl-C (or SIGTERM) stops it the way a stopping console
 * server does, through the same drain: a provisioning apply starts no further
 * change and lets the ones in flight finish (the next plan holds the rest); a
 * bulk invite run invites no further user and is recorded interrupted, to be
 * resumed. The listeners are one-shot: a second Ctrl-C exits at once.
 */
export async function untilStopped<T>(work: () => Promise<T>): Promise<T> {
  const stop = () => void drainBackgroundWork(config().shutdownGraceMs);
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    return await work();
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}
