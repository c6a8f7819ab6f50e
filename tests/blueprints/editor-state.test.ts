import { describe, expect, it } from "vitest";
import { editorReducer, fromDocument, toDocument } from "@/components/blueprints/editor/editor-state";
import { seed } from "./seed-files";

const names = (state: ReturnType<typeof fromDocument>) => state.rows.map((r) => `${String(r.field.name)}:${String(r.field.order)}`);

describe("blueprint editor state", () => {
  it("round-trips a document unchanged until something is edited", () => {
    const doc = seed("irma-schd-runs.json");
    expect(toDocument(fromDocument(doc))).toEqual(doc);
  });

  it("moves a field and renumbers orders in their string form", () => {
    const state = fromDocument(seed("irma-schd-runs.json"));
    const trigger = state.rows[2]?.id ?? "";
    const moved = editorReducer(state, { type: "move", id: trigger, by: -2 });
    expect(names(moved).slice(0, 4)).toEqual(["trigger:1", "schd_jobs_id:2", "status:3", "author:4"]);
    expect(editorReducer(state, { type: "move", id: trigger, by: -5 })).toBe(state);
  });

  it("reorders by drag and drop before or after a target", () => {
    const state = fromDocument({ fields: [{ name: "a", order: 1 }, { name: "b", order: 2 }, { name: "c", order: 3 }] });
    const [a, b, c] = state.rows.map((r) => r.id);
    expect(names(editorReducer(state, { type: "reorder", ids: [a ?? ""], target: c ?? "", position: "after" }))).toEqual(["b:1", "c:2", "a:3"]);
    expect(names(editorReducer(state, { type: "reorder", ids: [c ?? ""], target: b ?? "", position: "before" }))).toEqual(["a:1", "c:2", "b:3"]);
  });

  it("adds a field with a free name and the next order, edits and removes it", () => {
    let state = fromDocument({ name: "x", fields: [{ name: "field_2", order: "7" }] });
    state = editorReducer(state, { type: "add" });
    expect(state.rows[1]?.field).toMatchObject({ name: "field_3", order: "8", widget: "text", type: "string" });
    const id = state.rows[1]?.id ?? "";
    state = editorReducer(state, { type: "field", id, key: "options", value: { a: "A" } });
    state = editorReducer(state, { type: "field", id, key: "hint", value: undefined });
    expect(state.rows[1]?.field.options).toEqual({ a: "A" });
    expect("hint" in (state.rows[1]?.field ?? {})).toBe(false);
    state = editorReducer(state, { type: "meta", key: "label", value: "X" });
    state = editorReducer(state, { type: "remove", id });
    expect(toDocument(state)).toEqual({ name: "x", label: "X", fields: [{ name: "field_2", order: "7" }] });
  });
});
