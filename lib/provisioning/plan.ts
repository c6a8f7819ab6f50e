import { createHash } from "node:crypto";
import type { Plan, PlannedChange, StepId } from "@/lib/provisioning/model";
import { renderTankInlinePolicy, renderTrustPolicy, renderTtPolicy } from "@/lib/provisioning/policies";
import { comparePolicies, describeGrant, newlyGranted, renderDiff } from "@/lib/provisioning/policy-diff";
import type { PolicyDocument } from "@/lib/provisioning/policy-types";
import { valueOf } from "@/lib/provisioning/probe";
import type { EnvironmentState } from "@/lib/provisioning/read-state";
import { renderContextOf } from "@/lib/provisioning/render-context";
import { missingFlows, REQUIRED_CLIENT_FLOWS } from "@/lib/provisioning/rules";
import { compareExpiry, compareTable, DATA_TTL_ATTRIBUTE, expirySpec, tableSpecs } from "@/lib/provisioning/tables";
import { DEFAULT_BLUEPRINTS } from "@/lib/provisioning/default-blueprints";
import { documentationFixes } from "@/lib/provisioning/policies";

/**
 * The plan: every change apply would make, by step, with the documents it
 * would write and the IAM grants it adds. Pure; computed from the same state
 * as the checklist. Drift that cannot be repaired without destroying data is
 * a warning, never a change.
 */
const json = (doc: unknown) => JSON.stringify(doc, null, 2);

function change(step: StepId, id: string, title: string, resource: string, extra: Partial<PlannedChange> = {}): PlannedChange {
  return { id, step, title, resource, documents: [], grants: [], diff: [], dependsOn: [], ...extra };
}

function policyGrants(desired: PolicyDocument, actual: unknown): string[] {
  return newlyGranted(desired, actual).map(describeGrant);
}

export function computePlan(s: EnvironmentState): Plan {
  const ctx = renderContextOf(s);
  const changes: PlannedChange[] = [];
  const warnings: string[] = [];
  const planned = (id: string) => changes.some((c) => c.id === id);

  // Step 2: inline policy on the installer.
  const who = valueOf(s.installer);
  if (who && who.kind !== "other") {
    const desired = renderTankInlinePolicy(ctx);
    const actual = valueOf(s.inlinePolicy);
    if (!s.inlinePolicy.ok && s.inlinePolicy.reason === "missing") {
      changes.push(change("2", "installer.inline-policy", `Put ${s.names.inlinePolicyName} on ${who.kind} ${who.name}`, `${who.kind}/${who.name}`, {
        documents: [{ name: s.names.inlinePolicyName, json: json(desired.document) }],
        grants: policyGrants(desired.document, undefined),
      }));
    } else if (actual !== undefined && !comparePolicies(desired.document, actual).equal) {
      changes.push(change("2", "installer.inline-policy", `Rewrite ${s.names.inlinePolicyName} on ${who.kind} ${who.name}`, `${who.kind}/${who.name}`, {
        documents: [{ name: s.names.inlinePolicyName, json: json(desired.document) }],
        grants: policyGrants(desired.document, actual),
        diff: renderDiff(comparePolicies(desired.document, actual)),
      }));
    }
  }

  // Step 3: tables. Missing ones are created; wrong ones are only reported.
  const keys = ["blueprints", "data", "entities", "rel"] as const;
  tableSpecs(s.names.tables, capacityOf(s.env)).forEach((spec, i) => {
    const key = keys[i] ?? "blueprints";
    const p = s.tables[key];
    if (!p.ok && p.reason !== "missing") return;
    const cmp = compareTable(spec, p.ok ? p.value : undefined);
    if (cmp.status === "missing") changes.push(change("3", `table.create:${key}`, `Create table ${spec.TableName}`, spec.TableName, { documents: [{ name: spec.TableName, json: json(spec) }] }));
    if (cmp.status === "drifted") warnings.push(`${spec.TableName}: ${cmp.problems.join(" ")} The table is left as it is; recreate it by hand if its data can go.`);
  });
  // …and the data table's expiry (TTL on the console's short-lived rows), once the table exists.
  const dataCreated = !s.tables.data.ok && s.tables.data.reason === "missing";
  const expiryOff = s.tables.data.ok && (s.dataExpiry.ok ? compareExpiry(s.names.tables.data, s.dataExpiry.value).status === "missing" : s.dataExpiry.reason === "missing");
  if (dataCreated || expiryOff) {
    const spec = expirySpec(s.names.tables.data);
    changes.push(change("3", "table.expiry:data", `Turn on expiry (TTL on ${DATA_TTL_ATTRIBUTE}) for ${spec.TableName}`, spec.TableName, {
      documents: [{ name: `${spec.TableName} TTL`, json: json(spec) }],
      dependsOn: dataCreated ? ["table.create:data"] : [],
    }));
  }

  // Step 4a: pool and client.
  const pool = valueOf(s.pool);
  const client = valueOf(s.client);
  if (s.pool.ok || (!s.pool.ok && s.pool.reason === "missing")) {
    if (!pool) changes.push(change("4a", "pool.create", `Create user pool ${s.names.userPoolName} (email sign-in, no required attributes)`, s.names.userPoolName));
    if (!client && (s.client.ok || s.client.reason === "missing")) {
      changes.push(change("4a", "client.create", `Create app client ${s.names.appClientName} with a secret and ${REQUIRED_CLIENT_FLOWS.join(", ")}`, s.names.appClientName, { dependsOn: planned("pool.create") ? ["pool.create"] : [] }));
    }
    if (client && missingFlows(client.flows).length) {
      changes.push(change("4a", "client.update", `Add auth flows ${missingFlows(client.flows).join(", ")} to ${s.names.appClientName}`, client.id, { diff: missingFlows(client.flows).map((f) => `+ auth flow ${f}`) }));
    }
    if (client && !client.hasSecret) warnings.push(`App client ${client.id} has no secret; Cognito cannot add one. Create a new client by hand if the app needs it.`);
    if (pool && (pool.usernameAttributes.join() !== "email")) warnings.push(`User pool ${pool.id} does not sign in with email only; Cognito cannot change that after creation.`);
  }

  // Step 4b: bucket name.
  if (!s.record.bucketName) changes.push(change("4b", "bucket.name", `Choose the bucket name ${s.env.name}<8 letters> and check it is free`, `${s.env.name}????????`));

  // Step 4: the role's policy.
  const policyDeps = ["pool.create", "bucket.name"].filter(planned);
  const desiredPolicy = renderTtPolicy(ctx);
  const policy = valueOf(s.policy);
  if (!policy && (s.policy.ok || s.policy.reason === "missing")) {
    changes.push(change("4", "policy.create", `Create managed policy ${s.names.policyName}`, s.names.policyName, {
      documents: [{ name: s.names.policyName, json: json(desiredPolicy.document) }],
      grants: policyGrants(desiredPolicy.document, undefined),
      dependsOn: policyDeps,
    }));
  } else if (policy && !comparePolicies(desiredPolicy.document, policy.document).equal) {
    const cmp = comparePolicies(desiredPolicy.document, policy.document);
    changes.push(change("4", "policy.update", `Write a new default version of ${s.names.policyName}${policy.versionIds.length >= 5 ? " (deleting the oldest non-default version: IAM keeps five)" : ""}`, policy.arn, {
      documents: [{ name: s.names.policyName, json: json(desiredPolicy.document) }],
      grants: policyGrants(desiredPolicy.document, policy.document),
      diff: renderDiff(cmp),
      dependsOn: policyDeps,
    }));
  }

  // Steps 5 and 5b: the role, its policy and its trust.
  const role = valueOf(s.role);
  const trust = renderTrustPolicy();
  if (!role && (s.role.ok || s.role.reason === "missing")) {
    changes.push(change("5", "role.create", `Create role ${s.names.roleName} (trusting apigateway, events and lambda) and attach ${s.names.policyName}`, s.names.roleName, {
      documents: [{ name: `${s.names.roleName} trust policy`, json: json(trust) }],
      dependsOn: ["policy.create"].filter(planned),
    }));
  } else if (role) {
    if (!policy || !role.attached.includes(policy.arn)) {
      changes.push(change("5", "role.attach", `Attach ${s.names.policyName} to ${s.names.roleName}`, s.names.roleName, { dependsOn: ["policy.create"].filter(planned) }));
    }
    const cmp = comparePolicies(trust, role.trust);
    if (!cmp.equal) {
      changes.push(change("5b", "role.trust", `Update the trust policy of ${s.names.roleName}`, s.names.roleName, { documents: [{ name: "trust policy", json: json(trust) }], diff: renderDiff(cmp) }));
    }
  }

  // Step 7: SES identity.
  if (s.env.sesSender && !s.email.ok && s.email.reason === "missing") {
    changes.push(change("7", "email.create", `Request verification of ${s.env.sesSender} in SES`, s.env.sesSender));
  }

  // Step 8: blueprints, never overwriting a stored version.
  const tablePlanned = planned("table.create:blueprints");
  const stored = valueOf(s.blueprints);
  if (tablePlanned || stored) {
    for (const b of DEFAULT_BLUEPRINTS) {
      if (stored?.some((x) => x.irn === b.irn && x.version === b.version && x.stored)) continue;
      changes.push(change("8", `blueprint.put:${b.irn}`, `Store ${b.irn} ${b.version}`, `${s.names.tables.blueprints}/${b.irn}`, {
        documents: [{ name: `${b.irn}.json`, json: json(b.document) }],
        dependsOn: tablePlanned ? ["table.create:blueprints"] : [],
      }));
    }
  }

  const notes = [...new Set([...desiredPolicy.notes, ...renderTankInlinePolicy(ctx).notes])];
  return { environment: s.env.name, fingerprint: fingerprintOf(changes), changes, warnings, notes: [...notes, ...documentationFixes().map((f) => `${f.step}: ${f.text}`)] };
}

export function capacityOf(env: { readCapacity?: number; writeCapacity?: number }) {
  return { read: env.readCapacity ?? 1, write: env.writeCapacity ?? 1 };
}

/** Identifies what a plan would do (not the placeholders in its documents). */
export function fingerprintOf(changes: PlannedChange[]): string {
  const canonical = changes.map((c) => `${c.id}|${c.resource}|${c.grants.join(";")}`).sort().join("\n");
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}
