import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "@/lib/http/origin";

const url = "http://localhost:3000/api/environments";

describe("Origin check", () => {
  it("accepts the console's own origin", () => {
    expect(isSameOriginRequest(new Headers({ origin: "http://localhost:3000", host: "localhost:3000" }), url)).toBe(true);
  });

  it("refuses other sites and opaque origins", () => {
    expect(isSameOriginRequest(new Headers({ origin: "http://evil.example", host: "localhost:3000" }), url)).toBe(false);
    expect(isSameOriginRequest(new Headers({ origin: "null" }), url)).toBe(false);
  });

  it("accepts non-browser clients that send no Origin and no fetch metadata", () => {
    expect(isSameOriginRequest(new Headers({}), url)).toBe(true);
    expect(isSameOriginRequest(new Headers({ "sec-fetch-site": "cross-site" }), url)).toBe(false);
  });
});
