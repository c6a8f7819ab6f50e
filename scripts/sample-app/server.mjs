// A small TankTower app for the sandbox: job handlers the console's "Run now" really calls.
// POST <base>/jobs/<handler> with {run, job, parameters}; answers like a deployed app would.
import http from "node:http";
import { pathToFileURL } from "node:url";

const MAX_BODY = 256 * 1024;

/** @type {Record<string, (input: {run?: unknown, job?: unknown, parameters?: Record<string, unknown>}) => Promise<{status: number, body: unknown}>>} */
const handlers = {
  "/jobs/quick": async ({ run }) => ({ status: 200, body: { ok: true, message: "Done.", run } }),
  "/jobs/slow": async ({ parameters }) => {
    const seconds = Math.min(Number(parameters?.seconds ?? 3) || 3, 120);
    await new Promise((r) => setTimeout(r, seconds * 1000));
    return { status: 200, body: { ok: true, sleptSeconds: seconds } };
  },
  "/jobs/fail": async () => ({ status: 500, body: { ok: false, error: "The sample failing handler failed on purpose." } }),
  "/jobs/echo": async ({ parameters }) => ({ status: 200, body: { ok: true, parameters: parameters ?? {} } }),
  "/jobs/large": async ({ parameters }) => ({ status: 200, body: "x".repeat(Math.min(Number(parameters?.bytes ?? 500_000) || 0, 2_000_000)) }),
};

function send(res, status, body) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json" });
  res.end(text);
}

/**
 * @param {{ port?: number, host?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export function startSampleApp({ port = 0, host = "127.0.0.1", log = () => {} } = {}) {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname.replace(/\/+$/, "");
    if (req.method === "GET" && (path === "" || path === "/health")) return send(res, 200, { ok: true, handlers: Object.keys(handlers) });
    const handler = handlers[path];
    if (req.method !== "POST" || !handler) return send(res, 404, { ok: false, error: `No handler at ${req.method} ${path}.` });
    let size = 0;
    const chunks = [];
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(chunk);
    });
    req.on("end", async () => {
      let input;
      try {
        input = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      } catch {
        return send(res, 400, { ok: false, error: "The body is not JSON." });
      }
      const out = await handler(input);
      log(`${path} -> ${out.status}`);
      send(res, out.status, out.body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolve({
        url: `http://${host}:${actual}`,
        stop: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const port = Number(process.env.TT_SAMPLE_APP_PORT ?? 4610);
  const app = await startSampleApp({ port, log: (line) => console.log(`[sample-app] ${line}`) });
  console.log(`Sample TankTower app on ${app.url}`);
}
