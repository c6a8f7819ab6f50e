import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { homeClients } from "@/lib/aws/clients";
import { initConsole } from "@/lib/auth/console-init";
import { endSession, startSession } from "@/lib/auth/session";
import { SESSION_COOKIE, sealSession, type SessionPayload } from "@/lib/auth/session-cookie";
import { revokeSessionsOf, revokeSessionsOfEmail } from "@/lib/auth/session-store";
import { listAudit } from "@/lib/audit/list";
import { auditQuerySchema } from "@/lib/audit/schema";
import { resetConfigForTests } from "@/lib/config/env";
import { UnauthenticatedError } from "@/lib/http/errors";
import { DEFAULT_MAX_BODY_BYTES } from "@/lib/http/operation";
import * as environments from "@/app/api/environments/route";
import * as environment from "@/app/api/environments/[env]/route";
import * as session from "@/app/api/session/route";
import * as testEmail from "@/app/api/environments/[env]/test-email/route";
import { withEmulator } from "../support/emulator";

withEmulator();

/**
 * The route wrapper as the browser meets it: real route modules, real
 * sessions against the emulator, requests built by hand.
 */
const EMAIL = "guard.operator@example.com";
const PASSWORD = "Guard-Operator-1";
const BASE = "http://127.0.0.1:3999";

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: Handler, path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit | ReadableStream<Uint8Array>; cookie?: string; params?: Record<string, string> } = {}) {
  const headers = new Headers(init.headers);
  headers.set("host", "127.0.0.1:3999");
  if (init.cookie) headers.set("cookie", `${SESSION_COOKIE}=${init.cookie}`);
  const request = new NextRequest(`${BASE}${path}`, {
    method: init.method ?? "GET",
    headers,
    ...(init.body !== undefined ? { body: init.body, duplex: "half" as const } : {}),
  });
  return handler(request, { params: Promise.resolve(init.params ?? {}) });
}

const json = (value: unknown) => {
  const body = JSON.stringify(value);
  return { body, headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } };
};

/** A body that counts what the server pulls from it, endless unless told otherwise. */
function countingStream(chunkBytes: number, totalChunks = Infinity) {
  const counter = { pulled: 0 };
  const chunk = new Uint8Array(chunkBytes).fill(0x20);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalChunks) return controller.close();
      sent++;
      counter.pulled += chunkBytes;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

async function signIn(clientId: string): Promise<SessionPayload> {
  const out = await homeClients().cognito.send(
    new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: EMAIL, PASSWORD: PASSWORD } }),
  );
  const r = out.AuthenticationResult;
  if (!r?.IdToken) throw new Error("no tokens");
  return startSession({ idToken: r.IdToken, refreshToken: r.RefreshToken });
}

/** A second operator, for tests that run after the first one was deactivated. */
async function signInAgain(): Promise<SessionPayload> {
  const email = "second.operator@example.com";
  const { cognito } = homeClients();
  const created = await cognito.send(
    new AdminCreateUserCommand({ UserPoolId: settings.userPoolId, Username: email, MessageAction: "SUPPRESS", UserAttributes: [{ Name: "email", Value: email }, { Name: "email_verified", Value: "true" }] }),
  );
  const username = created.User?.Username ?? email;
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: settings.userPoolId, Username: username, Password: PASSWORD, Permanent: true }));
  await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: settings.userPoolId, Username: username, GroupName: "operators" }));
  const out = await cognito.send(
    new InitiateAuthCommand({ ClientId: settings.clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: email, PASSWORD: PASSWORD } }),
  );
  return startSession({ idToken: out.AuthenticationResult?.IdToken ?? "" });
}

let settings: Awaited<ReturnType<typeof initConsole>>;
let cookie: string;

beforeAll(async () => {
  settings = await initConsole({ adminEmail: EMAIL, permanentPassword: PASSWORD });
  cookie = sealSession(await signIn(settings.clientId));
});

describe("request bodies", () => {
  it("refuses an oversized body on the unauthenticated sign-in from Content-Length, without reading it", async () => {
    const { stream, counter } = countingStream(64 * 1024);
    const res = await call(session.POST as Handler, "/api/session", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(100 * 1024 * 1024) },
      body: stream,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "payload_too_large" } });
    expect(counter.pulled).toBeLessThanOrEqual(2 * 64 * 1024);
  });

  it("stops reading a chunked body as soon as it passes the cap", async () => {
    const { stream, counter } = countingStream(16 * 1024);
    const res = await call(environments.POST as Handler, "/api/environments", {
      method: "POST",
      cookie,
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body: stream,
    });
    expect(res.status).toBe(413);
    expect(counter.pulled).toBeLessThan(DEFAULT_MAX_BODY_BYTES + 4 * 16 * 1024);
  });

  it("accepts only JSON bodies (415 otherwise)", async () => {
    const body = JSON.stringify({ name: "plain", region: "us-east-1", credentials: { type: "default" } });
    const res = await call(environments.POST as Handler, "/api/environments", {
      method: "POST",
      cookie,
      headers: { "content-type": "text/plain", "content-length": String(body.length) },
      body,
    });
    expect(res.status).toBe(415);
    const ok = await call(environments.POST as Handler, "/api/environments", { method: "POST", cookie, ...json({ name: "plain", region: "us-east-1", credentials: { type: "default" } }) });
    expect(ok.status).toBe(201);
    expect(ok.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});

describe("text that is not Unicode", () => {
  it("a lone surrogate in a body is a 400 naming the field, and nothing is written", async () => {
    const body = '{"name":"surrogate","region":"us-east-1","description":"bad \\ud800 text","credentials":{"type":"default"}}';
    const res = await call(environments.POST as Handler, "/api/environments", {
      method: "POST",
      cookie,
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
      body,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { fieldErrors: { description: [expect.stringContaining("Unicode")] } } });
    expect((await call(environment.GET as Handler, "/api/environments/surrogate", { cookie, params: { env: "surrogate" } })).status).toBe(404);
  });
});

describe("cross-site requests", () => {
  const q = (input: object) => auditQuerySchema.parse(input);

  it("are refused and audited with the actor when a session came along, anonymous otherwise", async () => {
    const evil = { origin: "http://evil.example", "sec-fetch-site": "cross-site" };
    const withSession = await call(environments.POST as Handler, "/api/environments", {
      method: "POST",
      cookie,
      ...json({ name: "evil", region: "us-east-1", credentials: { type: "default" } }),
      headers: { ...json({}).headers, ...evil },
    });
    expect(withSession.status).toBe(403);
    const anonymous = await call(session.DELETE as Handler, "/api/session", { method: "DELETE", headers: evil });
    expect(anonymous.status).toBe(403);

    const denied = await listAudit(q({ outcome: "denied", limit: 10 }));
    expect(denied.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: EMAIL, action: "environment.create", errorCode: "cross_site" }),
        expect.objectContaining({ actor: "anonymous", action: "deleteSession", errorCode: "cross_site" }),
      ]),
    );
  });

  it("do not trust X-Forwarded-Host from the client", async () => {
    const res = await call(environments.POST as Handler, "/api/environments", {
      method: "POST",
      cookie,
      ...json({ name: "forwarded", region: "us-east-1", credentials: { type: "default" } }),
      headers: { ...json({ name: "forwarded", region: "us-east-1", credentials: { type: "default" } }).headers, origin: "http://evil.example", "x-forwarded-host": "evil.example" },
    });
    expect(res.status).toBe(403);
  });
});

describe("path parameters and partial updates", () => {
  it("does not trim a name in the path", async () => {
    const res = await call(environment.GET as Handler, "/api/environments/plain%20", { cookie, params: { env: "plain " } });
    expect(res.status).toBe(400);
    expect((await call(environment.GET as Handler, "/api/environments/plain", { cookie, params: { env: "plain" } })).status).toBe(200);
  });

  it("PATCH changes only the fields sent; null clears", async () => {
    const created = await call(environments.POST as Handler, "/api/environments", {
      method: "POST",
      cookie,
      ...json({ name: "partial", region: "us-east-1", accountId: "123456789012", description: "keep me", readCapacity: 3, credentials: { type: "default" } }),
    });
    expect(created.status).toBe(201);
    const patch = (body: object) => call(environment.PATCH as Handler, "/api/environments/partial", { method: "PATCH", cookie, params: { env: "partial" }, ...json(body) });
    const first = await patch({ version: 1, sesSender: "no-reply@partial.example" });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ accountId: "123456789012", description: "keep me", readCapacity: 3, sesSender: "no-reply@partial.example", credentials: { type: "default" }, version: 2 });
    const second = await patch({ version: 2, description: null, readCapacity: null });
    expect(await second.json()).toMatchObject({ accountId: "123456789012", description: null, readCapacity: null, sesSender: "no-reply@partial.example", version: 3 });
  });

  it("refuses non-http endpoints", async () => {
    for (const endpoint of ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.com"]) {
      const res = await call(environments.POST as Handler, "/api/environments", { method: "POST", cookie, ...json({ name: "badurl", region: "us-east-1", endpoint, credentials: { type: "default" } }) });
      expect(res.status, endpoint).toBe(400);
      expect(await res.json()).toMatchObject({ error: { fieldErrors: { endpoint: [expect.any(String)] } } });
    }
  });

  it("answers 409 to a test email when the environment has no sender", async () => {
    const res = await call(testEmail.POST as Handler, "/api/environments/plain/test-email", { method: "POST", cookie, params: { env: "plain" }, ...json({ to: "someone@example.com" }) });
    expect(res.status).toBe(409);
  });
});

describe("server-side sessions", () => {
  const read = (c: string) => call(session.GET as Handler, "/api/session", { cookie: c });

  it("sign-out ends the session for every later request, and clears the cookie on the way", async () => {
    const payload = await signIn(settings.clientId);
    const c = sealSession(payload);
    expect((await read(c)).status).toBe(200);
    await endSession(payload);
    const after = await read(c);
    expect(after.status).toBe(401);
    expect(after.headers.get("set-cookie")).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
  });

  it("sign out everywhere ends every session of the user, and only theirs", async () => {
    const a = await signIn(settings.clientId);
    const b = await signIn(settings.clientId);
    expect((await read(sealSession(a))).status).toBe(200);
    expect(await revokeSessionsOf(a.sub)).toBeGreaterThanOrEqual(2);
    expect((await read(sealSession(a))).status).toBe(401);
    expect((await read(sealSession(b))).status).toBe(401);
    expect(await revokeSessionsOf("someone-else")).toBe(0);
  });

  it("an operator ends someone's sessions by email (tt console end-sessions)", async () => {
    const payload = await signIn(settings.clientId);
    expect((await read(sealSession(payload))).status).toBe(200);
    expect(await revokeSessionsOfEmail(EMAIL.toUpperCase())).toMatchObject({ sub: payload.sub, ended: 1 });
    expect((await read(sealSession(payload))).status).toBe(401);
    await expect(revokeSessionsOfEmail("nobody@example.com")).rejects.toMatchObject({ status: 404 });
  });

  it("a deactivated user is refused at once and cannot sign in again", async () => {
    const payload = await signIn(settings.clientId);
    const out = await homeClients().cognito.send(
      new InitiateAuthCommand({ ClientId: settings.clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: EMAIL, PASSWORD: PASSWORD } }),
    );
    await homeClients().cognito.send(new AdminDisableUserCommand({ UserPoolId: settings.userPoolId, Username: payload.username }));
    await revokeSessionsOf(payload.sub);
    expect((await read(sealSession(payload))).status).toBe(401);
    await expect(startSession({ idToken: out.AuthenticationResult?.IdToken ?? "" })).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe("behind HTTPS with a configured public origin", () => {
  it("sends HSTS and accepts only the public origin", async () => {
    process.env.TT_PUBLIC_ORIGIN = "https://console.example.com";
    resetConfigForTests();
    try {
      const fresh = sealSession(await signInAgain());
      const res = await call(environments.GET as Handler, "/api/environments", { cookie: fresh });
      expect(res.status).toBe(200);
      expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
      const body = { name: "public-origin", region: "us-east-1", credentials: { type: "default" } };
      const own = await call(environments.POST as Handler, "/api/environments", { method: "POST", cookie: fresh, ...json(body), headers: { ...json(body).headers, origin: "http://127.0.0.1:3999" } });
      expect(own.status, "the Host the request came to no longer counts").toBe(403);
      const pub = await call(environments.POST as Handler, "/api/environments", { method: "POST", cookie: fresh, ...json(body), headers: { ...json(body).headers, origin: "https://console.example.com" } });
      expect(pub.status).toBe(201);
    } finally {
      delete process.env.TT_PUBLIC_ORIGIN;
      resetConfigForTests();
    }
  });
});
