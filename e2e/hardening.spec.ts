import { request as httpRequest } from "node:http";
import { InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { expect, test } from "@playwright/test";
import { cognito, consolePool } from "./support/cognito";
import { e2e } from "./support/env";

/**
 * What a browser and a hostile client meet at the edge of the running console:
 * headers, methods, unknown paths, and sign-out that really ends a session.
 * The operator's saved session is never signed out here: a fresh one is made.
 */
test.use({ storageState: { cookies: [], origins: [] } });

function raw(method: string, path: string): Promise<{ status: number; allow: string | undefined; type: string | undefined }> {
  const url = new URL(path, e2e.baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path: url.pathname }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, type: res.headers["content-type"] }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("pages carry a nonce-based CSP that Next.js honours, with no violation while signing in", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(msg.text())) violations.push(msg.text());
  });
  const response = await page.goto("/sign-in");
  const csp = response?.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
  // Every script the server rendered (Next.js's and the theme script) carries this request's nonce; chunks
  // loaded later are trusted through 'strict-dynamic' (a violation would show in the console, checked below).
  const html = (await response?.text()) ?? "";
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  expect(tags.filter((t) => !t.includes(`nonce="${nonce}"`))).toEqual([]);
  await page.getByLabel("Email").fill("someone@example.com");
  await expect(page.getByLabel("Email")).toHaveValue("someone@example.com");
  const second = await page.request.get("/sign-in");
  expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  expect(violations).toEqual([]);
});

test("API answers: restrictive CSP, 405 with Allow, JSON 404, TRACE refused", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.headers()["content-security-policy"]).toContain("default-src 'none'");
  const put = await request.put("/api/environments");
  expect(put.status()).toBe(405);
  expect(put.headers().allow).toBe("GET, HEAD, OPTIONS, POST");
  const unknown = await request.get("/api/no-such-thing");
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: { code: "not_found" } });
  const unknownWithBody = await request.post("/api/no-such-thing", { data: { a: 1 } });
  expect(unknownWithBody.status()).toBe(404);
  expect(await unknownWithBody.json()).toMatchObject({ error: { code: "not_found" } });
  const trace = await raw("TRACE", "/api/health");
  expect(trace).toMatchObject({ status: 405, allow: "GET, HEAD, OPTIONS" });
  expect(trace.type).toContain("application/json");
  const plain = await request.post("/api/session", { headers: { "content-type": "text/plain" }, data: '{"idToken":"x"}' });
  expect(plain.status()).toBe(415);
  const huge = await request.post("/api/session", { headers: { "content-type": "application/json" }, data: JSON.stringify({ idToken: "x".repeat(200_000) }) });
  expect(huge.status()).toBe(413);
});

test("sign-out ends the session: the old cookie no longer reads the session", async ({ playwright }) => {
  const { clientId } = await consolePool(e2e.baseUrl);
  const out = await cognito().send(
    new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: e2e.operator.email, PASSWORD: e2e.operator.password } }),
  );
  const tokens = out.AuthenticationResult;
  const api = await playwright.request.newContext({ baseURL: e2e.baseUrl });
  const created = await api.post("/api/session", { data: { idToken: tokens?.IdToken, refreshToken: tokens?.RefreshToken } });
  expect(created.status()).toBe(201);
  const cookie = (await api.storageState()).cookies.find((c) => c.name === "tt_session")?.value ?? "";
  expect((await api.get("/api/session")).status()).toBe(200);
  expect((await api.delete("/api/session")).status()).toBe(204);
  // Replay the cookie from before sign-out, as a thief holding a copy would.
  const replay = await playwright.request.newContext({ baseURL: e2e.baseUrl, extraHTTPHeaders: { cookie: `tt_session=${cookie}` } });
  expect((await replay.get("/api/session")).status()).toBe(401);
  await api.dispose();
  await replay.dispose();
});
