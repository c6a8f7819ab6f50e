import { describe, expect, it } from "vitest";
import { endpointRefusal, isForbiddenAddress } from "@/lib/environments/endpoint-policy";

describe("endpoint policy", () => {
  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://169.254.170.2/v2/credentials",
    "http://[fd00:ec2::254]/",
    "http://[fe80::1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://2852039166/",
    "http://0xA9FEA9FE/",
    "http://metadata.google.internal/",
    "http://0.0.0.0:4566/",
  ])("refuses %s outside the sandbox", (endpoint) => {
    expect(endpointRefusal(endpoint, "aws")).toMatch(/metadata/);
  });

  it("allows ordinary endpoints, and everything in the sandbox", () => {
    expect(endpointRefusal("https://dynamodb.eu-west-1.amazonaws.com", "aws")).toBeUndefined();
    expect(endpointRefusal("http://127.0.0.1:4566", "aws")).toBeUndefined();
    expect(endpointRefusal("http://169.254.169.254/", "sandbox")).toBeUndefined();
  });

  it("refuses non-http schemes and credentials in the URL in any mode", () => {
    expect(endpointRefusal("file:///etc/passwd", "sandbox")).toBeDefined();
    expect(endpointRefusal("http://user:pw@example.com", "sandbox")).toBeDefined();
  });

  it("refuses a name that resolves to a metadata address", () => {
    expect(endpointRefusal("http://innocent.example", "aws", ["10.0.0.1", "169.254.169.254"])).toBeDefined();
    expect(isForbiddenAddress("10.0.0.1")).toBe(false);
  });
});
