import { describe, expect, it } from "vitest";
import { effectiveRole, hasRole, scopedGroup, visibleEnvironments } from "@/lib/auth/roles";

describe("role model", () => {
  it("gives operators every role everywhere", () => {
    const p = { groups: ["operators"] };
    expect(effectiveRole(p)).toBe("operator");
    expect(hasRole(p, "operator")).toBe(true);
    expect(hasRole(p, "admin", "prod")).toBe(true);
    expect(visibleEnvironments(p)).toBe("all");
  });

  it("scopes admin and viewer groups to their environment", () => {
    const p = { groups: [scopedGroup("prod", "admin"), scopedGroup("staging", "viewer")] };
    expect(p.groups).toEqual(["env:prod:admins", "env:staging:viewers"]);
    expect(hasRole(p, "admin", "prod")).toBe(true);
    expect(hasRole(p, "viewer", "prod")).toBe(true);
    expect(hasRole(p, "operator", "prod")).toBe(false);
    expect(hasRole(p, "viewer", "staging")).toBe(true);
    expect(hasRole(p, "admin", "staging")).toBe(false);
    expect(hasRole(p, "viewer", "other")).toBe(false);
    expect(hasRole(p, "viewer")).toBe(false);
    expect(visibleEnvironments(p)).toEqual(["prod", "staging"]);
  });

  it("ignores groups that only look similar", () => {
    const p = { groups: ["operator", "env:PROD:admins", "env:prod:owners", "env:prod:admins:x"] };
    expect(effectiveRole(p, "prod")).toBeUndefined();
  });

  it("takes the strongest of several scoped roles", () => {
    expect(effectiveRole({ groups: ["env:prod:viewers", "env:prod:admins"] }, "prod")).toBe("admin");
  });
});
