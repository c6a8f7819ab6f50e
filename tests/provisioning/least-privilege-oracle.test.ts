/**
 * The local evaluator against a full IAM policy simulator
 * (@cloud-copilot/iam-simulate, AGPL-3.0: a dev dependency only, never
 * shipped). Every app action, plus requests the policies must refuse, on the
 * policies the console renders and on variants of them: the two must agree.
 */
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { describe, expect, it } from "vitest";
import { APP_ACTIONS } from "@/lib/provisioning/app-actions";
import { evaluatePolicy } from "@/lib/provisioning/policy-evaluator";
import { renderTankInlinePolicy, renderTtPolicy } from "@/lib/provisioning/policies";
import type { PolicyDocument, PolicyStatement, RenderContext } from "@/lib/provisioning/policy-types";

const full: RenderContext = {
  env: "acme",
  region: "eu-west-3",
  accountId: "123456789012",
  bucketName: "acmeqwertyui",
  userPoolArn: "arn:aws:cognito-idp:eu-west-3:123456789012:userpool/eu-west-3_AbCdEf123",
  appApiUrl: "https://a1b2c3d4e5.execute-api.eu-west-3.amazonaws.com/acme",
};
const contexts: Record<string, RenderContext> = {
  full,
  "plan before pool and bucket": { env: "acme", region: "eu-west-3", accountId: "123456789012" },
  "custom domain": { ...full, appApiUrl: "https://api.acme.example" },
  "China partition": { ...full, partition: "aws-cn", region: "cn-north-1", userPoolArn: "arn:aws-cn:cognito-idp:cn-north-1:123456789012:userpool/cn-north-1_X" },
};

/** Requests no rendered policy should allow: other tables, other services, other accounts. */
function outsiders(ctx: RenderContext): { action: string; resource: string }[] {
  const p = ctx.partition ?? "aws";
  return [
    { action: "dynamodb:DeleteTable", resource: `arn:${p}:dynamodb:${ctx.region}:${ctx.accountId}:table/acme_data` },
    { action: "dynamodb:GetItem", resource: `arn:${p}:dynamodb:${ctx.region}:${ctx.accountId}:table/other_data` },
    { action: "dynamodb:GetItem", resource: `arn:${p}:dynamodb:${ctx.region}:999999999999:table/acme_data` },
    { action: "s3:GetObject", resource: `arn:${p}:s3:::someone-elses-bucket/key` },
    { action: "s3:DeleteBucket", resource: `arn:${p}:s3:::acmeqwertyui` },
    { action: "iam:CreateUser", resource: `arn:${p}:iam::${ctx.accountId}:user/x` },
    { action: "cognito-idp:DeleteUserPool", resource: ctx.userPoolArn ?? `arn:${p}:cognito-idp:${ctx.region}:${ctx.accountId}:userpool/x` },
    { action: "logs:DeleteLogGroup", resource: `arn:${p}:logs:${ctx.region}:${ctx.accountId}:log-group:/aws/lambda/tanktower-acme` },
  ];
}

function variants(policy: PolicyDocument): Record<string, PolicyDocument> {
  const edit = (f: (s: PolicyStatement[]) => PolicyStatement[]): PolicyDocument => ({ ...policy, Statement: f(policy.Statement) });
  return {
    rendered: policy,
    "without Tables": edit((s) => s.filter((x) => x.Sid !== "Tables")),
    "without Email": edit((s) => s.filter((x) => x.Sid !== "Email")),
    "with a Deny on deletes": edit((s) => [...s, { Sid: "NoDeletes", Effect: "Deny", Action: ["dynamodb:Delete*", "s3:Delete*"], Resource: "*" }]),
    "with a wildcard Deny on one table": edit((s) => [{ Sid: "NoRel", Effect: "Deny", Action: "dynamodb:*", Resource: "arn:*:dynamodb:*:*:table/acme_rel" }, ...s]),
    "with lower-case actions": edit((s) => s.map((x) => ({ ...x, Action: typeof x.Action === "string" ? x.Action.toLowerCase() : x.Action.map((a) => a.toLowerCase()) }))),
    "with ? wildcards": edit((s) => s.map((x) => (x.Sid === "BucketObjects" ? { ...x, Action: ["s3:?etObject", "s3:PutObjec?"] } : x))),
    "with a NotAction deny": edit((s) => [...s, { Sid: "OnlyReads", Effect: "Deny", NotAction: ["dynamodb:GetItem", "dynamodb:Query"], Resource: "*" } as unknown as PolicyStatement]),
  };
}

async function oracle(policy: PolicyDocument, ctx: RenderContext, action: string, resource: string): Promise<boolean> {
  const response = await runSimulation(
    {
      request: {
        principal: `arn:${ctx.partition ?? "aws"}:iam::${ctx.accountId}:role/acme_tt_role`,
        action,
        resource: { resource, accountId: ctx.accountId },
        contextVariables: {},
      },
      identityPolicies: [{ name: "policy", policy }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    { simulationMode: "Strict" },
  );
  if (response.resultType === "error") throw new Error(`the simulator rejected ${action} on ${resource}: ${JSON.stringify(response.errors)}`);
  return response.overallResult === "Allowed";
}

describe("local policy evaluator agrees with a full IAM simulator", () => {
  for (const [ctxName, ctx] of Object.entries(contexts)) {
    for (const [render, policy] of [["tt policy", renderTtPolicy(ctx).document], ["inline policy", renderTankInlinePolicy(ctx).document]] as const) {
      it(`${render}, ${ctxName}`, async () => {
        const requests = [...APP_ACTIONS(ctx).filter((a) => !a.notAuthorizedByIam), ...outsiders(ctx)];
        let allowedSomewhere = 0;
        for (const [variant, doc] of Object.entries(variants(policy))) {
          for (const { action, resource } of requests) {
            const local = evaluatePolicy(doc, { action, resource }).decision === "allowed";
            const expected = await oracle(doc, ctx, action, resource);
            if (expected) allowedSomewhere++;
            expect({ variant, action, resource, allowed: local }).toEqual({ variant, action, resource, allowed: expected });
          }
        }
        // The comparison is not vacuous: the simulator allowed many requests and refused others.
        expect(allowedSomewhere).toBeGreaterThan(10);
      });
    }
  }
});
