import { describe, expect, it } from "vitest";
import { allowedMethods } from "@/lib/http/api-paths";
import { pageCsp } from "@/lib/http/security-headers";

describe("API paths for the proxy", () => {
  it("lists the declared methods of a path, with HEAD for GET and OPTIONS", () => {
    expect(allowedMethods("/api/environments")).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
    expect(allowedMethods("/api/environments/sandbox")).toEqual(["DELETE", "GET", "HEAD", "OPTIONS", "PATCH"]);
    expect(allowedMethods("/api/session")).toEqual(["DELETE", "GET", "HEAD", "OPTIONS", "POST"]);
    expect(allowedMethods("/api/environments/sandbox/plan")).toEqual(["OPTIONS", "POST"]);
  });

  it("knows no undeclared path", () => {
    expect(allowedMethods("/api/nope")).toBeUndefined();
    expect(allowedMethods("/api/environments/a/b/c")).toBeUndefined();
    expect(allowedMethods("/api")).toBeUndefined();
  });
});

describe("page CSP", () => {
  it("is nonce-based, strict, and allows eval only in development", () => {
    const prod = pageCsp({ nonce: "abc", development: false, connectSources: ["https://cognito-idp.us-east-1.amazonaws.com"], upgradeInsecureRequests: true });
    expect(prod).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(prod).not.toContain("unsafe-eval");
    expect(prod).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(prod).toContain("frame-ancestors 'none'");
    expect(prod).toContain("connect-src 'self' https://cognito-idp.us-east-1.amazonaws.com");
    expect(prod).toContain("upgrade-insecure-requests");
    expect(pageCsp({ nonce: "n", development: true, connectSources: [], upgradeInsecureRequests: false })).toContain("'unsafe-eval'");
  });
});
