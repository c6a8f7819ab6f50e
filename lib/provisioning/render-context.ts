import type { EnvironmentState } from "@/lib/provisioning/read-state";
import type { RenderContext } from "@/lib/provisioning/policy-types";
import { valueOf } from "@/lib/provisioning/probe";

/** What policies are rendered with, from what is known now (placeholders for what is not). */
export function renderContextOf(state: EnvironmentState, overrides: Partial<RenderContext> = {}): RenderContext {
  const identity = valueOf(state.identity);
  return {
    env: state.env.name,
    region: state.env.region,
    accountId: identity?.account ?? state.env.accountId ?? "000000000000",
    partition: identity?.arn.split(":")[1] ?? "aws",
    bucketName: state.record.bucketName,
    userPoolArn: valueOf(state.pool)?.arn,
    appApiUrl: state.env.appApiUrl,
    ...overrides,
  };
}
