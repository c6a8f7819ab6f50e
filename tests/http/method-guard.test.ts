import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installMethodGuard } from "@/lib/http/method-guard";

/**
 * TRACE cannot even be turned into a Fetch Request, so Next.js answered it
 * with a 500 before any route or proxy ran; the guard answers at the HTTP server.
 */
let server: Server;
let port = 0;
const reached: string[] = [];

beforeAll(async () => {
  installMethodGuard();
  server = createServer((req, res) => {
    reached.push(req.method ?? "");
    res.writeHead(200).end("app");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string, path: string, body?: string): Promise<{ status: number; allow: string | undefined; body: string; type?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers: body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {} }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body, type: res.headers["content-type"] }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("method guard", () => {
  it("answers TRACE (and any non-standard method) with 405 and the path's methods, before the app", async () => {
    const trace = await send("TRACE", "/api/environments");
    expect(trace.status).toBe(405);
    expect(trace.allow).toBe("GET, HEAD, OPTIONS, POST");
    expect(JSON.parse(trace.body)).toMatchObject({ error: { code: "method_not_allowed" } });
    expect((await send("PROPFIND", "/")).status).toBe(405);
    expect(reached).toEqual([]);
  });

  it("answers an undeclared method on an API path with 405 and Allow, body or not", async () => {
    const put = await send("PUT", "/api/environments/sandbox/provision", JSON.stringify({ fingerprint: "0" }));
    expect(put).toMatchObject({ status: 405, allow: "OPTIONS, POST" });
    expect(reached).toEqual([]);
  });

  it("answers oversized headers with the API's JSON error", async () => {
    const res = await send("GET", `/api/audit?cursor=${"x".repeat(70_000)}`);
    expect(res.status).toBe(431);
    expect(res.type).toBe("application/json");
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "request_too_large" } });
  });

  it("lets declared methods, unknown API paths and pages through", async () => {
    expect((await send("GET", "/api/health")).status).toBe(200);
    expect((await send("POST", "/api/nope", "{}")).status).toBe(200);
    expect((await send("GET", "/environments")).status).toBe(200);
    expect(reached).toEqual(["GET", "POST", "GET"]);
  });
});
