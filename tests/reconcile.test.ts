import { describe, expect, it } from "vitest";
import { compareUsers } from "@/lib/reconcile/compare";

describe("reconciliation", () => {
  it("finds Cognito users without an entity, entities without a Cognito user and status mismatches", () => {
    const findings = compareUsers(
      [
        { username: "u1", email: "Both@x.test", enabled: true },
        { username: "u2", email: "orphan@x.test", enabled: true },
        { username: "u3", email: "disabled@x.test", enabled: false },
      ],
      [
        { id: "e1", email: "both@x.test", name: "Both", active: true },
        { id: "e3", email: "disabled@x.test", name: "D", active: true },
        { id: "e4", email: "ghost@x.test", name: "G", active: true },
      ],
    );
    expect(findings).toEqual([
      { kind: "status-mismatch", email: "disabled@x.test", entityId: "e3", cognitoEnabled: false, entityActive: true, fix: "align-entity" },
      { kind: "entity-without-cognito", email: "ghost@x.test", entityId: "e4", fix: "invite" },
      { kind: "cognito-without-entity", email: "orphan@x.test", username: "u2", fix: "create-entity" },
    ]);
  });
});
