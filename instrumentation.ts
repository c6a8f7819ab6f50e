/**
 * Runs once when a console server process starts (next start, or the
 * standalone server.js of the image), before it takes requests.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First: a server that must not start (weak secret, sandbox settings in AWS mode) stops here.
  const { startServer } = await import("@/lib/server/startup");
  startServer();
  const { installMethodGuard } = await import("@/lib/http/method-guard");
  installMethodGuard();
}
