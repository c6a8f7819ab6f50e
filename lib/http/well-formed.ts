import { ValidationError } from "@/lib/http/errors";

/**
 * JSON may carry `\ud800`: a lone UTF-16 surrogate, which is not text in any
 * encoding AWS accepts (DynamoDB, Cognito and SES need valid UTF-8). It is
 * refused at the door, naming the field, instead of failing later inside an
 * AWS call as an unreadable upstream error.
 */
const MESSAGE = "Must be valid Unicode text (it holds a lone surrogate, such as \\ud800).";

/** The dotted path of the first string (key or value) that is not well-formed Unicode, if any. */
export function firstMalformedText(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === "string") return value.isWellFormed() ? undefined : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstMalformedText(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (!key.isWellFormed()) return [...path, key.toWellFormed()];
      const found = firstMalformedText(inner, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Throws a 400 naming the field (or `where` for the input as a whole) when some text is not well-formed. */
export function assertWellFormedText(value: unknown, where: string): void {
  const path = firstMalformedText(value);
  if (path) throw ValidationError.forField(path.length ? path.join(".") : where, MESSAGE);
}
