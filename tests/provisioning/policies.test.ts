import { describe, expect, it } from "vitest";
import {
  documentationFixes,
  renderRevokeSessionsPolicy,
  renderTankInlinePolicy,
  renderTrustPolicy,
  renderTtPolicy,
} from "@/lib/provisioning/policies";
import type { PolicyStatement, RenderContext } from "@/lib/provisioning/policy-types";

const ctx: RenderContext = {
  env: "acme",
  region: "eu-west-3",
  accountId: "123456789012",
  bucketName: "acmeqwertyui",
  userPoolArn: "arn:aws:cognito-idp:eu-west-3:123456789012:userpool/eu-west-3_AbCdEf123",
  appApiUrl: "https://a1b2c3d4e5.execute-api.eu-west-3.amazonaws.com/acme/",
};

const T = "arn:aws:dynamodb:eu-west-3:123456789012:table";
const TABLE_RESOURCES = [
  `${T}/acme_blueprints`,
  `${T}/acme_data`,
  `${T}/acme_entities`,
  `${T}/acme_rel`,
  `${T}/acme_data/index/path_index`,
  `${T}/acme_data/index/time_index`,
  `${T}/acme_data/index/geo_index`,
];

function statement(statements: PolicyStatement[], sid: string): PolicyStatement {
  const found = statements.find((s) => s.Sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return found;
}

describe("step 4: <env>_tt_policy", () => {
  const { document, notes } = renderTtPolicy(ctx);

  it("keeps the document's statements in order, each with a stable Sid", () => {
    expect(document.Version).toBe("2012-10-17");
    expect(document.Statement.map((s) => s.Sid)).toEqual(["LambdaInvoke", "ApiGateway", "BucketObjects", "Logs", "Tables", "Email", "UserPool", "AppApi"]);
    expect(document.Statement.every((s) => s.Effect === "Allow")).toBe(true);
  });

  it("keeps the zappa statements as the document has them", () => {
    expect(statement(document.Statement, "LambdaInvoke")).toMatchObject({ Action: ["lambda:InvokeFunction"], Resource: "*" });
    expect(statement(document.Statement, "ApiGateway")).toMatchObject({
      Action: ["apigateway:POST", "apigateway:GET", "apigateway:PUT", "apigateway:DELETE"],
      Resource: "*",
    });
    expect(statement(document.Statement, "Logs")).toMatchObject({
      Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: "arn:aws:logs:*:*:*",
    });
    expect(statement(document.Statement, "Email")).toMatchObject({ Action: "ses:SendEmail", Resource: "*" });
  });

  it("scopes S3 to the bucket's objects", () => {
    expect(statement(document.Statement, "BucketObjects")).toMatchObject({
      Action: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
      Resource: "arn:aws:s3:::acmeqwertyui/*",
    });
  });

  it("fix 4: allows the four tables and all three indexes of the data table", () => {
    expect(statement(document.Statement, "Tables")).toEqual({
      Sid: "Tables",
      Effect: "Allow",
      Action: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"],
      Resource: TABLE_RESOURCES,
    });
    expect(notes.some((n) => n.includes("time_index") && n.includes("only path_index"))).toBe(true);
  });

  it("fix 1: uses the real user pool ARN, not us-east-1 and <region>_<pool id>", () => {
    const pool = statement(document.Statement, "UserPool");
    expect(pool.Resource).toBe(ctx.userPoolArn);
    expect(pool.Action).toEqual([
      "cognito-idp:ListUsers",
      "cognito-idp:AdminCreateUser",
      "cognito-idp:AdminSetUserPassword",
      "cognito-idp:AdminInitiateAuth",
      "cognito-idp:RespondToAuthChallenge",
    ]);
    expect(JSON.stringify(document)).not.toContain("us-east-1");
  });

  it("fix 2: derives execute-api:Invoke from the app API URL", () => {
    expect(statement(document.Statement, "AppApi")).toEqual({
      Sid: "AppApi",
      Effect: "Allow",
      Action: "execute-api:Invoke",
      Resource: "arn:aws:execute-api:eu-west-3:123456789012:a1b2c3d4e5/*",
    });
    expect(JSON.stringify(document)).not.toContain("gs338uqho1");
  });

  it("uses a placeholder and says so when the pool and bucket do not exist yet", () => {
    const plan = renderTtPolicy({ env: "acme", region: "eu-west-3", accountId: "123456789012" });
    expect(statement(plan.document.Statement, "UserPool").Resource).toBe("arn:aws:cognito-idp:eu-west-3:123456789012:userpool/<created by step 4a>");
    expect(statement(plan.document.Statement, "BucketObjects").Resource).toBe("arn:aws:s3:::<bucket named in step 4b>/*");
    expect(plan.notes.filter((n) => n.includes("placeholder"))).toHaveLength(2);
  });

  it("refuses a pool id where the pool ARN belongs", () => {
    expect(() => renderTtPolicy({ ...ctx, userPoolArn: "eu-west-3_AbCdEf123" })).toThrow(/not a Cognito user pool ARN/);
  });

  it("leaves execute-api out, with a note, without an app API URL or with a custom domain", () => {
    for (const appApiUrl of [undefined, "https://api.acme.example/v1"]) {
      const { document: doc, notes: why } = renderTtPolicy({ ...ctx, appApiUrl });
      expect(doc.Statement.map((s) => s.Sid)).not.toContain("AppApi");
      expect(JSON.stringify(doc)).not.toContain("execute-api");
      expect(why.some((n) => n.startsWith("AppApi: left out"))).toBe(true);
    }
  });

  it("renders other partitions", () => {
    const cn = renderTtPolicy({
      ...ctx,
      region: "cn-north-1",
      partition: "aws-cn",
      userPoolArn: undefined,
      appApiUrl: "https://a1b2c3d4e5.execute-api.cn-north-1.amazonaws.com.cn/acme",
    }).document;
    expect(statement(cn.Statement, "Logs").Resource).toBe("arn:aws-cn:logs:*:*:*");
    expect(statement(cn.Statement, "AppApi").Resource).toBe("arn:aws-cn:execute-api:cn-north-1:123456789012:a1b2c3d4e5/*");
    expect(statement(cn.Statement, "Tables").Resource).toContain("arn:aws-cn:dynamodb:cn-north-1:123456789012:table/acme_data/index/geo_index");
  });
});

describe("step 2: <env>_tank_inline", () => {
  it("has the tables (all indexes), email and the derived app API statements", () => {
    const { document } = renderTankInlinePolicy(ctx);
    expect(document.Statement).toEqual([
      { Sid: "Tables", Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"], Resource: TABLE_RESOURCES },
      { Sid: "Email", Effect: "Allow", Action: "ses:SendEmail", Resource: "*" },
      { Sid: "AppApi", Effect: "Allow", Action: "execute-api:Invoke", Resource: "arn:aws:execute-api:eu-west-3:123456789012:a1b2c3d4e5/*" },
    ]);
  });

  it("leaves execute-api out with a note when the app is not deployed", () => {
    const { document, notes } = renderTankInlinePolicy({ ...ctx, appApiUrl: undefined });
    expect(document.Statement.map((s) => s.Sid)).toEqual(["Tables", "Email"]);
    expect(notes.find((n) => n.startsWith("AppApi"))).toMatch(/left out.*not known/);
  });

  it("notes when the API is in another region than the environment", () => {
    const { document, notes } = renderTankInlinePolicy({ ...ctx, appApiUrl: "https://zz9yy8xx7w.execute-api.us-west-2.amazonaws.com/prod" });
    expect(statement(document.Statement, "AppApi").Resource).toBe("arn:aws:execute-api:us-west-2:123456789012:zz9yy8xx7w/*");
    expect(notes.join("\n")).toContain("not in the environment's region eu-west-3");
  });
});

describe("step 5b: trust policy", () => {
  it("lets API Gateway, EventBridge and Lambda assume the role, without an empty Sid", () => {
    expect(renderTrustPolicy()).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: ["apigateway.amazonaws.com", "events.amazonaws.com", "lambda.amazonaws.com"] },
          Action: "sts:AssumeRole",
        },
      ],
    });
  });
});

describe("step 5c: revoke older sessions", () => {
  it("denies everything to tokens issued before the given time", () => {
    expect(renderRevokeSessionsPolicy(new Date(Date.UTC(2025, 0, 17, 9, 22, 46)))).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Deny", Action: ["*"], Resource: ["*"], Condition: { DateLessThan: { "aws:TokenIssueTime": "2025-01-17T09:22:46.000Z" } } },
      ],
    });
  });

  it("rejects an invalid date", () => {
    expect(() => renderRevokeSessionsPolicy(new Date("nope"))).toThrow(/not a valid date/);
  });
});

describe("documentation fixes", () => {
  it("lists the six corrections with their steps", () => {
    const fixes = documentationFixes();
    expect(fixes.map((f) => f.step)).toEqual(["Step 4", "Steps 2 and 4", "Step 5", "Steps 2 and 4", "Step 3", "Step 8"]);
    expect(fixes[0]?.text).toMatch(/us-east-1.*<region>_<pool id>/);
    expect(fixes[1]?.text).toContain("gs338uqho1");
    expect(fixes[2]?.text).toContain("tanktower_role_<env>");
    expect(fixes[3]?.text).toMatch(/path_index.*time_index and geo_index/);
    expect(fixes[4]?.text).toMatch(/TTL on _ttl/);
    expect(fixes[5]?.text).toContain("verbatim");
  });
});
