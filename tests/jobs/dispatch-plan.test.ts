import { describe, expect, it } from "vitest";
import { apiGatewayRegion, handlerUrl, outcomeFromError, outcomeFromResponse } from "@/lib/jobs/dispatch-plan";
import { bearerOf, hashToken, newApiToken, tokenIdOf, tokenMatches } from "@/lib/auth/api-token-format";

describe("dispatch plan", () => {
  it("joins the app API base URL and the handler route", () => {
    expect(handlerUrl("https://abc.execute-api.eu-west-3.amazonaws.com/prod/", "/jobs/x").href).toBe("https://abc.execute-api.eu-west-3.amazonaws.com/prod/jobs/x");
    expect(handlerUrl("http://127.0.0.1:4618", "jobs/x").href).toBe("http://127.0.0.1:4618/jobs/x");
  });

  it("signs only API Gateway URLs, for their region", () => {
    expect(apiGatewayRegion(new URL("https://abc123.execute-api.eu-west-3.amazonaws.com/prod"))).toBe("eu-west-3");
    expect(apiGatewayRegion(new URL("https://api.example.com/prod"))).toBeUndefined();
    expect(apiGatewayRegion(new URL("https://abc.execute-api.eu-west-3.amazonaws.com.evil.io/"))).toBeUndefined();
  });

  it("turns answers and errors into results with reasons", () => {
    expect(outcomeFromResponse(200, "{}")).toEqual({ status: "executed", output: "{}" });
    expect(outcomeFromResponse(502, "bad gateway")).toMatchObject({ status: "failed", reason: "The handler answered HTTP 502: bad gateway" });
    const url = new URL("http://127.0.0.1:1/jobs/x");
    const timeout = Object.assign(new Error("t"), { name: "TimeoutError" });
    expect(outcomeFromError(timeout, url, 5).reason).toBe("The handler did not answer within 5 s (http://127.0.0.1:1).");
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    expect(outcomeFromError(refused, url, 5).reason).toBe("The app is unreachable: http://127.0.0.1:1 refused the connection.");
  });
});

describe("API token format", () => {
  it("makes tokens whose id is readable and whose hash alone verifies them", () => {
    const { id, token, hash } = newApiToken();
    expect(tokenIdOf(token)).toBe(id);
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token.slice(20));
    expect(tokenMatches(token, hash)).toBe(true);
    expect(tokenMatches(`${token.slice(0, -1)}A`, hash)).toBe(token.endsWith("A"));
    expect(tokenIdOf("tt_nothex_abc")).toBeUndefined();
    expect(bearerOf("Bearer abc")).toBe("abc");
    expect(bearerOf("Basic abc")).toBeUndefined();
    expect(bearerOf(null)).toBeUndefined();
  });
});
