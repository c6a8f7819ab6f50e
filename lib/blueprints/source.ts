/**
 * A field's `source`: `<blueprint name>:<value field>:<label field>`, e.g.
 * `schd_jobs:_id:name`: the select's options are documents of that blueprint,
 * stored by value field and shown by label field.
 */
export type FieldSource = { blueprint: string; valueField: string; labelField: string };

const PART = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function parseSource(source: string | undefined, warn: (message: string) => void): FieldSource | null {
  const text = (source ?? "").trim();
  if (!text) return null;
  const [blueprint = "", valueField = "", labelField = "", ...rest] = text.split(":");
  if (rest.length || ![blueprint, valueField, labelField].every((part) => PART.test(part))) {
    warn(`Source "${text}" is not <blueprint>:<value field>:<label field>: ignored.`);
    return null;
  }
  return { blueprint, valueField, labelField };
}

export function formatSource(source: FieldSource): string {
  return `${source.blueprint}:${source.valueField}:${source.labelField}`;
}

/** One choice of a source-backed select: the value stored and the label shown. */
export type SourceOption = { value: string; label: string };
export type SourcePage = { items: SourceOption[]; nextCursor: string | null };

/**
 * Searches the documents of `blueprint` for a source-backed select, one page at
 * a time (`cursor` null for the first). The search should also match a value
 * exactly, so that a stored value can be shown by its label.
 */
export type SourceSearch = (
  blueprint: string,
  valueField: string,
  labelField: string,
  query: string,
  cursor: string | null,
) => Promise<SourcePage>;
