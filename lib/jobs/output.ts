/**
 * A run's output is stored on the run item, which DynamoDB caps at 400 KB. The
 * output is cut (on a UTF-8 character boundary) well below that, with a note,
 * so a chatty handler can never make the write fail.
 */
export const MAX_OUTPUT_BYTES = 300_000;

export type StoredOutput = { text: string; truncated: boolean; originalBytes: number };

export function truncateOutput(output: string, maxBytes = MAX_OUTPUT_BYTES): StoredOutput {
  const bytes = Buffer.from(output, "utf8");
  if (bytes.length <= maxBytes) return { text: output, truncated: false, originalBytes: bytes.length };
  const note = `\n… [output truncated: ${bytes.length} bytes, first ${maxBytes} kept]`;
  const keep = Math.max(0, maxBytes - Buffer.byteLength(note, "utf8"));
  // Walk back to the start of a UTF-8 character (continuation bytes are 10xxxxxx).
  let end = keep;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return { text: bytes.subarray(0, end).toString("utf8") + note, truncated: true, originalBytes: bytes.length };
}

/** What the run list shows of a failure: the first line, short. */
export function summarizeReason(reason: string, max = 200): string {
  const first = reason.split("\n", 1)[0] ?? "";
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}
