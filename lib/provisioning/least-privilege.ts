/**
 * Checks a policy against what the app does (app-actions.ts) with an IAM
 * policy simulator (@cloud-copilot/iam-simulate), so "the rendered step 4
 * policy lets the app work" is tested rather than assumed.
 *
 * No AWS calls, but the simulator reads its action catalogue from files in
 * node_modules: run this on the server or in tests, not in the browser.
 */
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { APP_ACTIONS, type AppAction } from "@/lib/provisioning/app-actions";
import { environmentNames } from "@/lib/provisioning/names";
import { partitionOf } from "@/lib/provisioning/arns";
import type { PolicyDocument, RenderContext } from "@/lib/provisioning/policy-types";

export type LeastPrivilegeResult = {
  action: string;
  resource: string;
  why: string;
  allowed: boolean;
  /** Why `allowed` is what it is when the simulator could not say (not authorized by IAM, or a simulation error). */
  detail?: string;
};

async function simulate(policy: PolicyDocument, ctx: RenderContext, item: AppAction): Promise<LeastPrivilegeResult> {
  const base = { action: item.action, resource: item.resource, why: item.why };
  if (item.notAuthorizedByIam) {
    return { ...base, allowed: true, detail: "Authorized by the service, not by IAM: the policy cannot allow or deny it." };
  }
  const principal = `arn:${partitionOf(ctx)}:iam::${ctx.accountId}:role/${environmentNames(ctx.env).roleName}`;
  const response = await runSimulation(
    {
      request: { principal, action: item.action, resource: { resource: item.resource, accountId: ctx.accountId }, contextVariables: {} },
      identityPolicies: [{ name: "policy", policy }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    { simulationMode: "Strict" },
  );
  if (response.resultType === "error") {
    return { ...base, allowed: false, detail: `The simulator rejected the request: ${response.errors.message}` };
  }
  return { ...base, allowed: response.overallResult === "Allowed" };
}

/** One row per app action, in APP_ACTIONS order. */
export async function checkLeastPrivilege(policy: PolicyDocument, ctx: RenderContext): Promise<LeastPrivilegeResult[]> {
  return Promise.all(APP_ACTIONS(ctx).map((item) => simulate(policy, ctx, item)));
}
