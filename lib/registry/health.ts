import "server-only";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { homeClients } from "@/lib/aws/clients";
import { awsErrorCode, isAwsError } from "@/lib/aws/errors";
import { config } from "@/lib/config/env";
import { registryTableName } from "@/lib/registry/table";

/** Liveness plus whether the AWS endpoint answers (a DescribeTable on the registry table). */
export async function checkHealth() {
  const started = performance.now();
  let reachable = true;
  let error: string | null = null;
  try {
    await homeClients().dynamodb.send(new DescribeTableCommand({ TableName: registryTableName() }), {
      abortSignal: AbortSignal.timeout(3000),
    });
  } catch (err) {
    // A missing table still proves the endpoint answered.
    if (!isAwsError(err, "ResourceNotFoundException")) {
      reachable = false;
      error = awsErrorCode(err) ?? "unreachable";
    }
  }
  return {
    status: reachable ? ("ok" as const) : ("degraded" as const),
    mode: config().mode,
    aws: { reachable, latencyMs: Math.round(performance.now() - started), error },
    time: new Date().toISOString(),
  };
}
