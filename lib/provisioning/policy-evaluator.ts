/**
 * A small evaluator of identity policies, for the statements the console
 * itself renders (policies.ts): Allow and Deny; Action, NotAction, Resource
 * and NotResource with `*` and `?` wildcards. Used where IAM's own simulator
 * cannot be asked (the sandbox, or an installer without
 * iam:SimulateCustomPolicy). Pure: no AWS calls, no data files.
 *
 * What it does not do, on purpose: conditions (a statement with a Condition
 * makes the answer "undecided" when it matches, rather than a guess),
 * resource-based policies, permission boundaries, SCPs and sessions. The
 * console's step 4 policy uses none of these; a dev-only test compares this
 * evaluator with a full simulator on the rendered policies.
 */
import type { PolicyDocument, PolicyStatement } from "@/lib/provisioning/policy-types";

export type Decision = "allowed" | "explicitDeny" | "implicitDeny" | "undecided";

export type EvaluationRequest = { action: string; resource: string };

/** Statement fields as this evaluator reads them (the rendered type plus the Not* forms IAM allows). */
type AnyStatement = PolicyStatement & { NotAction?: string | string[]; NotResource?: string | string[] };

const list = (value: string | string[] | undefined): string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];

/** IAM's wildcards: `*` any run of characters, `?` one character; everything else literal. */
function globToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  const body = pattern
    .split("")
    .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\/-]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, caseInsensitive ? "is" : "s");
}

/** Action names are case-insensitive in IAM ("s3:getobject" matches "s3:GetObject"). */
export function actionMatches(pattern: string, action: string): boolean {
  return globToRegExp(pattern, true).test(action);
}

/**
 * ARNs match segment by segment: partition, service, region and account each
 * on their own (a wildcard there does not run into the next segment); the
 * resource part, which may itself hold colons, is matched as one string.
 */
export function resourceMatches(pattern: string, resource: string): boolean {
  if (pattern === "*") return true;
  const p = splitArn(pattern);
  const r = splitArn(resource);
  if (!p || !r) return globToRegExp(pattern, false).test(resource);
  return p.every((segment, i) => globToRegExp(segment, false).test(r[i] ?? ""));
}

function splitArn(value: string): string[] | undefined {
  const parts = value.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(":")];
}

function statementApplies(s: AnyStatement, req: EvaluationRequest): boolean {
  const actions = list(s.Action);
  const notActions = list(s.NotAction);
  const actionHit = actions
    ? actions.some((p) => actionMatches(p, req.action))
    : notActions
      ? !notActions.some((p) => actionMatches(p, req.action))
      : false;
  if (!actionHit) return false;
  const resources = list(s.Resource);
  const notResources = list(s.NotResource);
  if (resources) return resources.some((p) => resourceMatches(p, req.resource));
  if (notResources) return !notResources.some((p) => resourceMatches(p, req.resource));
  return false;
}

/** IAM's order: an explicit Deny wins, then any Allow, else the implicit deny. */
export function evaluatePolicy(policy: PolicyDocument, req: EvaluationRequest): { decision: Decision; reason?: string } {
  let allowed = false;
  let conditionalDeny: string | undefined;
  let conditionalAllow: string | undefined;
  for (const s of policy.Statement as AnyStatement[]) {
    if (!statementApplies(s, req)) continue;
    const name = s.Sid ? `statement ${s.Sid}` : "a statement without Sid";
    const conditional = s.Condition !== undefined && Object.keys(s.Condition).length > 0;
    if (s.Effect === "Deny" && !conditional) return { decision: "explicitDeny", reason: `denied by ${name}` };
    if (s.Effect === "Deny") conditionalDeny ??= `${name} denies it under a condition this check does not evaluate`;
    else if (conditional) conditionalAllow ??= `${name} allows it only under a condition this check does not evaluate`;
    else allowed = true;
  }
  if (conditionalDeny) return { decision: "undecided", reason: conditionalDeny };
  if (allowed) return { decision: "allowed" };
  if (conditionalAllow) return { decision: "undecided", reason: conditionalAllow };
  return { decision: "implicitDeny" };
}
