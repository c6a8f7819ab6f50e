import { describe, expect, it } from "vitest";
import { authorKind, authorsToResolve, cognitoEmailFilter, emailLookupQuery, nameFromAttributes, nameFromEntityRow, TtlCache, withAuthorNames } from "@/lib/jobs/authors";
import { lookupId } from "@/lib/entities/rows";

describe("run authors by name", () => {
  it("tells emails and entity ids from keys that name no one", () => {
    expect(authorKind("Ada@Example.com")).toBe("email");
    expect(authorKind("0a0a0a0a-0000-4000-a000-00000000abcd")).toBe("entity");
    expect(authorKind("scheduler")).toBe("none");
    expect(authorKind("cli:ada")).toBe("none");
    expect(authorKind('a"b@x.io')).toBe("none");
    expect(authorsToResolve(["a@x.io", "scheduler", "a@x.io", "b@x.io"])).toEqual(["a@x.io", "b@x.io"]);
  });

  it("queries the entities lookup row of an email (the row the entities pages write)", () => {
    const { index, prefix } = emailLookupQuery("Ada@Example.com");
    expect(index).toBe("search#user");
    expect(lookupId("email", "ada@example.com", "u1").startsWith(prefix)).toBe(true);
    expect(lookupId("email", "ada@example.com.evil", "u1").startsWith(prefix)).toBe(false);
  });

  it("takes a name only from the row of that very email or id", () => {
    expect(nameFromEntityRow({ name: " Ada Lovelace ", email: "ada@example.com" }, { email: "ADA@example.com" })).toBe("Ada Lovelace");
    expect(nameFromEntityRow({ name: "Eve", email: "eve@example.com" }, { email: "ada@example.com" })).toBeUndefined();
    expect(nameFromEntityRow({ _id: "u1", name: "Ada" }, { id: "u1" })).toBe("Ada");
    expect(nameFromEntityRow({ _id: "u1", name: "" }, { id: "u1" })).toBeUndefined();
    expect(nameFromEntityRow(undefined, { id: "u1" })).toBeUndefined();
  });

  it("reads a console user's name attributes and quotes only safe emails into a Cognito filter", () => {
    expect(nameFromAttributes([{ Name: "email", Value: "a@x.io" }, { Name: "name", Value: "Ada" }])).toBe("Ada");
    expect(nameFromAttributes([{ Name: "given_name", Value: "Ada" }, { Name: "family_name", Value: "Lovelace" }])).toBe("Ada Lovelace");
    expect(nameFromAttributes([{ Name: "email", Value: "a@x.io" }])).toBeUndefined();
    expect(cognitoEmailFilter("a@x.io")).toBe('email = "a@x.io"');
    expect(cognitoEmailFilter('a"@x.io')).toBeUndefined();
  });

  it("adds the name beside the stored key, null when unknown", () => {
    const names = new Map([["a@x.io", "Ada"]]);
    expect(withAuthorNames([{ author: "a@x.io" }, { author: "scheduler" }], names)).toEqual([
      { author: "a@x.io", authorName: "Ada" },
      { author: "scheduler", authorName: null },
    ]);
  });

  it("caches names and misses for a while, and drops the oldest when full", () => {
    let now = 0;
    const cache = new TtlCache<string | null>(1000, 2, () => now);
    cache.set("a", "Ada");
    cache.set("b", null);
    expect(cache.get("a")).toEqual({ value: "Ada" });
    expect(cache.get("b")).toEqual({ value: null });
    now = 999;
    expect(cache.get("a")).toEqual({ value: "Ada" });
    now = 1000;
    expect(cache.get("a")).toBeUndefined();
    cache.set("c", "Cy");
    cache.set("d", "Di");
    cache.set("e", "Ed");
    expect(cache.get("c")).toBeUndefined();
    expect(cache.get("e")).toEqual({ value: "Ed" });
  });
});
