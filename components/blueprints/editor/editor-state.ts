import type { JsonObject, JsonValue } from "@/lib/blueprints/json-text";
import { orderOf } from "@/lib/blueprints/raw-fields";

/**
 * The editor's working copy of a blueprint: its metadata and its fields, each
 * with a stable row id (names change while typing and may repeat, so they
 * cannot key the list). Pure, so reordering and renumbering are unit-tested.
 */
export type Row = { id: string; field: JsonObject };
export type EditorState = { meta: JsonObject; rows: Row[] };

export type EditorAction =
  | { type: "meta"; key: string; value: JsonValue | undefined }
  | { type: "field"; id: string; key: string; value: JsonValue | undefined }
  | { type: "add" }
  | { type: "remove"; id: string }
  | { type: "move"; id: string; by: number }
  | { type: "reorder"; ids: string[]; target: string; position: "before" | "after" }
  | { type: "replace"; document: JsonObject };

let nextId = 0;
const newId = () => `row-${++nextId}`;

export function fromDocument(document: JsonObject): EditorState {
  const { fields, ...meta } = document;
  const rows = Array.isArray(fields) ? fields.map((f) => ({ id: newId(), field: (typeof f === "object" && f && !Array.isArray(f) ? f : {}) as JsonObject })) : [];
  return { meta, rows };
}

export function toDocument(state: EditorState): JsonObject {
  return { ...state.meta, fields: state.rows.map((r) => r.field) };
}

function without(object: JsonObject, key: string): JsonObject {
  const { [key]: _removed, ...rest } = object;
  return rest;
}

/** After a move, orders follow the list again (1, 2, 3 …), keeping each field's string or number form. */
function renumber(rows: Row[]): Row[] {
  return rows.map((r, i) => {
    const order = typeof r.field.order === "number" ? i + 1 : String(i + 1);
    return r.field.order === order ? r : { ...r, field: { ...r.field, order } };
  });
}

export function newField(rows: readonly Row[]): JsonObject {
  const names = new Set(rows.map((r) => r.field.name));
  let n = rows.length + 1;
  while (names.has(`field_${n}`)) n++;
  const maxOrder = rows.reduce((m, r) => (Number.isFinite(orderOf(r.field)) ? Math.max(m, orderOf(r.field)) : m), 0);
  return {
    cardinality: "single", default: "", hint: "", label: `Field ${n}`, layer: "0", multilingual: false, name: `field_${n}`,
    order: String(maxOrder + 1), required: false, semantic: "", source: "", type: "string", widget: "text",
  };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "meta":
      return { ...state, meta: action.value === undefined ? without(state.meta, action.key) : { ...state.meta, [action.key]: action.value } };
    case "field":
      return {
        ...state,
        rows: state.rows.map((r) =>
          r.id !== action.id ? r : { ...r, field: action.value === undefined ? without(r.field, action.key) : { ...r.field, [action.key]: action.value } },
        ),
      };
    case "add":
      return { ...state, rows: [...state.rows, { id: newId(), field: newField(state.rows) }] };
    case "remove":
      return { ...state, rows: state.rows.filter((r) => r.id !== action.id) };
    case "move": {
      const from = state.rows.findIndex((r) => r.id === action.id);
      const to = from + action.by;
      if (from < 0 || to < 0 || to >= state.rows.length) return state;
      const rows = [...state.rows];
      const [moved] = rows.splice(from, 1);
      if (moved) rows.splice(to, 0, moved);
      return { ...state, rows: renumber(rows) };
    }
    case "reorder": {
      const moving = state.rows.filter((r) => action.ids.includes(r.id));
      const rest = state.rows.filter((r) => !action.ids.includes(r.id));
      const at = rest.findIndex((r) => r.id === action.target);
      if (at < 0 || moving.length === 0) return state;
      rest.splice(action.position === "before" ? at : at + 1, 0, ...moving);
      return { ...state, rows: renumber(rest) };
    }
    case "replace":
      return fromDocument(action.document);
  }
}
