import { describe, expect, it } from "vitest";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { computeChecklist } from "@/lib/provisioning/checklist";
import { DEFAULT_BLUEPRINTS } from "@/lib/provisioning/default-blueprints";
import { environmentNames } from "@/lib/provisioning/names";
import { computePlan, fingerprintOf } from "@/lib/provisioning/plan";
import { renderTankInlinePolicy, renderTrustPolicy, renderTtPolicy } from "@/lib/provisioning/policies";
import type { EnvironmentState } from "@/lib/provisioning/read-state";
import { tableSpecs } from "@/lib/provisioning/tables";

/** Plan and checklist are pure: fabricated states, no AWS. */
const env: EnvironmentRecord = {
  name: "unit",
  region: "eu-west-1",
  credentials: { type: "default" },
  sesSender: "no-reply@unit.example",
  createdAt: "", createdBy: "", updatedAt: "", updatedBy: "", version: 1,
};
const names = environmentNames("unit");
const missing = { ok: false as const, reason: "missing" as const };
const POOL_ARN = "arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_abc";
const POLICY_ARN = "arn:aws:iam::111122223333:policy/unit_tt_policy";

function emptyState(): EnvironmentState {
  return {
    env,
    names,
    record: {},
    identity: { ok: true, value: { arn: "arn:aws:iam::111122223333:user/installer", account: "111122223333", userId: "AIDA" } },
    installer: { ok: true, value: { kind: "user", name: "installer", admin: true, via: ["group admins"] } },
    inlinePolicy: missing,
    tables: { blueprints: missing, data: missing, entities: missing, rel: missing },
    dataExpiry: missing,
    pool: missing,
    client: missing,
    policy: missing,
    role: missing,
    email: missing,
    blueprints: missing,
    readMs: 1,
  };
}

function finishedState(): EnvironmentState {
  const specs = tableSpecs(names.tables);
  const ctx = { env: "unit", region: "eu-west-1", accountId: "111122223333", partition: "aws", bucketName: "unitabcdefgh", userPoolArn: POOL_ARN };
  return {
    ...emptyState(),
    record: { bucketName: "unitabcdefgh", userPoolId: "eu-west-1_abc", userPoolArn: POOL_ARN, appClientId: "client" },
    inlinePolicy: { ok: true, value: JSON.stringify(renderTankInlinePolicy(ctx).document) },
    tables: { blueprints: { ok: true, value: specs[0] ?? {} }, data: { ok: true, value: specs[1] ?? {} }, entities: { ok: true, value: specs[2] ?? {} }, rel: { ok: true, value: specs[3] ?? {} } },
    dataExpiry: { ok: true, value: { status: "ENABLED", attribute: "_ttl" } },
    pool: { ok: true, value: { id: "eu-west-1_abc", arn: POOL_ARN, name: "unit", usernameAttributes: ["email"], requiredAttributes: ["sub"] } },
    client: { ok: true, value: { id: "client", name: "unit_app", hasSecret: true, flows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] } },
    policy: { ok: true, value: { arn: POLICY_ARN, document: encodeURIComponent(JSON.stringify(renderTtPolicy(ctx).document)), defaultVersionId: "v1", versionIds: [{ id: "v1", isDefault: true, created: "" }] } },
    role: { ok: true, value: { arn: "arn:aws:iam::111122223333:role/unit_tt_role", trust: encodeURIComponent(JSON.stringify(renderTrustPolicy())), attached: [POLICY_ARN], revokePolicy: undefined } },
    email: { ok: true, value: { identity: "no-reply@unit.example", verified: true, status: "SUCCESS" } },
    blueprints: { ok: true, value: DEFAULT_BLUEPRINTS.map((b) => ({ irn: b.irn, version: b.version, stored: structuredClone(b.document) })) },
  };
}

describe("computePlan", () => {
  it("plans every step for an empty account, in dependency order", () => {
    const plan = computePlan(emptyState());
    const ids = plan.changes.map((c) => c.id);
    expect(ids).toEqual([
      "installer.inline-policy",
      "table.create:blueprints", "table.create:data", "table.create:entities", "table.create:rel", "table.expiry:data",
      "pool.create", "client.create", "bucket.name", "policy.create", "role.create", "email.create",
      "blueprint.put:irn:blueprint:sys:entities", "blueprint.put:irn:blueprint:irma:schd_jobs", "blueprint.put:irn:blueprint:irma:schd_runs",
    ]);
    const byId = Object.fromEntries(plan.changes.map((c) => [c.id, c]));
    expect(byId["client.create"]?.dependsOn).toEqual(["pool.create"]);
    expect(byId["policy.create"]?.dependsOn).toEqual(["pool.create", "bucket.name"]);
    expect(byId["role.create"]?.dependsOn).toEqual(["policy.create"]);
    expect(byId["blueprint.put:irn:blueprint:sys:entities"]?.dependsOn).toEqual(["table.create:blueprints"]);
    expect(byId["table.expiry:data"]?.dependsOn).toEqual(["table.create:data"]);
    expect(byId["policy.create"]?.grants).toEqual(expect.arrayContaining([expect.stringMatching(/^Allow dynamodb:query on arn:aws:dynamodb:eu-west-1:111122223333:table\/unit_data\/index\/time_index$/)]));
    expect(plan.notes.join(" ")).toMatch(/execute-api/);
  });

  it("turns on the data table's expiry when it is off, and leaves another TTL attribute as it is", () => {
    const off = { ...finishedState(), dataExpiry: { ok: true as const, value: { status: "DISABLED" } } };
    const plan = computePlan(off);
    expect(plan.changes.map((c) => c.id)).toEqual(["table.expiry:data"]);
    expect(plan.changes[0]?.dependsOn).toEqual([]);
    expect(plan.changes[0]?.documents[0]?.json).toContain('"AttributeName": "_ttl"');
    const row = computeChecklist(off).find((r) => r.id === "3");
    expect(row).toMatchObject({ status: "missing", summary: "Expiry (TTL) on unit_data to turn on." });

    const other = { ...finishedState(), dataExpiry: { ok: true as const, value: { status: "ENABLED", attribute: "expires" } } };
    expect(computePlan(other).changes).toEqual([]);
    const otherRow = computeChecklist(other).find((r) => r.id === "3");
    expect(otherRow?.status).toBe("done");
    expect(otherRow?.details.join(" ")).toMatch(/on expires, not _ttl/);

    const denied = { ...finishedState(), dataExpiry: { ok: false as const, reason: "denied" as const, action: "dynamodb:DescribeTimeToLive" } };
    expect(computePlan(denied).changes).toEqual([]);
    expect(computeChecklist(denied).find((r) => r.id === "3")).toMatchObject({ status: "blocked", blockedBy: "dynamodb:DescribeTimeToLive" });
  });

  it("plans nothing for a finished environment", () => {
    const plan = computePlan(finishedState());
    expect(plan.changes).toEqual([]);
    expect(plan.fingerprint).toBe(fingerprintOf([]));
    expect(plan.warnings).toEqual([]);
  });

  it("repairs policy drift with a new version and lists only the newly granted permissions", () => {
    const state = finishedState();
    state.policy = { ok: true, value: { arn: POLICY_ARN, document: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "dynamodb:*", Resource: "*" }] }, defaultVersionId: "v5", versionIds: [1, 2, 3, 4, 5].map((n) => ({ id: `v${n}`, isDefault: n === 5, created: "" })) } };
    const plan = computePlan(state);
    expect(plan.changes.map((c) => c.id)).toEqual(["policy.update"]);
    const change = plan.changes[0];
    expect(change?.title).toMatch(/deleting the oldest non-default version/);
    expect(change?.grants.some((g) => g.startsWith("Allow dynamodb:"))).toBe(false);
    expect(change?.grants).toEqual(expect.arrayContaining([expect.stringMatching(/^Allow s3:getobject/)]));
    expect(change?.diff).toEqual(expect.arrayContaining(["- Allow dynamodb:* on *"]));
  });

  it("never plans to replace a drifted table, pool or stored blueprint; it warns instead", () => {
    const state = finishedState();
    state.tables.data = { ok: true, value: { ...tableSpecs(names.tables)[1], LocalSecondaryIndexes: [] } };
    state.pool = { ok: true, value: { id: "eu-west-1_abc", arn: POOL_ARN, name: "unit", usernameAttributes: [], requiredAttributes: [] } };
    state.blueprints = { ok: true, value: DEFAULT_BLUEPRINTS.map((b) => ({ irn: b.irn, version: b.version, stored: { irn: b.irn, version: b.version, changed: true } })) };
    const plan = computePlan(state);
    expect(plan.changes).toEqual([]);
    expect(plan.warnings.join("\n")).toMatch(/unit_data/);
    expect(plan.warnings.join("\n")).toMatch(/email only/);
    const rows = Object.fromEntries(computeChecklist(state).map((r) => [r.id, r]));
    expect(rows["3"]?.status).toBe("drifted");
    expect(rows["4a"]?.status).toBe("drifted");
    expect(rows["8"]?.status).toBe("drifted");
  });

  it("re-attaches the policy and rewrites a drifted trust policy", () => {
    const state = finishedState();
    state.role = { ok: true, value: { arn: "arn:aws:iam::111122223333:role/unit_tt_role", trust: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }, attached: [], revokePolicy: undefined } };
    expect(computePlan(state).changes.map((c) => c.id)).toEqual(["role.attach", "role.trust"]);
  });
});

describe("computeChecklist", () => {
  it("has one row per step of the document, all done when everything matches", () => {
    const rows = computeChecklist(finishedState());
    expect(rows.map((r) => r.id)).toEqual(["1", "2", "3", "4a", "4b", "4", "5", "5b", "5c", "6", "7", "8", "9"]);
    for (const r of rows.filter((x) => x.id !== "9")) expect(r.status, `step ${r.id}`).toBe("done");
    expect(rows.find((r) => r.id === "9")?.status).toBe("manual");
  });

  it("names the missing permission on a blocked row and gives the admin's commands on a manual one", () => {
    const state = emptyState();
    state.role = { ok: false, reason: "denied", action: "iam:GetRole" };
    state.installer = { ok: true, value: { kind: "user", name: "someone", admin: false, via: [] } };
    const rows = Object.fromEntries(computeChecklist(state).map((r) => [r.id, r]));
    expect(rows["5"]).toMatchObject({ status: "blocked", blockedBy: "iam:GetRole" });
    expect(rows["1"]?.status).toBe("manual");
    expect(rows["1"]?.copyText).toContain("aws iam attach-group-policy --group-name TankTowerInstallers --policy-arn arn:aws:iam::aws:policy/AdministratorAccess");
  });

  it("never puts the secret or the full key id in the developer snippet", () => {
    const state = finishedState();
    state.env = { ...env, credentials: { type: "keys", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretSealed: "v1.sealed" } };
    const row9 = computeChecklist(state).find((r) => r.id === "9");
    expect(row9?.status).toBe("done");
    expect(row9?.copyText).not.toContain("AKIAIOSFODNN7EXAMPLE");
    expect(row9?.copyText).toContain("…MPLE");
    expect(row9?.copyText).toContain("[unit]");
  });
});
