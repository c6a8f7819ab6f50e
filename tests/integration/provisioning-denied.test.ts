import { describe, expect, it } from "vitest";
import { DeleteUserPolicyCommand, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import { environmentCreateSchema } from "@/lib/environments/schema";
import { createEnvironment } from "@/lib/environments/write";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { prepareProvision } from "@/lib/provisioning/apply";
import type { ProvisionEvent, StepId } from "@/lib/provisioning/model";
import { getChecklist, planEnvironment } from "@/lib/provisioning/service";
import { withEmulator } from "../support/emulator";
import { allowing, denying, withEnforcingEmulator, type AccessKeys } from "../support/enforcing-emulator";

/**
 * Provisioning an account whose credentials lack a permission: a denied read
 * shows as a blocked checklist row naming the action, a denied write fails
 * that change (the others finish), and once the permission is granted the next
 * plan holds only what is left and applies cleanly.
 *
 * The environment's account is a second emulator that enforces IAM. Only IAM
 * actions are denied here: moto answers a refused DynamoDB, Cognito or SES
 * call with an XML body the SDK's JSON protocols cannot parse (a SyntaxError,
 * status 403), which real AWS does not do.
 */
withEmulator();
const account = withEnforcingEmulator();

/** What provisioning reads and writes, as moto names the actions. */
const READS = [
  "iam:ListAttachedUserPolicies", "iam:ListGroupsForUser", "iam:ListAttachedGroupPolicies", "iam:GetUserPolicy",
  "iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyVersions",
  "iam:GetRole", "iam:ListAttachedRolePolicies", "iam:GetRolePolicy",
  "dynamodb:DescribeTable", "dynamodb:DescribeTimeToLive", "dynamodb:GetItem",
  "cognito-idp:ListUserPools", "cognito-idp:DescribeUserPool", "cognito-idp:ListUserPoolClients", "cognito-idp:DescribeUserPoolClient",
  "ses:GetEmailIdentity",
  // HeadBucket (is the bucket name free?): AWS authorises it as s3:ListBucket, moto as s3:HeadBucket.
  "s3:ListBucket", "s3:HeadBucket",
];
const WRITES = [
  "iam:PutUserPolicy", "iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:DeletePolicyVersion",
  "iam:CreateRole", "iam:AttachRolePolicy", "iam:UpdateAssumeRolePolicy",
  "dynamodb:CreateTable", "dynamodb:UpdateTimeToLive", "dynamodb:PutItem",
  "cognito-idp:CreateUserPool", "cognito-idp:CreateUserPoolClient", "cognito-idp:UpdateUserPoolClient",
  "ses:CreateEmailIdentity",
];
const GREEN: StepId[] = ["3", "4a", "4b", "4", "5", "5b", "5c", "6", "7", "8"];
const OTHERS_DONE: StepId[] = ["3", "4a", "4b", "4", "7", "8"];

const register = (name: string, keys: AccessKeys) =>
  createEnvironment(
    environmentCreateSchema.parse({ name, region: "us-east-1", endpoint: account().url, credentials: { type: "keys", ...keys }, sesSender: `no-reply@${name}.example` }),
    "tester",
  );

async function apply(env: EnvironmentRecord) {
  const plan = await planEnvironment(env);
  const prepared = await prepareProvision(env, plan.fingerprint, "tester");
  const events: ProvisionEvent[] = [];
  const result = await prepared.run((e) => events.push(e));
  const outcome = (status: string) => events.flatMap((e) => (e.type === "change" && e.status === status ? [e] : []));
  return { plan, result, done: outcome("done").map((e) => e.id), failed: outcome("failed") };
}

const rows = async (env: EnvironmentRecord) => new Map((await getChecklist(env)).rows.map((r) => [r.id, r]));
const statuses = async (env: EnvironmentRecord) => Object.fromEntries([...(await rows(env))].map(([id, r]) => [id, r.status]));

describe("provisioning with credentials that lack a permission (IAM enforced)", () => {
  it("fails only the change whose write is denied, and finishes it once the permission is granted", async () => {
    const keys = await account().createUser("limited", { provisioning: allowing([...READS, ...WRITES.filter((a) => a !== "iam:CreateRole")]) });
    const env = await register("deny-write", keys);

    // Every read is allowed, so the checklist reads normally: nothing blocked, all to create.
    const before = await statuses(env);
    expect(Object.values(before)).not.toContain("blocked");
    expect(before).toMatchObject({ "3": "missing", "4a": "missing", "4": "missing", "5": "missing", "7": "missing", "8": "missing" });

    const first = await apply(env);
    expect(first.plan.changes.map((c) => c.id)).toContain("role.create");
    expect(first.result).toMatchObject({ ok: false, failed: ["role.create"] });
    expect(first.failed).toHaveLength(1);
    expect(first.failed[0]?.id).toBe("role.create");
    expect(first.failed[0]?.message).toMatch(/^AWS refused "Create role deny-write_tt_role .*" \(AccessDenied\)\.$/);
    expect(first.done.sort()).toEqual(first.plan.changes.map((c) => c.id).filter((id) => id !== "role.create").sort());

    const partial = await statuses(env);
    expect(partial["5"]).toBe("missing"); // iam:GetRole is allowed: the role is simply not there
    for (const id of OTHERS_DONE) expect(partial[id], `step ${id}`).toBe("done");

    await account().adminIam.send(new PutUserPolicyCommand({ UserName: "limited", PolicyName: "create-role", PolicyDocument: JSON.stringify(allowing(["iam:CreateRole"])) }));
    const second = await apply(env);
    expect(second.plan.changes.map((c) => c.id)).toEqual(["role.create"]);
    expect(second.result).toMatchObject({ ok: true, failed: [] });
    const after = await statuses(env);
    for (const id of GREEN) expect(after[id], `step ${id}`).toBe("done");
  });

  it("shows a denied read as blocked, naming the action, and plans the step once the read is allowed", async () => {
    const keys = await account().createUser("no-get-role", { provisioning: allowing([...READS, ...WRITES]), "no-get-role": denying(["iam:GetRole"]) });
    const env = await register("deny-read", keys);

    const before = await rows(env);
    expect(before.get("5")).toMatchObject({ status: "blocked", blockedBy: "iam:GetRole" });
    expect(before.get("5b")?.status).toBe("blocked");
    expect(before.get("3")?.status).toBe("missing");

    // Nothing is planned for the role while it cannot be read; everything else applies.
    const first = await apply(env);
    expect(first.plan.changes.map((c) => c.id).filter((id) => id.startsWith("role."))).toEqual([]);
    expect(first.plan.changes.length).toBeGreaterThan(5);
    expect(first.result).toMatchObject({ ok: true, failed: [] });
    const partial = await rows(env);
    expect(partial.get("5")).toMatchObject({ status: "blocked", blockedBy: "iam:GetRole" });
    for (const id of OTHERS_DONE) expect(partial.get(id)?.status, `step ${id}`).toBe("done");

    await account().adminIam.send(new DeleteUserPolicyCommand({ UserName: "no-get-role", PolicyName: "no-get-role" }));
    const second = await apply(env);
    expect(second.plan.changes.map((c) => c.id)).toEqual(["role.create"]);
    expect(second.result).toMatchObject({ ok: true, failed: [] });
    const after = await statuses(env);
    for (const id of GREEN) expect(after[id], `step ${id}`).toBe("done");
  });
});
