import "server-only";
import type { AwsClients } from "@/lib/aws/clients";
import type { EnvironmentRecord } from "@/lib/environments/record";
import type { EnvironmentNames } from "@/lib/provisioning/names";
import type { RenderContext } from "@/lib/provisioning/policy-types";
import type { Installer } from "@/lib/provisioning/read-state";

/** What a step needs while applying; `render` fills in as earlier steps create things. */
export type ApplyContext = {
  env: EnvironmentRecord;
  names: EnvironmentNames;
  aws: AwsClients;
  render: RenderContext;
  installer: Installer | undefined;
  userPoolId: string | undefined;
  policyArn: string;
};

export type StepExecutor = (ctx: ApplyContext, target: string) => Promise<void>;
