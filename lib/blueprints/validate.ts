import { isJsonObject, type JsonObject, type JsonValue } from "@/lib/blueprints/json-text";
import { DYNAMODB_ITEM_LIMIT, formatBytes, itemSize, utf8Bytes } from "@/lib/blueprints/item-size";
import { fieldName, fieldTitle, fieldsOf, optionsOf, orderOf, parseSource, text } from "@/lib/blueprints/raw-fields";
import { isSemver } from "@/lib/blueprints/versions";
import { normalizeType, normalizeWidget, VALUE_TYPES, WIDGET_KINDS } from "@/lib/blueprints/widgets";

/**
 * Blueprint validation: every problem is reported with the path of the
 * property it is about (`fields.3.options`, for the editor to put it beside
 * the input) and a message that names the field. Errors block a save;
 * warnings are shown and the blueprint is saved as it is (the seed
 * blueprints have several quirks the TankTower app relies on). Pure.
 */
export type Severity = "error" | "warning";

export type BlueprintIssue = { path: string; message: string; severity: Severity };

/** Another blueprint of the environment, as far as a `source` needs it. */
export type KnownBlueprint = { name: string; fields: readonly string[] };

export type ValidateOptions = {
  /** The latest version of every other blueprint of the environment. */
  known?: readonly KnownBlueprint[];
  /**
   * The blueprint comes verbatim from elsewhere (an import marked verbatim, or
   * a stored version): repeated orders are kept as warnings, not errors.
   */
  importedVerbatim?: boolean;
  /** Orders already repeated in the version this one derives from are inherited, not new mistakes. */
  inheritedDuplicateOrders?: readonly number[];
  /** Languages configured on the environment (multilingual fields store one value per language). */
  languages?: readonly string[];
};

export const FIELD_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
export const BLUEPRINT_NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** Attributes of a document item in `<env>_data` that a field value must not overwrite. */
export const RESERVED_FIELD_NAMES = ["portfolio_index", "doc_index", "time_index", "path_index", "geo_index"] as const;

/** The widgets and value types the renderer knows (its registry); another widget renders as text with a warning. */
export const KNOWN_WIDGETS = WIDGET_KINDS;
export const KNOWN_TYPES = VALUE_TYPES;
const SELECT_WIDGETS: readonly string[] = ["select", "multi-select"];

/** A blueprint item keeps room under the 400 KB DynamoDB limit for the console's own attributes. */
export const BLUEPRINT_SIZE_LIMIT = DYNAMODB_ITEM_LIMIT - 8 * 1024;
export const MAX_FIELDS = 1000;
/**
 * Field names are repeated in every document (and per language in a
 * multilingual field), so they may take at most a quarter of a document item;
 * the rest is for values.
 */
export const DOCUMENT_NAME_BUDGET = DYNAMODB_ITEM_LIMIT / 4;

const SYSTEM_SOURCE_FIELDS = ["_id"];

export function validateBlueprint(document: JsonValue, options: ValidateOptions = {}): BlueprintIssue[] {
  const issues: BlueprintIssue[] = [];
  const error = (path: string, message: string) => issues.push({ path, message, severity: "error" });
  const warn = (path: string, message: string) => issues.push({ path, message, severity: "warning" });

  if (!isJsonObject(document)) {
    error("", "A blueprint is a JSON object with irn, version, name, label and fields.");
    return issues;
  }
  validateHeader(document, error);

  if (!Array.isArray(document.fields)) {
    error("fields", "fields must be a list of fields.");
    return issues;
  }
  if (document.fields.length === 0) error("fields", "A blueprint needs at least one field.");
  if (document.fields.length > MAX_FIELDS) error("fields", `A blueprint has at most ${MAX_FIELDS} fields; this one has ${document.fields.length}.`);

  const ownName = text(document.name);
  const known = new Map((options.known ?? []).filter((b) => b.name !== ownName).map((b) => [b.name, new Set(b.fields)]));
  known.set(ownName, new Set(fieldsOf(document).map(fieldName)));

  const names = new Map<string, number>();
  const orders = new Map<number, number[]>();
  document.fields.forEach((raw, index) => {
    const at = `fields.${index}`;
    if (!isJsonObject(raw)) {
      error(at, `Row ${index + 1} is not a field object.`);
      return;
    }
    const title = fieldTitle(raw, index);
    validateField(raw, at, title, { error, warn });

    const name = fieldName(raw);
    const lower = name.toLowerCase();
    const first = names.get(lower);
    if (name && first !== undefined) {
      error(`${at}.name`, `${title}: the name is already used by the field in row ${first + 1}; field names must be unique (case-insensitively).`);
    } else if (name) names.set(lower, index);

    const order = orderOf(raw);
    if (Number.isFinite(order)) orders.set(order, [...(orders.get(order) ?? []), index]);

    validateSource(raw, at, title, ownName, known, { error, warn });
  });

  for (const [order, rows] of orders) {
    if (rows.length < 2) continue;
    const fieldsList = rows.map((r) => `“${fieldName(fieldsOf(document)[r] ?? {}) || `row ${r + 1}`}”`).join(", ");
    const tolerated = options.importedVerbatim || (options.inheritedDuplicateOrders ?? []).includes(order);
    for (const row of rows.slice(1)) {
      const message = `${fieldTitle(document.fields[row] as JsonObject, row)}: order ${order} is shared by ${fieldsList}`;
      if (tolerated) warn(`fields.${row}.order`, `${message}; kept as imported (ties keep the declared order).`);
      else error(`fields.${row}.order`, `${message}; give each field its own order.`);
    }
  }

  validateSize(document, options.languages ?? ["en"], error);
  return issues;
}

type Report = (path: string, message: string) => void;

function validateHeader(document: JsonObject, error: Report): void {
  if (typeof document.irn !== "string" || !/^irn:blueprint:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/.test(document.irn)) {
    error("irn", "irn must look like irn:blueprint:<handle>:<name>.");
  }
  if (typeof document.version !== "string" || !isSemver(document.version)) {
    error("version", "version must be a semantic version such as 0.0.1.");
  }
  if (typeof document.name !== "string" || !BLUEPRINT_NAME_PATTERN.test(document.name)) {
    error("name", "name must start with a lowercase letter and use lowercase letters, digits and _ (at most 64).");
  }
  if (typeof document.label !== "string" || document.label.trim() === "") error("label", "label is required.");
  if (document.status !== "draft" && document.status !== "final") error("status", "status must be draft or final.");
}

function validateField(field: JsonObject, at: string, title: string, report: { error: Report; warn: Report }): void {
  const { error, warn } = report;
  const name = field.name;
  if (typeof name !== "string" || name === "") error(`${at}.name`, `${title}: a name is required.`);
  else if (!FIELD_NAME_PATTERN.test(name)) {
    error(`${at}.name`, `${title}: a name starts with a letter and uses letters, digits and _ (at most 64).`);
  } else if ((RESERVED_FIELD_NAMES as readonly string[]).includes(name)) {
    error(`${at}.name`, `${title}: ${name} is a key of the documents table; choose another name.`);
  }
  if (typeof field.label !== "string" || field.label.trim() === "") error(`${at}.label`, `${title}: a label is required.`);

  const type = text(field.type);
  if (!type) error(`${at}.type`, `${title}: a type is required.`);
  else if (!normalizeType(type)) warn(`${at}.type`, `${title}: type “${type}” is not known; values are kept as text.`);

  // Aliases the renderer accepts (multiselect, toggle …) count as the widget they stand for.
  const declared = text(field.widget);
  const widget = normalizeWidget(declared) ?? declared;
  if (!widget) error(`${at}.widget`, `${title}: a widget is required.`);
  else if (!normalizeWidget(widget)) warn(`${at}.widget`, `${title}: widget “${widget}” is not known; it renders as text.`);

  if (field.options !== undefined) {
    if (!isJsonObject(field.options)) error(`${at}.options`, `${title}: options must map each value to its label.`);
    else {
      for (const [value, label] of Object.entries(field.options)) {
        if (value.trim() === "") error(`${at}.options`, `${title}: an option needs a value.`);
        if (typeof label !== "string") error(`${at}.options`, `${title}: the label of option “${value}” must be text.`);
      }
    }
  }
  const hasOptions = Object.keys(optionsOf(field)).length > 0;
  const hasSource = text(field.source).trim() !== "";
  if (SELECT_WIDGETS.includes(widget) && !hasOptions && !hasSource) {
    error(`${at}.options`, `${title}: a ${widget} needs options or a source.`);
  }
  if (hasOptions && widget === "text") warn(`${at}.widget`, `${title}: a text widget with options is shown as a select.`);

  const order = orderOf(field);
  if (!Number.isFinite(order)) error(`${at}.order`, `${title}: order must be a number.`);
  const layer = text(field.layer);
  if (!["0", "1", "2"].includes(layer)) error(`${at}.layer`, `${title}: layer must be 0 (main), 1 (details) or 2 (system).`);
  const cardinality = text(field.cardinality);
  if (cardinality !== "single" && cardinality !== "multiple") error(`${at}.cardinality`, `${title}: cardinality must be single or multiple.`);
  for (const flag of ["required", "multilingual"] as const) {
    if (field[flag] !== undefined && typeof field[flag] !== "boolean") error(`${at}.${flag}`, `${title}: ${flag} must be true or false.`);
  }
  for (const prop of ["hint", "semantic", "source"] as const) {
    if (field[prop] !== undefined && typeof field[prop] !== "string") error(`${at}.${prop}`, `${title}: ${prop} must be text.`);
  }
  const semantic = text(field.semantic).trim();
  if (/^(javascript|data|vbscript):/i.test(semantic)) {
    error(`${at}.semantic`, `${title}: a ${semantic.split(":")[0]}: URI is not allowed.`);
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(semantic) && !/^https?:\/\//i.test(semantic)) {
    warn(`${at}.semantic`, `${title}: the semantic URI is not http(s), so it is shown as text, not as a link.`);
  }
}

function validateSource(
  field: JsonObject,
  at: string,
  title: string,
  ownName: string,
  known: Map<string, Set<string>>,
  report: { error: Report; warn: Report },
): void {
  const source = text(field.source).trim();
  if (!source) return;
  const widget = normalizeWidget(text(field.widget)) ?? text(field.widget);
  const ref = parseSource(source);
  if (!ref) {
    report.error(`${at}.source`, `${title}: a source is written <blueprint name>:<value field>:<label field>, for example schd_jobs:_id:name.`);
    return;
  }
  const isSelect = SELECT_WIDGETS.includes(widget) || Object.keys(optionsOf(field)).length > 0;
  if (ref.blueprint === ownName && !isSelect) {
    report.warn(`${at}.source`, `${title}: a source on a ${widget || "plain"} field that names its own blueprint is ignored.`);
    return;
  }
  const fields = known.get(ref.blueprint);
  if (!fields) {
    report.error(`${at}.source`, `${title}: the source names blueprint “${ref.blueprint}”, which this environment does not have.`);
    return;
  }
  for (const [role, name] of [["value", ref.valueField], ["label", ref.labelField]] as const) {
    if (!fields.has(name) && !SYSTEM_SOURCE_FIELDS.includes(name)) {
      report.error(`${at}.source`, `${title}: the source's ${role} field “${name}” is not a field of blueprint “${ref.blueprint}”.`);
    }
  }
  if (!isSelect) report.warn(`${at}.source`, `${title}: a source is used by select widgets; this ${widget} field shows it as a select.`);
}

function validateSize(document: JsonObject, languages: readonly string[], error: Report): void {
  const size = itemSize(document);
  if (size > BLUEPRINT_SIZE_LIMIT) {
    error("fields", `The blueprint takes ${formatBytes(size)}; a blueprint is stored as one DynamoDB item and must stay under ${formatBytes(BLUEPRINT_SIZE_LIMIT)}.`);
  }
  const languageBytes = languages.reduce((sum, l) => sum + utf8Bytes(l) + 1, 0);
  const names = fieldsOf(document).reduce((sum, f) => {
    const name = utf8Bytes(fieldName(f));
    return sum + name + (f.multilingual === true ? languageBytes + 3 : 0);
  }, 0);
  if (names > DOCUMENT_NAME_BUDGET) {
    error(
      "fields",
      `Field names alone would take ${formatBytes(names)} of every document; keep them under ${formatBytes(DOCUMENT_NAME_BUDGET)} so documents fit a DynamoDB item (use fewer or shorter field names).`,
    );
  }
}

export function errorsOf(issues: readonly BlueprintIssue[]): BlueprintIssue[] {
  return issues.filter((i) => i.severity === "error");
}

/** Issues as the API's field errors (path → messages), errors only. */
export function toFieldErrors(issues: readonly BlueprintIssue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of errorsOf(issues)) (out[issue.path || "blueprint"] ??= []).push(issue.message);
  return out;
}
