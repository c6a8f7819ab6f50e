import { describe, expect, it } from "vitest";
import { bucketNameProblems, generateBucketName } from "@/lib/provisioning/bucket";

describe("step 4b bucket name", () => {
  it("is the environment name plus 8 random lowercase letters", () => {
    const asked: number[] = [];
    const name = generateBucketName("acme-prod", (n) => {
      asked.push(n);
      return "qwertyui";
    });
    expect(asked).toEqual([8]);
    expect(name).toBe("acme-prodqwertyui");
    expect(bucketNameProblems(name)).toEqual([]);
  });

  it("stays valid for the longest environment name (24 characters)", () => {
    const name = generateBucketName("a23456789012345678901-34", () => "abcdefgh");
    expect(name).toHaveLength(32);
    expect(bucketNameProblems(name)).toEqual([]);
  });

  it("refuses a random source that does not return 8 lowercase letters", () => {
    expect(() => generateBucketName("acme", () => "ABCDEFGH")).toThrow(/8 lowercase letters/);
    expect(() => generateBucketName("acme", () => "abc")).toThrow(/8 lowercase letters/);
  });

  it("flags an environment whose name makes a reserved bucket prefix", () => {
    expect(bucketNameProblems(generateBucketName("xn--abc", () => "abcdefgh"))).toEqual(['A bucket name cannot start with "xn--" (reserved by S3).']);
  });
});

describe("bucketNameProblems", () => {
  it.each(["abc", "my.bucket-1", "a".repeat(63), "1bucket"])("accepts %s", (name) => {
    expect(bucketNameProblems(name)).toEqual([]);
  });

  it.each([
    ["ab", /3 to 63 characters; this one has 2/],
    ["a".repeat(64), /3 to 63 characters; this one has 64/],
    ["My_Bucket", /only lowercase letters, digits, hyphens and dots/],
    ["-bucket", /starts and ends with a lowercase letter or a digit/],
    ["bucket.", /starts and ends/],
    ["my..bucket", /two dots in a row/],
    ["192.168.5.4", /IP address/],
    ["sthree-bucket", /"sthree-"/],
    ["amzn-s3-demo-bucket", /"amzn-s3-demo-"/],
    ["bucket-s3alias", /"-s3alias"/],
    ["bucket--ol-s3", /"--ol-s3"/],
    ["bucket.mrap", /"\.mrap"/],
    ["bucket--x-s3", /"--x-s3"/],
    ["bucket--table-s3", /"--table-s3"/],
  ])("rejects %s", (name, problem) => {
    const problems = bucketNameProblems(name);
    expect(problems.some((p) => problem.test(p))).toBe(true);
  });

  it("lists every problem of a name", () => {
    expect(bucketNameProblems("")).toEqual(["A bucket name has 3 to 63 characters; this one has 0."]);
    expect(bucketNameProblems("X.")).toHaveLength(3);
  });
});
