import { describe, expect, it } from "vitest";
import { isSameOriginRequest, type OriginSettings } from "@/lib/http/origin";

const url = "http://localhost:3000/api/environments";
const direct: OriginSettings = { trustProxy: false, publicOrigin: undefined };

describe("Origin check", () => {
  it("accepts the console's own origin", () => {
    expect(isSameOriginRequest(new Headers({ origin: "http://localhost:3000", host: "localhost:3000" }), url, direct)).toBe(true);
  });

  it("refuses other sites and opaque origins", () => {
    expect(isSameOriginRequest(new Headers({ origin: "http://evil.example", host: "localhost:3000" }), url, direct)).toBe(false);
    expect(isSameOriginRequest(new Headers({ origin: "null" }), url, direct)).toBe(false);
  });

  it("accepts non-browser clients that send no Origin and no fetch metadata", () => {
    expect(isSameOriginRequest(new Headers({}), url, direct)).toBe(true);
    expect(isSameOriginRequest(new Headers({ "sec-fetch-site": "cross-site" }), url, direct)).toBe(false);
  });

  it("ignores X-Forwarded-Host and -Proto unless a trusted proxy is configured", () => {
    const forged = new Headers({ origin: "https://evil.example", host: "localhost:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(isSameOriginRequest(forged, url, direct)).toBe(false);
    const proxied = new Headers({ origin: "https://console.example.com", host: "10.0.0.5:3000", "x-forwarded-host": "console.example.com", "x-forwarded-proto": "https" });
    expect(isSameOriginRequest(proxied, url, { trustProxy: true, publicOrigin: undefined })).toBe(true);
    expect(isSameOriginRequest(proxied, url, direct)).toBe(false);
  });

  it("compares against the configured public origin only, when there is one", () => {
    const settings = { trustProxy: true, publicOrigin: "https://console.example.com" };
    expect(isSameOriginRequest(new Headers({ origin: "https://console.example.com", host: "10.0.0.5:3000" }), url, settings)).toBe(true);
    const viaForwarded = new Headers({ origin: "https://other.example", "x-forwarded-host": "other.example", "x-forwarded-proto": "https" });
    expect(isSameOriginRequest(viaForwarded, url, settings)).toBe(false);
    expect(isSameOriginRequest(new Headers({ origin: "http://localhost:3000", host: "localhost:3000" }), url, settings)).toBe(false);
  });
});
