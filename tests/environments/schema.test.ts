import { describe, expect, it } from "vitest";
import { environmentCreateSchema, environmentUpdateSchema, envNameSchema, envParamsSchema } from "@/lib/environments/schema";

const base = { region: "us-east-1", credentials: { type: "default" as const } };

describe("environment names", () => {
  it.each(["abc", "prod", "acme-prod-2", "a23456789012345678901234"])("accepts %s", (name) => {
    expect(envNameSchema.safeParse(name).success).toBe(true);
  });

  it.each(["", "ab", "Prod", "1abc", "-abc", "abc_def", "abc.def", "a234567890123456789012345", "ab c"])("rejects %j", (name) => {
    const result = envNameSchema.safeParse(name);
    expect(result.success).toBe(false);
  });

  it("explains why in the error", () => {
    const result = environmentCreateSchema.safeParse({ ...base, name: "Bad_Name" });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path[0] === "name");
    expect(issue?.message).toMatch(/DynamoDB table names, IAM names, the Cognito pool name and an S3 bucket prefix/);
  });
});

describe("environment create schema", () => {
  it("names every missing field", () => {
    const result = environmentCreateSchema.safeParse({});
    const paths = result.error?.issues.map((i) => i.path.join(".")).sort();
    expect(paths).toEqual(["credentials", "name", "region"]);
  });

  it("treats empty optional text as absent", () => {
    const parsed = environmentCreateSchema.parse({ ...base, name: "abc", accountId: "", endpoint: " ", sesSender: "" });
    expect(parsed).toEqual({ name: "abc", region: "us-east-1", credentials: { type: "default" } });
  });

  it("requires a secret for new access keys", () => {
    const result = environmentCreateSchema.safeParse({ ...base, name: "abc", credentials: { type: "keys", accessKeyId: "AKIAIOSFODNN7EXAMPLE" } });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["credentials.secretAccessKey"]);
  });

  it("validates role ARNs, regions, account ids and emails", () => {
    const result = environmentCreateSchema.safeParse({
      name: "abc",
      region: "mars-1",
      accountId: "12345",
      sesSender: "not-an-email",
      credentials: { type: "assume-role", roleArn: "arn:aws:iam::1:user/x" },
    });
    expect(result.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["accountId", "credentials.roleArn", "region", "sesSender"]);
  });
});

describe("table capacity", () => {
  it("is optional, parsed from form text, and bounded", () => {
    expect(environmentCreateSchema.parse({ ...base, name: "abc", readCapacity: "", writeCapacity: "5" })).toMatchObject({ writeCapacity: 5 });
    expect(environmentCreateSchema.parse({ ...base, name: "abc", readCapacity: "" }).readCapacity).toBeUndefined();
    const bad = environmentCreateSchema.safeParse({ ...base, name: "abc", readCapacity: "0", writeCapacity: "1.5" });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["readCapacity", "Read capacity must be a whole number from 1 to 1000 (raise it in AWS if you need more)."],
      ["writeCapacity", "Write capacity must be a whole number from 1 to 1000 (raise it in AWS if you need more)."],
    ]);
    expect(environmentCreateSchema.safeParse({ ...base, name: "abc", readCapacity: 0 }).success).toBe(false);
    expect(environmentCreateSchema.safeParse({ ...base, name: "abc", readCapacity: 1001 }).success).toBe(false);
    expect(environmentCreateSchema.parse({ ...base, name: "abc", readCapacity: "1000", writeCapacity: 1 })).toMatchObject({ readCapacity: 1000, writeCapacity: 1 });
  });
});

describe("environment update schema", () => {
  it("requires the version being edited and allows unchanged credentials", () => {
    expect(environmentUpdateSchema.safeParse({ region: "us-east-1", credentials: { type: "unchanged" } }).success).toBe(false);
    expect(environmentUpdateSchema.safeParse({ region: "us-east-1", credentials: { type: "unchanged" }, version: 3 }).success).toBe(true);
  });
});

describe("environment update schema (PATCH is partial)", () => {
  it("keeps absent fields absent, and turns null or empty text into a clear", () => {
    expect(environmentUpdateSchema.parse({ version: 2, description: "x" })).toEqual({ version: 2, description: "x" });
    expect(environmentUpdateSchema.parse({ version: 2, accountId: null, endpoint: "", readCapacity: "" })).toEqual({
      version: 2,
      accountId: null,
      endpoint: null,
      readCapacity: null,
    });
    expect(environmentUpdateSchema.safeParse({ version: 2, region: null }).success).toBe(false);
  });
});

describe("endpoints and path names", () => {
  it.each(["file:///etc/passwd", "javascript:alert(1)", "ftp://example.com/", "gopher://x"])("refuses %s", (endpoint) => {
    expect(environmentCreateSchema.safeParse({ ...base, name: "abc", endpoint }).success).toBe(false);
  });

  it("takes path names as they are", () => {
    expect(envParamsSchema.safeParse({ env: "sandbox " }).success).toBe(false);
    expect(envParamsSchema.safeParse({ env: "sandbox" }).success).toBe(true);
  });
});
