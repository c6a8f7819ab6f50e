import "server-only";
import { GetRoleCommand } from "@aws-sdk/client-iam";
import { CreateFunctionCommand, GetFunctionCommand } from "@aws-sdk/client-lambda";
import { isAwsError } from "@/lib/aws/errors";
import { clientsForEnvironment } from "@/lib/environments/aws-target";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { environmentNames } from "@/lib/provisioning/names";

/**
 * The sandbox's stand-in for the app's Lambda function (Zappa names it
 * `tanktower-<env>`), so a job type's schedule can be saved locally: its
 * EventBridge rule targets the function and the function's policy lets the rule
 * invoke it (schedules.ts). The emulator never runs it (the sample app serves
 * the HTTP handlers); it only has to exist, with the environment's app role
 * (provisioning step 5). Idempotent. Sandbox setup only (`tt sandbox jobs`).
 */
// An empty zip archive: the function is never invoked.
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

export async function ensureSandboxAppFunction(env: EnvironmentRecord): Promise<string | undefined> {
  const { lambda, iam } = clientsForEnvironment(env);
  const FunctionName = `tanktower-${env.name}`;
  try {
    return (await lambda.send(new GetFunctionCommand({ FunctionName }))).Configuration?.FunctionArn;
  } catch (err) {
    if (!isAwsError(err, "ResourceNotFoundException")) throw err;
  }
  let roleArn: string | undefined;
  try {
    roleArn = (await iam.send(new GetRoleCommand({ RoleName: environmentNames(env.name).roleName }))).Role?.Arn;
  } catch (err) {
    // Not provisioned yet: no function, and schedules keep saying the function is missing.
    if (isAwsError(err, "NoSuchEntity", "NoSuchEntityException")) return undefined;
    throw err;
  }
  if (!roleArn) return undefined;
  const out = await lambda.send(new CreateFunctionCommand({ FunctionName, Runtime: "python3.12", Handler: "handler.lambda_handler", Role: roleArn, Code: { ZipFile: EMPTY_ZIP } }));
  return out.FunctionArn;
}
