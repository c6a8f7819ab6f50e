/**
 * How a run is sent to the environment's app and how the answer becomes a
 * result. Pure; lib/jobs/dispatch.ts sends it.
 */
export type DispatchOutcome = { status: "executed" | "failed"; output?: string; reason?: string };

/** The app API base URL joined with a job's handler route, without doubled or lost slashes. */
export function handlerUrl(base: string, handler: string): URL {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/${handler.replace(/^\/+/, "")}`;
  return url;
}

const API_GATEWAY_HOST = /^[a-z0-9]+\.execute-api\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;

/** The region to sign for when the URL is an API Gateway endpoint (SigV4, service execute-api); else undefined. */
export function apiGatewayRegion(url: URL): string | undefined {
  return API_GATEWAY_HOST.exec(url.hostname)?.[1];
}

export function outcomeFromResponse(status: number, body: string): DispatchOutcome {
  if (status >= 200 && status < 300) return { status: "executed", output: body };
  const detail = body.trim().slice(0, 300);
  return { status: "failed", output: body, reason: `The handler answered HTTP ${status}${detail ? `: ${detail}` : "."}` };
}

export function outcomeFromError(err: unknown, url: URL, timeoutSeconds: number): DispatchOutcome {
  const name = err instanceof Error ? err.name : "";
  const code = (err as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const where = `${url.protocol}//${url.host}`;
  if (name === "TimeoutError" || name === "AbortError") {
    return { status: "failed", reason: `The handler did not answer within ${timeoutSeconds} s (${where}).` };
  }
  if (code === "ECONNREFUSED") return { status: "failed", reason: `The app is unreachable: ${where} refused the connection.` };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { status: "failed", reason: `The app is unreachable: ${url.hostname} does not resolve.` };
  if (typeof code === "string") return { status: "failed", reason: `The app is unreachable (${code}) at ${where}.` };
  return { status: "failed", reason: `The app could not be called at ${where}.` };
}
