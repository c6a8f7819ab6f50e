import "server-only";
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from "@/lib/http/errors";

/**
 * Request bodies: JSON only, and never more than the operation's cap in
 * memory. A declared Content-Length over the cap is refused before anything
 * is read; a body without one (chunked) is counted while it streams and the
 * stream is cancelled the moment it passes the cap.
 */
export function declaredLength(headers: Headers): number | undefined {
  const raw = headers.get("content-length");
  if (raw === null || !/^\d+$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

/** Refuses a body whose declared length is over the cap, without reading it. */
export function assertDeclaredLengthWithin(headers: Headers, maxBytes: number): void {
  const length = declaredLength(headers);
  if (length !== undefined && length > maxBytes) throw new PayloadTooLargeError(maxBytes);
}

function hasBody(request: Request): boolean {
  const length = declaredLength(request.headers);
  if (length !== undefined) return length > 0;
  return request.body !== null && request.headers.has("transfer-encoding");
}

/** `application/json`, with or without parameters (charset); `+json` types are not accepted. */
export function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const type = value.split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new PayloadTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

const INVALID_JSON = () => new ValidationError("The request body is not valid JSON.", { body: ["Not valid JSON."] });

/**
 * The parsed JSON body, or `{}` when the request has none (so an operation
 * whose fields are all optional can be called without a body).
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  assertDeclaredLengthWithin(request.headers, maxBytes);
  if (!request.body || !hasBody(request)) return {};
  if (!isJsonContentType(request.headers.get("content-type"))) {
    await request.body.cancel().catch(() => undefined);
    throw new UnsupportedMediaTypeError();
  }
  const bytes = await readCapped(request.body, maxBytes);
  if (bytes.byteLength === 0) return {};
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw INVALID_JSON();
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw INVALID_JSON();
  }
}
