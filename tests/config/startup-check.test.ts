import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { secretWeakness, startupProblems } from "@/lib/config/startup-check";

const strong = randomBytes(36).toString("base64");

describe("secretWeakness", () => {
  it("accepts random secrets", () => {
    expect(secretWeakness(strong)).toBeUndefined();
    expect(secretWeakness(randomBytes(32).toString("hex"))).toBeUndefined();
  });

  it("refuses missing, short, placeholder, low-variety and repeated secrets, without echoing them", () => {
    expect(secretWeakness(undefined)).toMatch(/not set/);
    expect(secretWeakness("a1B2c3D4e5F6g7H8")).toMatch(/shorter than 32/);
    expect(secretWeakness("please-change-me-before-production-2026")).toMatch(/placeholder/);
    expect(secretWeakness("0101010101010101010101010101010123")).toMatch(/distinct characters/);
    const repeated = "bench-secret-bench-secret-bench-secret-01";
    expect(secretWeakness(repeated)).toMatch(/repeats itself/);
    expect(secretWeakness(repeated)).not.toContain(repeated);
  });
});

describe("startupProblems", () => {
  it("lets the sandbox start with its own settings", () => {
    expect(startupProblems({ TT_MODE: "sandbox", AWS_ENDPOINT_URL: "http://127.0.0.1:4566", AWS_ACCESS_KEY_ID: "test" })).toEqual([]);
  });

  it("starts in AWS mode with a strong secret and no sandbox setting", () => {
    expect(startupProblems({ TT_CONSOLE_SECRET: strong, AWS_REGION: "eu-west-3" })).toEqual([]);
    expect(startupProblems({ TT_MODE: "aws", TT_CONSOLE_SECRET: strong, AWS_ENDPOINT_URL_S3: "https://s3.eu-west-3.amazonaws.com" })).toEqual([]);
  });

  it("refuses AWS mode (the default) without a strong secret or with sandbox-only settings, naming each", () => {
    expect(startupProblems({})).toEqual([expect.stringMatching(/^TT_CONSOLE_SECRET is not set\. Generate one/)]);
    const problems = startupProblems({
      TT_CONSOLE_SECRET: "changeme-changeme-changeme-changeme",
      TT_SANDBOX_OPERATOR_PASSWORD: "x",
      AWS_ENDPOINT_URL: "http://localhost:4566",
      AWS_ENDPOINT_URL_DYNAMODB: "http://127.0.0.1:8000",
      AWS_ACCESS_KEY_ID: "test",
    });
    expect(problems).toHaveLength(5);
    expect(problems.join("\n")).toMatch(/placeholder/);
    expect(problems.join("\n")).toMatch(/TT_SANDBOX_OPERATOR_PASSWORD is a sandbox setting/);
    expect(problems.join("\n")).toMatch(/AWS_ENDPOINT_URL points at localhost/);
    expect(problems.join("\n")).toMatch(/AWS_ENDPOINT_URL_DYNAMODB points at 127\.0\.0\.1/);
    expect(problems.join("\n")).toMatch(/AWS_ACCESS_KEY_ID is the local emulator's placeholder key/);
  });
});
