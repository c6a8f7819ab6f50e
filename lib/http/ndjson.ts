import { ApiError } from "@/lib/http/client";
import type { ErrorBody } from "@/lib/http/errors";

/**
 * POSTs and reads an NDJSON answer line by line (provisioning progress).
 * An error answer before the stream starts becomes an ApiError as usual.
 */
export async function postNdjson<E>(path: string, body: unknown, onEvent: (event: E) => void, signal?: AbortSignal): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal });
  } catch {
    throw new ApiError(0, "network", "The console server did not answer. Check that it is running.");
  }
  if (!response.ok || !response.body) {
    const payload = (await response.json().catch(() => undefined)) as ErrorBody | undefined;
    const e = payload?.error;
    throw new ApiError(response.status, e?.code ?? "internal", e?.message ?? `The server answered ${response.status}.`, e?.fieldErrors ?? {}, e?.requestId);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value, { stream: !done });
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line) onEvent(JSON.parse(line) as E);
      newline = buffer.indexOf("\n");
    }
    if (done) break;
  }
  if (buffer.trim()) onEvent(JSON.parse(buffer) as E);
}
