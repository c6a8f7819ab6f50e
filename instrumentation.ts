/** Runs once when a console server process starts (Next.js instrumentation hook). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installMethodGuard } = await import("@/lib/http/method-guard");
  installMethodGuard();
}
