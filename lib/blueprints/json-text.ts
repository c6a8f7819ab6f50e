/**
 * JSON in and out, as text: blueprint imports and exports, and the JSON
 * widget's inline errors (the document schema's too). Isomorphic and pure.
 *
 * Parsing: JSON.parse builds the value, but engines disagree on where they
 * say a syntax error is (Node 20 and Safari give no position at all), so a
 * small strict scanner finds the first error itself and reports it as line
 * and column (both 1-based, columns in UTF-16 code units as editors count).
 *
 * Export: one canonical layout, the one the setup document uses: one-space
 * indentation, `irn` and `version` first, other properties of the
 * blueprint and of each field in code-unit order, keys starting with `_` (the
 * document `_id`) last, and a final newline. DynamoDB does not promise to keep
 * the order of an item's attributes, so a fixed order is what lets an export
 * of a stored blueprint equal its source byte for byte.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type JsonSyntaxError = { message: string; line: number; column: number; offset: number };

export type ParsedJson = { ok: true; value: JsonValue } | { ok: false; error: JsonSyntaxError };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Line and column (1-based) of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class ScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Walks the text by the JSON grammar (RFC 8259) and throws at the first error. */
function scan(text: string): void {
  let i = 0;
  const describe = (at: number) => (at >= text.length ? "the end of the text" : `"${text[at]}"`);
  const fail = (expected: string, at = i): never => {
    throw new ScanError(`Expected ${expected} but found ${describe(at)}.`, at);
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text.charAt(i))) i++;
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++) if (text[i + k] !== word[k]) fail(`"${word}"`, i + k);
    i += word.length;
  };
  const digits = () => {
    const start = i;
    while (i < text.length && text.charAt(i) >= "0" && text.charAt(i) <= "9") i++;
    if (i === start) fail("a digit");
  };
  const number = () => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else digits();
    if (text[i] === ".") {
      i++;
      digits();
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      digits();
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) throw new ScanError("This string is not closed: a closing quote is missing.", i);
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 32) throw new ScanError("A string cannot contain a raw line break or control character; write it as \\n or \\t.", i);
      if (c === 92) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new ScanError("\\u must be followed by four hexadecimal digits.", i);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          throw new ScanError(`Unknown escape sequence \\${e ?? ""}.`, i);
        }
        continue;
      }
      i++;
    }
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === "{") {
      i++;
      space();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail(text[i] === "}" ? "another property after the comma (trailing commas are not allowed)" : "a property name in double quotes");
        string();
        space();
        if (text[i] !== ":") fail('":" after the property name');
        i++;
        value();
        space();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail('"," or "}"');
      }
    }
    if (c === "[") {
      i++;
      space();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] === "]") fail("another value after the comma (trailing commas are not allowed)");
        value();
        space();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail('"," or "]"');
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    fail("a value (object, array, string, number, true, false or null)");
  };
  value();
  space();
  if (i < text.length) fail("the end of the text after the JSON value");
}

/** Parses JSON text; a syntax error comes back with its line and column. */
export function parseJsonText(text: string): ParsedJson {
  // A leading byte-order mark is common in files saved by Windows editors.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    scan(source);
  } catch (err) {
    if (!(err instanceof ScanError)) throw err;
    const { line, column } = positionOf(source, err.offset);
    return { ok: false, error: { message: err.message, line, column, offset: err.offset } };
  }
  return { ok: true, value: JSON.parse(source) as JsonValue };
}

/** A syntax error as one line of text: "Invalid JSON at line 3, column 3: Expected ...". */
export function describeJsonError({ line, column, message }: JsonSyntaxError): string {
  return `Invalid JSON at line ${line}, column ${column}: ${message}`;
}

/** The message for JSON text that does not parse, or null when it parses. */
export function jsonTextError(text: string): string | null {
  const parsed = parseJsonText(text);
  return parsed.ok ? null : describeJsonError(parsed.error);
}

const LEADING_KEYS = ["irn", "version"];

function byCanonicalOrder(a: string, b: string): number {
  const ua = a.startsWith("_");
  const ub = b.startsWith("_");
  if (ua !== ub) return ua ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function ordered(value: JsonObject, leading: readonly string[]): JsonObject {
  const first = leading.filter((k) => k in value);
  const rest = Object.keys(value)
    .filter((k) => !first.includes(k))
    .sort(byCanonicalOrder);
  const out: JsonObject = {};
  for (const key of [...first, ...rest]) {
    const v = value[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * Orders the blueprint's and each field's properties. Values inside a field
 * (options, a JSON default) keep their order: options are listed in display
 * order.
 */
function canonical(document: JsonObject): JsonObject {
  const top = ordered(document, LEADING_KEYS);
  if (Array.isArray(top.fields)) top.fields = top.fields.map((f) => (isJsonObject(f) ? ordered(f, []) : f));
  return top;
}

/** The canonical text of a blueprint document (see the module comment). */
export function exportBlueprintText(document: JsonObject): string {
  return `${JSON.stringify(canonical(document), null, 1)}\n`;
}
