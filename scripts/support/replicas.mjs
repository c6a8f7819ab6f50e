/**
 * Several console servers (`next start`, the last `next build`) on one
 * registry and one throwaway emulator, for `npm run test:replicas` and
 * `npm run bench:load`. Loopback only. Also: signing in over HTTP the way the
 * browser does (Cognito USER_PASSWORD_AUTH, then POST /api/session).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startEmulator } from "../sandbox/emulator.mjs";
import { repoRoot, sandboxProcessEnv } from "../sandbox/env.mjs";

const OPERATOR = { email: "operator@replicas.tanktower.local", password: "Replicas-Operator-1" };

/** Builds when there is no build yet, or when asked. */
export function ensureBuild(force = false) {
  if (!force && existsSync(path.join(repoRoot, ".next", "BUILD_ID"))) return;
  const build = spawnSync(path.join(repoRoot, "node_modules/.bin/next"), ["build"], { cwd: repoRoot, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");
}

async function waitForHealth(server, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server ${server.url} exited with ${server.child.exitCode}:\n${server.output()}`);
    try {
      if ((await fetch(`${server.url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${server.url} was not healthy within ${ms} ms:\n${server.output()}`);
}

/**
 * Starts one server process with the shared environment.
 * @param {NodeJS.ProcessEnv} env
 */
export async function startServer(env, extra = {}) {
  const port = await freePort();
  const child = spawn(path.join(repoRoot, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: repoRoot,
    env: { ...env, ...extra, NEXT_MANUAL_SIG_HANDLE: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (d) => {
    output = (output + d).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const server = { url: `http://127.0.0.1:${port}`, port, child, exited, output: () => output };
  await waitForHealth(server, 120_000);
  return server;
}

/**
 * An emulator with the console initialised (sandbox init), and `count` servers on it.
 * @param {{ count: number, serverEnv?: Record<string, string> }} opts
 */
export async function startReplicaSet({ count, serverEnv = {} }) {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), "tt-replicas-"));
  const emulator = await startEmulator({ port: 0, stateDir, log: () => {} });
  const servers = [];
  const stop = async () => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill("SIGKILL");
    await Promise.all(servers.map((s) => s.exited));
    await emulator.stop();
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    const env = {
      ...sandboxProcessEnv({ emulatorUrl: emulator.url, stateDir }),
      TT_SANDBOX_OPERATOR_EMAIL: OPERATOR.email,
      TT_SANDBOX_OPERATOR_PASSWORD: OPERATOR.password,
      NODE_ENV: "production",
      ...serverEnv,
    };
    const init = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/tt.ts", "sandbox", "init"], { cwd: repoRoot, env, encoding: "utf8" });
    if (init.status !== 0) throw new Error(`sandbox init failed:\n${init.stdout}\n${init.stderr}`);
    for (let i = 0; i < count; i++) servers.push(await startServer(env));
    return { emulator, servers, env, operator: OPERATOR, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Signs in as the browser does; returns the session cookie ("tt_session=…"). */
export async function signIn(serverUrl, emulatorUrl, { email, password }) {
  const config = await (await fetch(`${serverUrl}/api/auth/config`)).json();
  const auth = await fetch(emulatorUrl, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService.InitiateAuth" },
    body: JSON.stringify({ ClientId: config.clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: email, PASSWORD: password } }),
  });
  const tokens = (await auth.json()).AuthenticationResult;
  if (!tokens?.IdToken) throw new Error(`Cognito sign-in failed (${auth.status})`);
  const res = await api(serverUrl, "/api/session", { method: "POST", body: { idToken: tokens.IdToken, accessToken: tokens.AccessToken, refreshToken: tokens.RefreshToken } });
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  if (res.status !== 201 || !cookie.startsWith("tt_session=")) throw new Error(`POST /api/session answered ${res.status}`);
  return cookie;
}

/**
 * A request as the console's own pages send it (same Origin on mutations).
 * @param {string} serverUrl
 * @param {string} apiPath
 * @param {{ method?: string, body?: unknown, cookie?: string }} [opts]
 */
export function api(serverUrl, apiPath, { method = "GET", body, cookie } = {}) {
  const headers = { accept: "application/json" };
  if (cookie) headers.cookie = cookie;
  if (method !== "GET") headers.origin = serverUrl;
  if (body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${serverUrl}${apiPath}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
