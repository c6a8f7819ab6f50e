/**
 * Where JSON text breaks, as line and column (1-based). JSON.parse's messages
 * differ between engines and older V8 gives no position at all ("Unexpected
 * token '}', ... is not valid JSON"), so a small strict scanner finds the first
 * offending character itself. Used for inline JSON widget errors and for
 * malformed blueprint imports.
 */

export type JsonErrorPosition = { line: number; column: number; offset: number };

class JsonScanner {
  i = 0;
  constructor(private readonly text: string) {}

  fail(): never {
    throw this.i;
  }
  space() {
    while (/[ \t\n\r]/.test(this.text[this.i] ?? "")) this.i++;
  }
  literal(word: string) {
    for (const ch of word) {
      if (this.text[this.i] !== ch) this.fail();
      this.i++;
    }
  }
  string() {
    this.i++; // opening quote
    for (;;) {
      const ch = this.text[this.i];
      if (ch === undefined || ch < " ") this.fail();
      if (ch === '"') return void this.i++;
      if (ch === "\\") {
        this.i++;
        const esc = this.text[this.i] ?? "";
        if (esc === "u") {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(this.text[this.i + k] ?? "")) {
              this.i += k;
              this.fail();
            }
          }
          this.i += 4;
        } else if (!'"\\/bfnrt'.includes(esc) || esc === "") this.fail();
      }
      this.i++;
    }
  }
  number() {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i));
    if (!match || match[0] === "-") this.fail();
    this.i += match[0].length;
  }
  value() {
    this.space();
    const ch = this.text[this.i];
    if (ch === "{") return this.container("}", true);
    if (ch === "[") return this.container("]", false);
    if (ch === '"') return this.string();
    if (ch === "t") return this.literal("true");
    if (ch === "f") return this.literal("false");
    if (ch === "n") return this.literal("null");
    if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) return this.number();
    this.fail();
  }
  container(close: string, keyed: boolean) {
    this.i++;
    this.space();
    if (this.text[this.i] === close) return void this.i++;
    for (;;) {
      if (keyed) {
        this.space();
        if (this.text[this.i] !== '"') this.fail();
        this.string();
        this.space();
        if (this.text[this.i] !== ":") this.fail();
        this.i++;
      }
      this.value();
      this.space();
      const next = this.text[this.i];
      this.i++;
      if (next === close) return;
      if (next !== ",") {
        this.i--;
        this.fail();
      }
    }
  }
}

/** The position of the first syntax error in `text`, or null when it is valid JSON. */
export function locateJsonError(text: string): JsonErrorPosition | null {
  const scanner = new JsonScanner(text);
  try {
    scanner.value();
    scanner.space();
    if (scanner.i < text.length) scanner.fail();
    return null;
  } catch (offset) {
    if (typeof offset !== "number") throw offset;
    const before = text.slice(0, offset).split("\n");
    return { offset, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  }
}

/** "Invalid JSON at line 2, column 5" (or "Invalid JSON" if the scanner disagrees with JSON.parse). */
export function jsonErrorMessage(text: string): string {
  const at = locateJsonError(text);
  return at ? `Invalid JSON at line ${at.line}, column ${at.column}` : "Invalid JSON";
}
