import "server-only";
import { DeleteRuleCommand, PutRuleCommand, PutTargetsCommand, RemoveTargetsCommand } from "@aws-sdk/client-eventbridge";
import { AddPermissionCommand, GetPolicyCommand, RemovePermissionCommand } from "@aws-sdk/client-lambda";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { ValidationError } from "@/lib/http/errors";
import type { AwsClients } from "@/lib/aws/clients";
import type { JobType } from "@/lib/jobs/schema";
import type { JobStore } from "@/lib/jobs/store";

/**
 * A job type's schedule is an EventBridge rule in the environment's account,
 * targeting the app's Lambda function (appFunctionArn on the environment). The
 * event names the job; the app records the run it makes with trigger `cron`.
 *
 * A rule may only invoke a function whose resource policy allows it, so the
 * function also gets a statement (id = the rule name) for principal
 * events.amazonaws.com with SourceArn = the rule's ARN, removed with the rule.
 * The console's credentials for the environment need events:PutRule,
 * PutTargets, RemoveTargets, DeleteRule and lambda:AddPermission,
 * RemovePermission, GetPolicy on the function (docs/data-model.md).
 */
export function ruleName(env: string, jobId: string): string {
  return `tt-${env}-${jobId}`.slice(0, 64);
}

const TARGET_ID = "tanktower-app";

/** Whether the function's policy already holds the statement (AWS refuses a second one with the same id; the emulator would add it twice). */
async function hasStatement(lambda: AwsClients["lambda"], FunctionName: string, sid: string): Promise<boolean> {
  try {
    const out = await lambda.send(new GetPolicyCommand({ FunctionName }));
    const policy = JSON.parse(out.Policy ?? "{}") as { Statement?: Array<{ Sid?: string }> };
    return (policy.Statement ?? []).some((s) => s.Sid === sid);
  } catch (err) {
    // No policy yet (or no function: AddPermission then says which).
    if (isAwsError(err, "ResourceNotFoundException")) return false;
    throw err;
  }
}

async function allowRule(lambda: AwsClients["lambda"], FunctionName: string, sid: string, ruleArn: string): Promise<void> {
  if (await hasStatement(lambda, FunctionName, sid)) return;
  try {
    await lambda.send(
      new AddPermissionCommand({ FunctionName, StatementId: sid, Action: "lambda:InvokeFunction", Principal: "events.amazonaws.com", SourceArn: ruleArn }),
    );
  } catch (err) {
    // Another save added it meanwhile.
    if (!isAwsError(err, "ResourceConflictException")) throw err;
  }
}

async function removeSchedule(c: AwsClients, Name: string, functionArn: string | undefined): Promise<void> {
  try {
    await c.events.send(new RemoveTargetsCommand({ Rule: Name, Ids: [TARGET_ID] }));
    await c.events.send(new DeleteRuleCommand({ Name }));
  } catch (err) {
    if (!isAwsError(err, "ResourceNotFoundException")) throw err;
  }
  if (!functionArn) return;
  try {
    await c.lambda.send(new RemovePermissionCommand({ FunctionName: functionArn, StatementId: Name }));
  } catch (err) {
    // No such statement (never added, or removed already), or the function is gone.
    if (!isAwsError(err, "ResourceNotFoundException")) throw err;
  }
}

export async function syncSchedule(store: JobStore, job: JobType): Promise<void> {
  const c = clientsForEnvironment(store.env);
  const Name = ruleName(store.env.name, job.id);
  const functionArn = store.env.appFunctionArn;
  try {
    if (!job.schedule) {
      await removeSchedule(c, Name, functionArn);
      return;
    }
    if (!functionArn) {
      throw ValidationError.forField("schedule", `Set the app function ARN on the environment ${store.env.name} first: the schedule invokes it.`);
    }
    const rule = await c.events.send(
      new PutRuleCommand({
        Name,
        ScheduleExpression: job.schedule,
        State: job.status === "available" ? "ENABLED" : "DISABLED",
        Description: `TankTower job ${job.name} (${job.handler})`.slice(0, 512),
      }),
    );
    if (!rule.RuleArn) throw new Error("PutRule answered without the rule's ARN");
    try {
      await allowRule(c.lambda, functionArn, Name, rule.RuleArn);
    } catch (err) {
      if (!isAwsError(err, "ResourceNotFoundException")) throw err;
      // A rule that could never invoke its target is not left behind.
      await removeSchedule(c, Name, undefined);
      throw ValidationError.forField(
        "schedule",
        `The app function ${functionArn} does not exist (or is not visible to the console) in ${store.env.name}: set the environment's app function ARN to the deployed function, then save the schedule again.`,
      );
    }
    await c.events.send(
      new PutTargetsCommand({
        Rule: Name,
        Targets: [
          {
            Id: TARGET_ID,
            Arn: functionArn,
            Input: JSON.stringify({ source: "tanktower.console", trigger: "cron", job: { id: job.id, name: job.name, handler: job.handler } }),
          },
        ],
      }),
    );
  } catch (err) {
    throw toUpstreamError(err, `saving the schedule of ${job.name}`);
  }
}
