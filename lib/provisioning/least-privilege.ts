/**
 * Checks a policy against what the app does (app-actions.ts), so "the
 * rendered step 4 policy lets the app work" is tested rather than assumed.
 *
 * Two ways to answer, same result shape: IAM's own SimulateCustomPolicy when
 * the environment's AWS can be asked (least-privilege-iam.ts), and the small
 * local evaluator here (policy-evaluator.ts) where it cannot, such as the
 * sandbox. Pure; a dev-only test compares the local verdicts with a full
 * simulator on the console's rendered policies.
 */
import { APP_ACTIONS, type AppAction } from "@/lib/provisioning/app-actions";
import { evaluatePolicy } from "@/lib/provisioning/policy-evaluator";
import type { PolicyDocument, RenderContext } from "@/lib/provisioning/policy-types";

export type LeastPrivilegeResult = {
  action: string;
  resource: string;
  why: string;
  allowed: boolean;
  /** Why `allowed` is what it is when the check could not simply say (not authorized by IAM, an unevaluated condition). */
  detail?: string;
};

/** Who answered: IAM's simulator, or the local evaluator (and why IAM was not used). */
export type LeastPrivilegeSource = { by: "iam" } | { by: "local"; why: string };

export const NOT_AUTHORIZED_BY_IAM = "Authorized by the service, not by IAM: the policy cannot allow or deny it.";

function evaluateLocally(policy: PolicyDocument, item: AppAction): LeastPrivilegeResult {
  const base = { action: item.action, resource: item.resource, why: item.why };
  if (item.notAuthorizedByIam) return { ...base, allowed: true, detail: NOT_AUTHORIZED_BY_IAM };
  const { decision, reason } = evaluatePolicy(policy, { action: item.action, resource: item.resource });
  return { ...base, allowed: decision === "allowed", ...(reason ? { detail: reason } : {}) };
}

/** One row per app action, in APP_ACTIONS order, from the local evaluator. */
export function checkLeastPrivilege(policy: PolicyDocument, ctx: RenderContext): LeastPrivilegeResult[] {
  return APP_ACTIONS(ctx).map((item) => evaluateLocally(policy, item));
}
