import "server-only";
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  DeletePolicyVersionCommand,
  ListPolicyVersionsCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { isAwsError } from "@/lib/aws/errors";
import { renderTankInlinePolicy, renderTrustPolicy, renderTtPolicy } from "@/lib/provisioning/policies";
import { updateProvisioningRecord } from "@/lib/provisioning/record";
import { withIamPropagation } from "@/lib/provisioning/steps/iam-retry";
import type { StepExecutor } from "@/lib/provisioning/steps/context";

const doc = (d: unknown) => JSON.stringify(d);

/** Step 2: the inline policy on the installer user (or role). */
export const putInlinePolicy: StepExecutor = async (ctx) => {
  const who = ctx.installer;
  if (!who || who.kind === "other") throw new Error("the installer is not an IAM user or role");
  const PolicyDocument = doc(renderTankInlinePolicy(ctx.render).document);
  const PolicyName = ctx.names.inlinePolicyName;
  if (who.kind === "user") await ctx.aws.iam.send(new PutUserPolicyCommand({ UserName: who.name, PolicyName, PolicyDocument }));
  else await ctx.aws.iam.send(new PutRolePolicyCommand({ RoleName: who.name, PolicyName, PolicyDocument }));
};

/** Step 4: the managed policy, rendered with the pool and bucket known by now. */
export const createPolicy: StepExecutor = async (ctx) => {
  try {
    const out = await ctx.aws.iam.send(
      new CreatePolicyCommand({
        PolicyName: ctx.names.policyName,
        PolicyDocument: doc(renderTtPolicy(ctx.render).document),
        Description: `TankTower ${ctx.env.name}: what the app's Lambda role may do (setup step 4)`,
      }),
    );
    await recordPolicyVersion(ctx.env.name, out.Policy?.Arn, out.Policy?.DefaultVersionId);
  } catch (err) {
    if (!isAwsError(err, "EntityAlreadyExists", "EntityAlreadyExistsException")) throw err;
    await updatePolicy(ctx, ctx.policyArn);
  }
};

/** Drift repair: a new default version, deleting the oldest non-default one when IAM's five are used. */
export const updatePolicy: StepExecutor = async (ctx) => {
  const PolicyArn = ctx.policyArn;
  const versions = (await ctx.aws.iam.send(new ListPolicyVersionsCommand({ PolicyArn }))).Versions ?? [];
  if (versions.length >= 5) {
    const oldest = versions
      .filter((v) => !v.IsDefaultVersion && v.VersionId)
      .sort((a, b) => (a.CreateDate?.getTime() ?? 0) - (b.CreateDate?.getTime() ?? 0))[0];
    if (oldest?.VersionId) await ctx.aws.iam.send(new DeletePolicyVersionCommand({ PolicyArn, VersionId: oldest.VersionId }));
  }
  const out = await ctx.aws.iam.send(new CreatePolicyVersionCommand({ PolicyArn, PolicyDocument: doc(renderTtPolicy(ctx.render).document), SetAsDefault: true }));
  await recordPolicyVersion(ctx.env.name, PolicyArn, out.PolicyVersion?.VersionId);
};

/** The checklist reads the policy's document straight from the recorded version (read-state.ts), checking it is still the default. */
async function recordPolicyVersion(env: string, policyArn: string | undefined, policyVersionId: string | undefined): Promise<void> {
  if (policyArn && policyVersionId) await updateProvisioningRecord(env, { policyArn, policyVersionId });
}

/** Step 5 + 5b: the Lambda role with the document's trust policy, then the policy attached. */
export const createRole: StepExecutor = async (ctx) => {
  try {
    await ctx.aws.iam.send(
      new CreateRoleCommand({
        RoleName: ctx.names.roleName,
        AssumeRolePolicyDocument: doc(renderTrustPolicy()),
        Description: `TankTower ${ctx.env.name}: the role the app's Lambda functions run as (setup step 5)`,
      }),
    );
  } catch (err) {
    if (!isAwsError(err, "EntityAlreadyExists", "EntityAlreadyExistsException")) throw err;
  }
  await attachPolicy(ctx, ctx.names.roleName);
};

export const attachPolicy: StepExecutor = async (ctx) => {
  await withIamPropagation(() => ctx.aws.iam.send(new AttachRolePolicyCommand({ RoleName: ctx.names.roleName, PolicyArn: ctx.policyArn })));
};

/** Step 5b drift repair. */
export const updateTrust: StepExecutor = async (ctx) => {
  await ctx.aws.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: ctx.names.roleName, PolicyDocument: doc(renderTrustPolicy()) }));
};
