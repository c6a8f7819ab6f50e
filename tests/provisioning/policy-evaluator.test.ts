import { describe, expect, it } from "vitest";
import { actionMatches, evaluatePolicy, resourceMatches } from "@/lib/provisioning/policy-evaluator";
import { renderRevokeSessionsPolicy } from "@/lib/provisioning/policies";
import type { PolicyDocument } from "@/lib/provisioning/policy-types";

const doc = (...Statement: PolicyDocument["Statement"]): PolicyDocument => ({ Version: "2012-10-17", Statement });
const T = "arn:aws:dynamodb:eu-west-3:123456789012:table";

describe("actionMatches", () => {
  it("matches wildcards and ignores case", () => {
    expect(actionMatches("s3:*", "s3:GetObject")).toBe(true);
    expect(actionMatches("s3:get*", "s3:GetObject")).toBe(true);
    expect(actionMatches("s3:Get?bject", "s3:GetObject")).toBe(true);
    expect(actionMatches("*", "lambda:InvokeFunction")).toBe(true);
    expect(actionMatches("s3:Get*", "s3:PutObject")).toBe(false);
    expect(actionMatches("s3:GetObject", "s3:GetObjectAcl")).toBe(false);
    expect(actionMatches("s3:*", "s3x:GetObject")).toBe(false);
  });
});

describe("resourceMatches", () => {
  it("matches ARN segments separately and the resource part as a whole", () => {
    expect(resourceMatches("*", "anything")).toBe(true);
    expect(resourceMatches("arn:aws:logs:*:*:*", "arn:aws:logs:eu-west-3:123456789012:log-group:/aws/lambda/x:log-stream:abc")).toBe(true);
    expect(resourceMatches(`${T}/acme_*`, `${T}/acme_data/index/time_index`)).toBe(true);
    // A wildcard in the region segment does not run into the account.
    expect(resourceMatches("arn:aws:s3:*:123456789012:b", "arn:aws:s3:eu:west:123456789012:b")).toBe(false);
    expect(resourceMatches(`${T}/acme_data`, `${T}/acme_data/index/time_index`)).toBe(false);
    // Resources are case-sensitive, unlike actions.
    expect(resourceMatches(`${T}/ACME_data`, `${T}/acme_data`)).toBe(false);
    // Regular-expression characters in a pattern are literal.
    expect(resourceMatches("arn:aws:s3:::a.b/*", "arn:aws:s3:::axb/key")).toBe(false);
  });
});

describe("evaluatePolicy", () => {
  const allowAll = { Sid: "All", Effect: "Allow" as const, Action: "dynamodb:*", Resource: `${T}/*` };

  it("allows what a statement allows and denies the rest implicitly", () => {
    expect(evaluatePolicy(doc(allowAll), { action: "dynamodb:GetItem", resource: `${T}/x` }).decision).toBe("allowed");
    expect(evaluatePolicy(doc(allowAll), { action: "s3:GetObject", resource: `${T}/x` }).decision).toBe("implicitDeny");
    expect(evaluatePolicy(doc(), { action: "s3:GetObject", resource: "*" }).decision).toBe("implicitDeny");
  });

  it("lets an explicit Deny win over any Allow, whatever the order", () => {
    const deny = { Sid: "NoDelete", Effect: "Deny" as const, Action: "dynamodb:DeleteItem", Resource: "*" };
    for (const policy of [doc(allowAll, deny), doc(deny, allowAll)]) {
      expect(evaluatePolicy(policy, { action: "dynamodb:DeleteItem", resource: `${T}/x` })).toEqual({ decision: "explicitDeny", reason: "denied by statement NoDelete" });
      expect(evaluatePolicy(policy, { action: "dynamodb:GetItem", resource: `${T}/x` }).decision).toBe("allowed");
    }
  });

  it("reads NotAction and NotResource", () => {
    const onlyNot = doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" } as unknown as PolicyDocument["Statement"][number]);
    expect(evaluatePolicy(onlyNot, { action: "iam:CreateUser", resource: "*" }).decision).toBe("implicitDeny");
    expect(evaluatePolicy(onlyNot, { action: "s3:GetObject", resource: "*" }).decision).toBe("allowed");
    const notResource = doc({ Effect: "Deny", Action: "*", NotResource: `${T}/keep` } as unknown as PolicyDocument["Statement"][number], allowAll);
    expect(evaluatePolicy(notResource, { action: "dynamodb:GetItem", resource: `${T}/keep` }).decision).toBe("allowed");
    expect(evaluatePolicy(notResource, { action: "dynamodb:GetItem", resource: `${T}/other` }).decision).toBe("explicitDeny");
  });

  it("says undecided rather than guessing under a condition", () => {
    const revoke = renderRevokeSessionsPolicy(new Date("2026-01-01T00:00:00Z"));
    const withRevoke = doc(allowAll, ...revoke.Statement);
    const out = evaluatePolicy(withRevoke, { action: "dynamodb:GetItem", resource: `${T}/x` });
    expect(out.decision).toBe("undecided");
    expect(out.reason).toMatch(/condition/);
  });
});
