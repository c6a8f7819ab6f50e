import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CreateAccessKeyCommand, CreateUserCommand, ListUsersCommand, PutUserPolicyCommand, type IAMClient } from "@aws-sdk/client-iam";
import { afterAll, beforeAll } from "vitest";
import { awsErrorCode } from "@/lib/aws/errors";
import { clientsFor } from "@/lib/aws/clients";
import type { PolicyDocument } from "@/lib/provisioning/policy-types";
import { startEmulator } from "../../scripts/sandbox/emulator.mjs";

/**
 * A second emulator that enforces IAM, playing an environment's own AWS
 * account (the console's home stays on withEmulator(), which does not).
 *
 * moto 5.2.5 enforces IAM once INITIAL_NO_AUTH_ACTION_COUNT requests have
 * passed its authorisation check unauthenticated (moto/core/authorization.py):
 * one process-wide counter over every service, bumped per request whatever its
 * outcome or key; /moto-api/ is not counted. After that, every request must be
 * signed with the key of an IAM user (or an assumed role) of the emulator, and
 * is allowed only by that user's inline, attached and group policies (Resource
 * "*" only is reliable: moto checks most services against resource "*").
 * So: start with a count of BOOTSTRAP_REQUESTS, spend exactly those creating an
 * admin user, check that an unknown key is now refused, and do everything else
 * with the admin's key.
 */
export type AccessKeys = { accessKeyId: string; secretAccessKey: string };

export type EnforcingAccount = {
  url: string;
  /** IAM with the admin's key (an inline Allow * on *). */
  adminIam: IAMClient;
  /** Creates a user with an access key and the given inline policies. */
  createUser: (name: string, policies: Record<string, PolicyDocument>) => Promise<AccessKeys>;
};

const BOOTSTRAP_REQUESTS = 3; // CreateUser, CreateAccessKey, PutUserPolicy of the admin

export const allowing = (actions: string[]): PolicyDocument => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }] });
export const denying = (actions: string[]): PolicyDocument => ({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: actions, Resource: "*" }] });

function iamAt(url: string, keys: AccessKeys): IAMClient {
  return clientsFor({ cacheKey: `enforcing:${url}:${keys.accessKeyId}`, region: "us-east-1", endpoint: url, credentials: { type: "keys", ...keys } }).iam;
}

async function createUserWithKey(iam: IAMClient, name: string, policies: Record<string, PolicyDocument>): Promise<AccessKeys> {
  await iam.send(new CreateUserCommand({ UserName: name }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey;
  if (!key?.AccessKeyId || !key.SecretAccessKey) throw new Error(`CreateAccessKey returned no key for ${name}`);
  for (const [PolicyName, doc] of Object.entries(policies)) {
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName, PolicyDocument: JSON.stringify(doc) }));
  }
  return { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
}

/** Starts the enforcing emulator in beforeAll (after withEmulator's), stops it in afterAll. */
export function withEnforcingEmulator(): () => EnforcingAccount {
  let account: EnforcingAccount | undefined;
  let stop: (() => Promise<void>) | undefined;
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "tt-enforcing-"));
    const previous = process.env.INITIAL_NO_AUTH_ACTION_COUNT;
    process.env.INITIAL_NO_AUTH_ACTION_COUNT = String(BOOTSTRAP_REQUESTS);
    let url: string;
    try {
      const emulator = await startEmulator({ port: 0, stateDir: dir, log: () => {} });
      stop = emulator.stop;
      url = emulator.url;
    } finally {
      if (previous === undefined) delete process.env.INITIAL_NO_AUTH_ACTION_COUNT;
      else process.env.INITIAL_NO_AUTH_ACTION_COUNT = previous;
    }
    const unknown = iamAt(url, { accessKeyId: "test", secretAccessKey: "test" });
    const admin = await createUserWithKey(unknown, "admin", { everything: allowing(["*"]) });
    // Bounded: the bootstrap used the count up, so the first try should be refused already.
    for (let attempt = 0; ; attempt++) {
      const refused = await unknown.send(new ListUsersCommand({})).then(
        () => false,
        (err: unknown) => {
          if (awsErrorCode(err) !== "InvalidClientTokenId") throw err;
          return true;
        },
      );
      if (refused) break;
      if (attempt >= BOOTSTRAP_REQUESTS) throw new Error("the emulator still accepts an unknown access key: IAM is not enforced");
    }
    const adminIam = iamAt(url, admin);
    account = { url, adminIam, createUser: (name, policies) => createUserWithKey(adminIam, name, policies) };
  });
  afterAll(async () => {
    await stop?.();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!account) throw new Error("the enforcing emulator is not running (use it inside a test)");
    return account;
  };
}
