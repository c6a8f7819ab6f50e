/**
 * Runs once when a console server starts (next start, or the standalone
 * server.js of the image), before it takes requests.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("@/lib/server/startup");
  startServer();
}
