import { IAMClient, SimulateCustomPolicyCommand, type SimulateCustomPolicyCommandInput } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { APP_ACTIONS } from "@/lib/provisioning/app-actions";
import { leastPrivilegeFor } from "@/lib/provisioning/least-privilege-iam";
import { renderTtPolicy } from "@/lib/provisioning/policies";
import type { RenderContext } from "@/lib/provisioning/policy-types";

/**
 * IAM's simulator is what real AWS answers with, and the emulator has none:
 * a client whose send is replaced stands in for IAM here (the only way to
 * produce its answers locally). The sandbox path is covered by the
 * provisioning integration test.
 */
const ctx: RenderContext = {
  env: "acme",
  region: "eu-west-3",
  accountId: "123456789012",
  bucketName: "acmeqwertyui",
  userPoolArn: "arn:aws:cognito-idp:eu-west-3:123456789012:userpool/eu-west-3_AbCdEf123",
};

function fakeIam(answer: (input: SimulateCustomPolicyCommandInput) => "allowed" | "implicitDeny" | Error) {
  const calls: SimulateCustomPolicyCommandInput[] = [];
  const iam = new IAMClient({ region: "us-east-1" });
  iam.send = (async (command: unknown) => {
    if (!(command instanceof SimulateCustomPolicyCommand)) throw new Error("unexpected command");
    const input = command.input;
    calls.push(input);
    const results = (input.ActionNames ?? []).map((EvalActionName) => {
      const decision = answer({ ...input, ActionNames: [EvalActionName] });
      if (decision instanceof Error) throw decision;
      return { EvalActionName, EvalResourceName: input.ResourceArns?.[0], EvalDecision: decision };
    });
    return { EvaluationResults: results, IsTruncated: false };
  }) as IAMClient["send"];
  return { iam, calls };
}

describe("leastPrivilegeFor", () => {
  const policy = renderTtPolicy(ctx).document;

  it("asks IAM once per resource with the rendered policy and reports IAM's decisions", async () => {
    const { iam, calls } = fakeIam((input) => (input.ActionNames?.[0] === "ses:SendEmail" ? "implicitDeny" : "allowed"));
    const { results, source } = await leastPrivilegeFor(iam, policy, ctx);
    expect(source).toEqual({ by: "iam" });
    expect(results.map((r) => r.action)).toEqual(APP_ACTIONS(ctx).map((a) => a.action));
    expect(results.filter((r) => !r.allowed).map((r) => r.action)).toEqual(["ses:SendEmail"]);
    const resources = new Set(APP_ACTIONS(ctx).filter((a) => !a.notAuthorizedByIam).map((a) => a.resource));
    expect(calls).toHaveLength(resources.size);
    expect(calls.every((c) => c.PolicyInputList?.[0] === JSON.stringify(policy))).toBe(true);
    // RespondToAuthChallenge is not IAM's to decide, so it is not asked.
    expect(calls.some((c) => c.ActionNames?.includes("cognito-idp:RespondToAuthChallenge"))).toBe(false);
  });

  it("falls back to the local evaluator, saying why, when IAM cannot be asked", async () => {
    const refused = Object.assign(new Error("no"), { name: "AccessDenied" });
    const { iam } = fakeIam(() => refused);
    const { results, source } = await leastPrivilegeFor(iam, policy, ctx);
    expect(source).toEqual({ by: "local", why: "IAM's policy simulator could not be asked (AccessDenied)." });
    expect(results.filter((r) => !r.allowed)).toEqual([]);
  });
});
