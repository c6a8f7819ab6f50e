import "server-only";
import { DeleteRuleCommand, PutRuleCommand, PutTargetsCommand, RemoveTargetsCommand } from "@aws-sdk/client-eventbridge";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import { isAwsError, toUpstreamError } from "@/lib/aws/errors";
import { ValidationError } from "@/lib/http/errors";
import type { JobType } from "@/lib/jobs/schema";
import type { JobStore } from "@/lib/jobs/store";

/**
 * A job type's schedule is an EventBridge rule in the environment's account,
 * targeting the app's Lambda function (appFunctionArn on the environment). The
 * event names the job; the app records the run it makes with trigger `cron`.
 */
export function ruleName(env: string, jobId: string): string {
  return `tt-${env}-${jobId}`.slice(0, 64);
}

const TARGET_ID = "tanktower-app";

export async function syncSchedule(store: JobStore, job: JobType): Promise<void> {
  const { events } = clientsForEnvironment(store.env);
  const Name = ruleName(store.env.name, job.id);
  try {
    if (!job.schedule) {
      try {
        await events.send(new RemoveTargetsCommand({ Rule: Name, Ids: [TARGET_ID] }));
        await events.send(new DeleteRuleCommand({ Name }));
      } catch (err) {
        if (!isAwsError(err, "ResourceNotFoundException")) throw err;
      }
      return;
    }
    if (!store.env.appFunctionArn) {
      throw ValidationError.forField("schedule", `Set the app function ARN on the environment ${store.env.name} first: the schedule invokes it.`);
    }
    await events.send(
      new PutRuleCommand({
        Name,
        ScheduleExpression: job.schedule,
        State: job.status === "available" ? "ENABLED" : "DISABLED",
        Description: `TankTower job ${job.name} (${job.handler})`.slice(0, 512),
      }),
    );
    await events.send(
      new PutTargetsCommand({
        Rule: Name,
        Targets: [
          {
            Id: TARGET_ID,
            Arn: store.env.appFunctionArn,
            Input: JSON.stringify({ source: "tanktower.console", trigger: "cron", job: { id: job.id, name: job.name, handler: job.handler } }),
          },
        ],
      }),
    );
  } catch (err) {
    throw toUpstreamError(err, `saving the schedule of ${job.name}`);
  }
}
