import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, ListUsersCommand, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import { startEmulator } from "../../scripts/sandbox/emulator.mjs";

/**
 * An AWS account that enforces IAM, for an environment whose credentials lack
 * permissions: a second emulator started with INITIAL_NO_AUTH_ACTION_COUNT
 * (moto enforces IAM after that many requests; see
 * tests/support/enforcing-emulator.ts). The first three requests create an
 * admin; everything after needs a real key of this account.
 */
export type Keys = { accessKeyId: string; secretAccessKey: string };
type Policy = { Version: "2012-10-17"; Statement: { Effect: "Allow" | "Deny"; Action: string[]; Resource: "*" }[] };

export const allowing = (actions: string[]): Policy => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }] });
export const denying = (actions: string[]): Policy => ({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: actions, Resource: "*" }] });

const iamAt = (endpoint: string, credentials: Keys) => new IAMClient({ region: "us-east-1", endpoint, credentials });

async function userWithKey(iam: IAMClient, name: string, policies: Record<string, Policy>): Promise<Keys> {
  await iam.send(new CreateUserCommand({ UserName: name }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey;
  if (!key?.AccessKeyId || !key.SecretAccessKey) throw new Error("no access key");
  for (const [PolicyName, doc] of Object.entries(policies)) {
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName, PolicyDocument: JSON.stringify(doc) }));
  }
  return { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
}

export async function startEnforcingAccount() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tt-e2e-enforcing-"));
  const previous = process.env.INITIAL_NO_AUTH_ACTION_COUNT;
  process.env.INITIAL_NO_AUTH_ACTION_COUNT = "3";
  const emulator = await startEmulator({ port: 0, stateDir: dir, log: () => {} }).finally(() => {
    if (previous === undefined) delete process.env.INITIAL_NO_AUTH_ACTION_COUNT;
    else process.env.INITIAL_NO_AUTH_ACTION_COUNT = previous;
  });
  const anonymous = iamAt(emulator.url, { accessKeyId: "test", secretAccessKey: "test" });
  const admin = iamAt(emulator.url, await userWithKey(anonymous, "admin", { everything: allowing(["*"]) }));
  const refused = await anonymous.send(new ListUsersCommand({})).then(() => false, () => true);
  if (!refused) throw new Error("IAM is not enforced by the second emulator");
  return {
    url: emulator.url,
    createUser: (name: string, policies: Record<string, Policy>) => userWithKey(admin, name, policies),
    putUserPolicy: (user: string, name: string, doc: Policy) =>
      admin.send(new PutUserPolicyCommand({ UserName: user, PolicyName: name, PolicyDocument: JSON.stringify(doc) })),
    stop: async () => {
      await emulator.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
