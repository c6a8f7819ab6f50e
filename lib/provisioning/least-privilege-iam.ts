import "server-only";
import { SimulateCustomPolicyCommand, type EvaluationResult, type IAMClient } from "@aws-sdk/client-iam";
import { awsErrorCode } from "@/lib/aws/errors";
import { APP_ACTIONS } from "@/lib/provisioning/app-actions";
import {
  checkLeastPrivilege,
  NOT_AUTHORIZED_BY_IAM,
  type LeastPrivilegeResult,
  type LeastPrivilegeSource,
} from "@/lib/provisioning/least-privilege";
import type { PolicyDocument, RenderContext } from "@/lib/provisioning/policy-types";

/**
 * The least-privilege check asked of IAM itself (SimulateCustomPolicy), one
 * call per distinct resource, in parallel. Where IAM cannot be asked (the
 * call is refused, unsupported as in the sandbox's emulator, or fails) the
 * local evaluator answers instead and says why: the same code on every
 * target, no emulator branch.
 */
async function simulateResource(iam: IAMClient, policy: string, resource: string, actions: string[]): Promise<EvaluationResult[]> {
  const results: EvaluationResult[] = [];
  let Marker: string | undefined;
  do {
    const out = await iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: actions, ResourceArns: [resource], Marker }),
    );
    results.push(...(out.EvaluationResults ?? []));
    Marker = out.IsTruncated ? out.Marker : undefined;
  } while (Marker);
  return results;
}

async function simulateWithIam(iam: IAMClient, policy: PolicyDocument, ctx: RenderContext): Promise<LeastPrivilegeResult[]> {
  const items = APP_ACTIONS(ctx);
  const byResource = new Map<string, string[]>();
  for (const item of items) {
    if (item.notAuthorizedByIam) continue;
    byResource.set(item.resource, [...(byResource.get(item.resource) ?? []), item.action]);
  }
  const document = JSON.stringify(policy);
  const answers = await Promise.all([...byResource].map(([resource, actions]) => simulateResource(iam, document, resource, actions)));
  const decisions = new Map<string, string>();
  for (const r of answers.flat()) decisions.set(`${r.EvalActionName ?? ""}|${r.EvalResourceName ?? ""}`, r.EvalDecision ?? "");
  return items.map((item) => {
    const base = { action: item.action, resource: item.resource, why: item.why };
    if (item.notAuthorizedByIam) return { ...base, allowed: true, detail: NOT_AUTHORIZED_BY_IAM };
    const decision = decisions.get(`${item.action}|${item.resource}`);
    if (decision === undefined) throw new Error(`IAM gave no decision for ${item.action}`);
    return { ...base, allowed: decision === "allowed" };
  });
}

export async function leastPrivilegeFor(
  iam: IAMClient,
  policy: PolicyDocument,
  ctx: RenderContext,
): Promise<{ results: LeastPrivilegeResult[]; source: LeastPrivilegeSource }> {
  try {
    return { results: await simulateWithIam(iam, policy, ctx), source: { by: "iam" } };
  } catch (err) {
    const code = awsErrorCode(err) ?? "UnknownError";
    return { results: checkLeastPrivilege(policy, ctx), source: { by: "local", why: `IAM's policy simulator could not be asked (${code}).` } };
  }
}
