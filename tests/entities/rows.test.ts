import { describe, expect, it } from "vitest";
import { conflictingField, createWrites, lookupPrefix, lookupRows, removeWrites, updateWrites, uniquenessRows, type EntityItem } from "@/lib/entities/rows";
import { parseRelRow, relationRows, removeMembershipWrites, setMembershipWrites } from "@/lib/entities/relations";

const user = (over: Partial<EntityItem> = {}): EntityItem => ({
  index: "user", _id: "u1", name: "Ada Lovelace", email: "ada@example.com", handle: "ada", type: "user",
  owner_id: "u1", added: "t", modified: "t", irn: "irn:entity:e:user:u1", raw_id: "u1", is_active: "true", _version: 1, ...over,
});

describe("entity rows", () => {
  it("writes a user's email and handle as uniqueness rows, a team's handle only", () => {
    expect(uniquenessRows(user())).toEqual([
      { index: "email", _id: "ada@example.com", entity_type: "user", entity_id: "u1" },
      { index: "handle", _id: "ada", entity_type: "user", entity_id: "u1" },
    ]);
    const team = user({ index: "team", type: "team", _id: "t1", email: "owner@example.com", handle: "core" });
    expect(uniquenessRows(team).map((r) => r.index)).toEqual(["handle"]);
  });

  it("builds lower-cased lookup rows for name, email and handle, carrying the summary", () => {
    const rows = lookupRows(user({ name: "Ada LOVELACE" }));
    expect(rows.map((r) => r._id)).toEqual(["name#ada lovelace#u1", "email#ada@example.com#u1", "handle#ada#u1"]);
    expect(rows[0]).toMatchObject({ index: "search#user", entity_id: "u1", name: "Ada LOVELACE", email: "ada@example.com", is_active: "true" });
    expect(lookupPrefix("name", "AdA")).toBe("name#ada");
  });

  it("creates the entity and uniqueness rows conditionally, naming each field", () => {
    const ops = createWrites(user());
    expect(ops.filter((o) => o.kind === "put" && o.condition === "absent").map((o) => (o.kind === "put" ? o.field : ""))).toEqual(["id", "email", "handle"]);
    expect(conflictingField(ops, ["None", "ConditionalCheckFailed", "None"])).toBe("email");
    expect(conflictingField(ops, ["None", "None", "ConditionalCheckFailed"])).toBe("handle");
    expect(conflictingField(ops, ["None", "None", "None"])).toBeUndefined();
  });

  it("moves only the uniqueness and lookup rows that changed, at the version read", () => {
    const before = user();
    const after = user({ email: "ada@lovelace.org", _version: 2 });
    const ops = updateWrites(before, after);
    expect(ops[0]).toMatchObject({ kind: "put", condition: { version: 1 }, field: "version" });
    expect(ops).toContainEqual({ kind: "delete", table: "entities", key: { index: "email", _id: "ada@example.com" }, ownedBy: "u1" });
    expect(ops).toContainEqual(expect.objectContaining({ kind: "put", item: expect.objectContaining({ index: "email", _id: "ada@lovelace.org" }), condition: "absent", field: "email" }));
    expect(ops.some((o) => o.kind === "delete" && o.key._id === "handle")).toBe(false);
    expect(ops).toContainEqual({ kind: "delete", table: "entities", key: { index: "search#user", _id: "email#ada@example.com#u1" } });
    // No key is both deleted and put (DynamoDB refuses two writes on one item in a transaction).
    const keys = ops.map((o) => (o.kind === "delete" ? `${o.key.index}|${o.key._id}` : o.kind === "put" ? `${String(o.item.index)}|${String(o.item._id)}` : ""));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("removes the entity with every row pointing at it", () => {
    const ops = removeWrites(user(), "sub-1");
    expect(ops.map((o) => (o.kind === "delete" ? `${o.key.index}|${o.key._id}` : ""))).toEqual([
      "user|u1", "email|ada@example.com", "handle|ada", "cognito|sub-1", "search#user|name#ada lovelace#u1", "search#user|email#ada@example.com#u1", "search#user|handle#ada#u1",
    ]);
  });
});

describe("relations", () => {
  const member = { id: "u1", type: "user" as const };
  const team = { id: "t1", type: "team" as const };

  it("writes both directions for each role", () => {
    expect(relationRows(member, team, "member", "t").map((r) => [r.index, r.rel])).toEqual([["u1", "member_of#t1"], ["t1", "has_member#u1"]]);
    expect(relationRows(member, team, "admin", "t").map((r) => r.rel)).toEqual(["admin_of#t1", "has_admin#u1"]);
    expect(relationRows(member, team, "owner", "t").map((r) => r.rel)).toEqual(["owns#t1", "owned_by#u1"]);
  });

  it("changing a role clears the other roles' rows and checks the group exists", () => {
    const ops = setMembershipWrites(member, team, "admin", "t");
    expect(ops.filter((o) => o.kind === "delete")).toHaveLength(4);
    expect(ops.filter((o) => o.kind === "put")).toHaveLength(2);
    expect(ops.at(-1)).toMatchObject({ kind: "check", key: { index: "team", _id: "t1" }, field: "team" });
    expect(removeMembershipWrites("u1", "t1")).toHaveLength(6);
  });

  it("reads a row back as the other side and role", () => {
    const [fwd, inv] = relationRows(member, team, "owner", "t");
    expect(parseRelRow(fwd)).toEqual({ otherId: "t1", otherType: "team", role: "owner", inverse: false });
    expect(parseRelRow(inv)).toEqual({ otherId: "u1", otherType: "user", role: "owner", inverse: true });
    expect(parseRelRow({ relation: "likes", role: "member", target_id: "x", target_type: "user" })).toBeUndefined();
  });
});
