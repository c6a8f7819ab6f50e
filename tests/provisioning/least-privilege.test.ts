import { describe, expect, it } from "vitest";
import { APP_ACTIONS } from "@/lib/provisioning/app-actions";
import { checkLeastPrivilege } from "@/lib/provisioning/least-privilege";
import { renderTtPolicy } from "@/lib/provisioning/policies";
import type { PolicyDocument, RenderContext } from "@/lib/provisioning/policy-types";

const ctx: RenderContext = {
  env: "acme",
  region: "eu-west-3",
  accountId: "123456789012",
  bucketName: "acmeqwertyui",
  userPoolArn: "arn:aws:cognito-idp:eu-west-3:123456789012:userpool/eu-west-3_AbCdEf123",
  appApiUrl: "https://a1b2c3d4e5.execute-api.eu-west-3.amazonaws.com/acme",
};

const T = "arn:aws:dynamodb:eu-west-3:123456789012:table";

function without(policy: PolicyDocument, sid: string): PolicyDocument {
  return { ...policy, Statement: policy.Statement.filter((s) => s.Sid !== sid) };
}

describe("app actions", () => {
  it("covers the tables, the data indexes, email, the pool, the bucket, logs, lambda and the app API", () => {
    const actions = APP_ACTIONS(ctx);
    expect(actions.filter((a) => a.resource.startsWith(`${T}/acme_`) && !a.resource.includes("/index/"))).toHaveLength(20);
    expect(actions.filter((a) => a.resource.includes("/index/")).map((a) => [a.action, a.resource.split("/").at(-1)])).toEqual([
      ["dynamodb:Query", "path_index"],
      ["dynamodb:Query", "time_index"],
      ["dynamodb:Query", "geo_index"],
    ]);
    expect(new Set(actions.map((a) => a.action.split(":")[0]))).toEqual(
      new Set(["dynamodb", "ses", "cognito-idp", "s3", "logs", "lambda", "execute-api"]),
    );
    expect(APP_ACTIONS({ ...ctx, appApiUrl: undefined }).some((a) => a.action === "execute-api:Invoke")).toBe(false);
  });
});

describe("checkLeastPrivilege", () => {
  it("finds every app action allowed by the rendered tt policy", () => {
    const results = checkLeastPrivilege(renderTtPolicy(ctx).document, ctx);
    expect(results).toHaveLength(APP_ACTIONS(ctx).length);
    expect(results.filter((r) => !r.allowed)).toEqual([]);
    // RespondToAuthChallenge is authorized by Cognito itself, and said so.
    expect(results.find((r) => r.action === "cognito-idp:RespondToAuthChallenge")?.detail).toMatch(/not by IAM/);
  });

  it("also passes for a plan rendered before the pool and bucket exist", () => {
    const plan: RenderContext = { env: "acme", region: "eu-west-3", accountId: "123456789012" };
    const results = checkLeastPrivilege(renderTtPolicy(plan).document, plan);
    expect(results.filter((r) => !r.allowed)).toEqual([]);
  });

  it("denies a time_index query under the document's original DynamoDB statement", () => {
    const original: PolicyDocument = {
      ...renderTtPolicy(ctx).document,
      Statement: renderTtPolicy(ctx).document.Statement.map((s) =>
        s.Sid === "Tables"
          ? { ...s, Resource: ["blueprints", "data", "entities", "rel", "data/index/path_index"].map((t) => `${T}/acme_${t}`) }
          : s,
      ),
    };
    const results = checkLeastPrivilege(original, ctx);
    const denied = results.filter((r) => !r.allowed).map((r) => `${r.action} ${r.resource}`);
    expect(denied).toEqual([`dynamodb:Query ${T}/acme_data/index/time_index`, `dynamodb:Query ${T}/acme_data/index/geo_index`]);
  });

  it("denies the actions of a removed statement", () => {
    const policy = renderTtPolicy(ctx).document;
    const noEmail = checkLeastPrivilege(without(policy, "Email"), ctx);
    expect(noEmail.filter((r) => !r.allowed).map((r) => r.action)).toEqual(["ses:SendEmail"]);

    const noBucket = checkLeastPrivilege(without(policy, "BucketObjects"), ctx);
    expect(noBucket.filter((r) => !r.allowed).map((r) => r.action)).toEqual(["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]);

    const noPool = checkLeastPrivilege(without(policy, "UserPool"), ctx);
    expect(noPool.filter((r) => !r.allowed).map((r) => r.action)).toEqual([
      "cognito-idp:ListUsers",
      "cognito-idp:AdminCreateUser",
      "cognito-idp:AdminSetUserPassword",
      "cognito-idp:AdminInitiateAuth",
    ]);
  });

  it("denies the pool actions under the document's us-east-1 pool ARN", () => {
    const policy = renderTtPolicy(ctx).document;
    const documentArn: PolicyDocument = {
      ...policy,
      Statement: policy.Statement.map((s) => (s.Sid === "UserPool" ? { ...s, Resource: "arn:aws:cognito-idp:us-east-1:123456789012:userpool/eu-west-3_eu-west-3_AbCdEf123" } : s)),
    };
    const denied = checkLeastPrivilege(documentArn, ctx).filter((r) => !r.allowed);
    expect(denied.map((r) => r.action)).toHaveLength(4);
    expect(denied.every((r) => r.action.startsWith("cognito-idp:Admin") || r.action === "cognito-idp:ListUsers")).toBe(true);
  });

  it("denies execute-api when the statement is left out for a custom domain", () => {
    const policy = renderTtPolicy({ ...ctx, appApiUrl: "https://api.acme.example" }).document;
    const results = checkLeastPrivilege(policy, ctx);
    expect(results.filter((r) => !r.allowed).map((r) => r.action)).toEqual(["execute-api:Invoke"]);
  });
});
