import "server-only";
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateUserCommand,
  ListAccessKeysCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { SendEmailCommand } from "@aws-sdk/client-sesv2";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { clientsForEnvironment, targetFor } from "@/lib/environments/aws-target";
import { getEnvironment } from "@/lib/environments/read";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { updateEnvironment } from "@/lib/environments/write";
import { ConflictError } from "@/lib/http/errors";
import { environmentNames } from "@/lib/provisioning/names";

/**
 * Step 1 done by the console itself, where its credentials may: the group with
 * AdministratorAccess, the installer user in it, and an access key that the
 * environment then uses. The new secret is returned once and only stored sealed.
 */
export type RevealedKey = { accessKeyId: string; secretAccessKey: string };

/** IAM allows two access keys per user. */
const MAX_ACCESS_KEYS = 2;

/**
 * The precondition, checked with one read before the slow part (group,
 * policy, user, key): a user that already holds two keys cannot get a third.
 */
async function assertRoomForAKey(iam: IAMClient, userName: string): Promise<void> {
  let count = 0;
  try {
    const out = await iam.send(new ListAccessKeysCommand({ UserName: userName }));
    count = out.AccessKeyMetadata?.length ?? 0;
  } catch (err) {
    if (isAwsError(err, "NoSuchEntity", "NoSuchEntityException")) return;
    throw toUpstreamError(err, "reading the installer's access keys");
  }
  if (count >= MAX_ACCESS_KEYS) throw new ConflictError(`${userName} already has two access keys; delete one in IAM first.`);
}

export async function createInstaller(env: EnvironmentRecord, actor: string): Promise<RevealedKey & { userName: string }> {
  const names = environmentNames(env.name);
  const { iam, sts } = clientsForEnvironment(env);
  await assertRoomForAKey(iam, names.installerUserName);
  const ignoreExists = (err: unknown) => {
    if (!isAwsError(err, "EntityAlreadyExists", "EntityAlreadyExistsException")) throw err;
  };
  let key: RevealedKey;
  try {
    // The partition (aws, aws-cn, aws-us-gov) of the managed policy's ARN is the caller's.
    const caller = await sts.send(new GetCallerIdentityCommand({}));
    const partition = caller.Arn?.split(":")[1] ?? "aws";
    await iam.send(new CreateGroupCommand({ GroupName: names.installerGroupName })).catch(ignoreExists);
    await iam.send(new AttachGroupPolicyCommand({ GroupName: names.installerGroupName, PolicyArn: `arn:${partition}:iam::aws:policy/AdministratorAccess` }));
    await iam.send(new CreateUserCommand({ UserName: names.installerUserName })).catch(ignoreExists);
    await iam.send(new AddUserToGroupCommand({ GroupName: names.installerGroupName, UserName: names.installerUserName }));
    const out = await iam.send(new CreateAccessKeyCommand({ UserName: names.installerUserName }));
    const id = out.AccessKey?.AccessKeyId;
    const secret = out.AccessKey?.SecretAccessKey;
    if (!id || !secret) throw new Error("CreateAccessKey returned no key");
    key = { accessKeyId: id, secretAccessKey: secret };
  } catch (err) {
    if (isAwsError(err, "LimitExceeded", "LimitExceededException")) {
      throw new ConflictError(`${names.installerUserName} already has two access keys; delete one in IAM first.`);
    }
    throw toUpstreamError(err, "creating the installer");
  }
  const current = await getEnvironment(env.name);
  await updateEnvironment(
    env.name,
    { credentials: { type: "keys", accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey }, version: current.version },
    actor,
  );
  return { ...key, userName: names.installerUserName };
}

/** The stored access key of an environment, for an explicit (audited) reveal. */
export function revealSecret(env: EnvironmentRecord): RevealedKey {
  if (env.credentials.type !== "keys") throw new ConflictError(`${env.name} does not use stored access keys.`);
  const target = targetFor(env);
  if (target.credentials.type !== "keys") throw new ConflictError(`${env.name} does not use stored access keys.`);
  return { accessKeyId: target.credentials.accessKeyId, secretAccessKey: target.credentials.secretAccessKey };
}

/** Step 7: a test message from the environment's sender. */
export async function sendTestEmail(env: EnvironmentRecord, to: string): Promise<{ messageId: string }> {
  // The request is fine; the environment is not ready for it yet.
  if (!env.sesSender) throw new ConflictError("Set the SES sender address of the environment first.", { sesSender: ["Set the SES sender address of the environment first."] });
  try {
    const out = await clientsForEnvironment(env).ses.send(
      new SendEmailCommand({
        FromEmailAddress: env.sesSender,
        Destination: { ToAddresses: [to] },
        Content: {
          Simple: {
            Subject: { Data: `TankTower ${env.name}: test email` },
            Body: { Text: { Data: `This test message was sent by TankTower Console from ${env.sesSender} for environment ${env.name}.` } },
          },
        },
      }),
    );
    return { messageId: out.MessageId ?? "" };
  } catch (err) {
    // SES's own verdict on the sender is about the environment's state, not a failure of AWS.
    if (isAwsError(err, "MessageRejected", "MailFromDomainNotVerifiedException", "AccountSuspendedException", "SendingPausedException")) {
      throw new ConflictError(`SES refused to send from ${env.sesSender}: verify the sender (setup step 7) and leave the SES sandbox if needed.`);
    }
    throw toUpstreamError(err, "sending the test email");
  }
}
