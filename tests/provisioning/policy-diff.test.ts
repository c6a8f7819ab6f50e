import { describe, expect, it } from "vitest";
import {
  PolicyFormatError,
  comparePolicies,
  describeGrant,
  newlyGranted,
  normalizePolicy,
  renderDiff,
} from "@/lib/provisioning/policy-diff";
import { renderRevokeSessionsPolicy, renderTrustPolicy, renderTtPolicy } from "@/lib/provisioning/policies";
import type { PolicyDocument } from "@/lib/provisioning/policy-types";

const TABLE = "arn:aws:dynamodb:eu-west-3:123456789012:table/acme_data";

const desired: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "Tables", Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:Query"], Resource: [TABLE, `${TABLE}/index/time_index`] },
    { Sid: "Email", Effect: "Allow", Action: "ses:SendEmail", Resource: "*" },
  ],
};

describe("normalizePolicy", () => {
  it("gives one sorted row per action and resource, actions lower-cased", () => {
    expect(normalizePolicy(desired)).toEqual([
      { effect: "Allow", action: "dynamodb:getitem", resource: TABLE, condition: "", principal: "" },
      { effect: "Allow", action: "dynamodb:getitem", resource: `${TABLE}/index/time_index`, condition: "", principal: "" },
      { effect: "Allow", action: "dynamodb:query", resource: TABLE, condition: "", principal: "" },
      { effect: "Allow", action: "dynamodb:query", resource: `${TABLE}/index/time_index`, condition: "", principal: "" },
      { effect: "Allow", action: "ses:sendemail", resource: "*", condition: "", principal: "" },
    ]);
  });

  it("reads the URL-encoded JSON IAM returns", () => {
    const encoded = encodeURIComponent(JSON.stringify(desired));
    expect(encoded.startsWith("%7B")).toBe(true);
    expect(normalizePolicy(encoded)).toEqual(normalizePolicy(desired));
  });

  it("reads plain JSON text without URL-decoding it", () => {
    const withPercent = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/100%25/*" }] };
    expect(normalizePolicy(JSON.stringify(withPercent))[0]?.resource).toBe("arn:aws:s3:::b/100%25/*");
  });

  it("expands principals and keeps conditions as stable JSON", () => {
    const trust = normalizePolicy(renderTrustPolicy());
    expect(trust.map((g) => g.principal)).toEqual(["Service:apigateway.amazonaws.com", "Service:events.amazonaws.com", "Service:lambda.amazonaws.com"]);
    expect(trust.every((g) => g.action === "sts:assumerole" && g.resource === "")).toBe(true);

    const [revoke] = normalizePolicy(renderRevokeSessionsPolicy(new Date("2025-01-01T00:00:00Z")));
    expect(revoke?.condition).toBe('{"DateLessThan":{"aws:tokenissuetime":["2025-01-01T00:00:00.000Z"]}}');
  });

  it("rejects what is not a policy", () => {
    expect(() => normalizePolicy("%7Bnot json")).toThrow(PolicyFormatError);
    expect(() => normalizePolicy(42)).toThrow(PolicyFormatError);
    expect(() => normalizePolicy({ Statement: [{ Effect: "Allow", Resource: "*" }] })).toThrow(/no Action/);
  });
});

describe("comparePolicies", () => {
  it("ignores statement order, Sids, action case, string vs array and condition key case", () => {
    const rewritten = {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: ["SES:SendEmail"], Resource: ["*"] },
        { Sid: "Other", Effect: "Allow", Action: "dynamodb:query", Resource: [`${TABLE}/index/time_index`, TABLE] },
        { Effect: "Allow", Action: ["DynamoDB:GetItem", "dynamodb:GetItem"], Resource: [TABLE, `${TABLE}/index/time_index`] },
      ],
    };
    expect(comparePolicies(desired, rewritten)).toEqual({ equal: true, added: [], removed: [] });
    expect(comparePolicies(desired, encodeURIComponent(JSON.stringify(rewritten))).equal).toBe(true);

    const at = new Date("2025-01-01T00:00:00Z");
    const revokeRewritten = {
      Version: "2012-10-17",
      Statement: { Effect: "Deny", Action: "*", Resource: "*", Condition: { DateLessThan: { "AWS:TokenIssueTime": [at.toISOString()] } } },
    };
    expect(comparePolicies(renderRevokeSessionsPolicy(at), revokeRewritten).equal).toBe(true);
  });

  it("reports a removed action as drift, with a readable diff", () => {
    const actual = {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: ["dynamodb:GetItem"], Resource: [TABLE, `${TABLE}/index/time_index`] },
        { Effect: "Allow", Action: "ses:SendEmail", Resource: "*" },
        { Effect: "Allow", Action: "s3:ListAllMyBuckets", Resource: "*" },
      ],
    };
    const result = comparePolicies(desired, actual);
    expect(result.equal).toBe(false);
    expect(result.added.map((g) => [g.action, g.resource])).toEqual([
      ["dynamodb:query", TABLE],
      ["dynamodb:query", `${TABLE}/index/time_index`],
    ]);
    expect(result.removed.map((g) => g.action)).toEqual(["s3:listallmybuckets"]);
    expect(renderDiff(result)).toEqual([
      `+ Allow dynamodb:query on ${TABLE}`,
      `+ Allow dynamodb:query on ${TABLE}/index/time_index`,
      "- Allow s3:listallmybuckets on *",
    ]);
  });

  it("treats a different condition value as drift", () => {
    const older = renderRevokeSessionsPolicy(new Date("2024-01-01T00:00:00Z"));
    const newer = renderRevokeSessionsPolicy(new Date("2025-01-01T00:00:00Z"));
    const result = comparePolicies(newer, older);
    expect(result.equal).toBe(false);
    expect(renderDiff(result)).toEqual([
      '+ Deny * on * when {"DateLessThan":{"aws:tokenissuetime":["2025-01-01T00:00:00.000Z"]}}',
      '- Deny * on * when {"DateLessThan":{"aws:tokenissuetime":["2024-01-01T00:00:00.000Z"]}}',
    ]);
  });

  it("does not treat NotAction as Action", () => {
    const actual = { Version: "2012-10-17", Statement: [{ Effect: "Allow", NotAction: "ses:SendEmail", Resource: "*" }] };
    const result = comparePolicies({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ses:SendEmail", Resource: "*" }] }, actual);
    expect(result.equal).toBe(false);
    expect(renderDiff(result)).toContain("- Allow any action except ses:sendemail on *");
  });
});

describe("newlyGranted", () => {
  it("is every Allow grant when nothing exists yet", () => {
    expect(newlyGranted(desired, undefined)).toEqual(normalizePolicy(desired));
  });

  it("is what the desired policy adds, ignoring what it drops", () => {
    const actual = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:Query", "s3:GetObject"], Resource: TABLE }],
    };
    expect(newlyGranted(desired, actual).map(describeGrant)).toEqual([
      `Allow dynamodb:getitem on ${TABLE}/index/time_index`,
      `Allow dynamodb:query on ${TABLE}/index/time_index`,
      "Allow ses:sendemail on *",
    ]);
  });

  it("counts grants already covered by a wildcard as not new", () => {
    const actual = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["dynamodb:*", "ses:Send*"], Resource: "arn:aws:dynamodb:*:*:table/acme_*" }, { Effect: "Allow", Action: "ses:*", Resource: "*" }] };
    expect(newlyGranted(desired, actual)).toEqual([]);
  });

  it("shows the fixed indexes as new against the document's original tt policy statement", () => {
    const ctx = { env: "acme", region: "eu-west-3", accountId: "123456789012" };
    const original = {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"],
          Resource: ["blueprints", "data", "entities", "rel", "data/index/path_index"].map((t) => `arn:aws:dynamodb:eu-west-3:123456789012:table/acme_${t}`),
        },
      ],
    };
    const tables = renderTtPolicy(ctx).document.Statement.filter((s) => s.Sid === "Tables");
    const added = newlyGranted({ Version: "2012-10-17", Statement: tables }, original);
    expect(new Set(added.map((g) => g.resource.split("/").at(-1)))).toEqual(new Set(["time_index", "geo_index"]));
    expect(added).toHaveLength(10);
  });
});

describe("describeGrant", () => {
  it("reads as one line with principal and condition", () => {
    expect(describeGrant({ effect: "Allow", action: "sts:assumerole", resource: "", principal: "Service:lambda.amazonaws.com", condition: "" })).toBe(
      "Allow sts:assumerole for Service:lambda.amazonaws.com",
    );
  });
});
