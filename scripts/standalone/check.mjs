#!/usr/bin/env node
/**
 * `npm run test:standalone`: the image's contents, checked without a
 * container runtime. Assembles the standalone server (assemble.mjs) in a temp
 * directory outside the repository, so no node_modules of the checkout (dev
 * dependencies included) can be resolved, then:
 *
 * 1. starts `node server.js` there against a throwaway emulator and waits
 *    for /api/health to answer ok, the sign-in page and one of its scripts;
 * 2. stops it with SIGTERM and checks it exits 0 within the grace period;
 * 3. starts it in AWS mode with a weak secret and sandbox settings and
 *    checks it refuses, saying why.
 *
 * Builds first when .next/standalone is missing or with --build (the e2e run
 * before it in `npm test` leaves a fresh build).
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, startEmulator } from "../sandbox/emulator.mjs";
import { assemble } from "./assemble.mjs";
import { recordCounts } from "../test/counts.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let checksPassed = 0;
/** Prints a line; a numbered one ("3. …") reports a check that passed. */
const say = (line) => {
  if (/^\d+\. /.test(line)) checksPassed += 1;
  process.stdout.write(`${line}\n`);
};

function baseEnv(port) {
  // Nothing from the developer's shell but PATH and HOME: the server gets only what an image would.
  return { PATH: process.env.PATH ?? "", HOME: os.tmpdir(), NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
}

function start(dir, env) {
  const child = spawn(process.execPath, ["server.js"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}

async function waitForHealth(url, server, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server.js exited with ${server.child.exitCode}:\n${server.output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return await res.json();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no healthy answer within ${ms} ms:\n${server.output()}`);
}

async function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function main() {
  if (process.argv.includes("--build") || !existsSync(path.join(root, ".next", "standalone"))) {
    say("building (next build)…");
    const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const work = mkdtempSync(path.join(os.tmpdir(), "tt-standalone-"));
  const dir = path.join(work, "app");
  const stateDir = path.join(work, "sandbox");
  let emulator;
  const servers = [];
  try {
    assemble(dir);
    say(`assembled in ${dir} (no dev dependency inside, no node_modules above it)`);
    if (existsSync(path.join(work, "node_modules")) || existsSync(path.join(os.tmpdir(), "node_modules"))) {
      throw new Error("a node_modules directory above the temp dir would let the server resolve packages it does not ship");
    }

    emulator = await startEmulator({ port: 0, stateDir, log: () => {} });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const graceSeconds = 5;
    const server = start(dir, {
      ...baseEnv(port),
      TT_MODE: "sandbox",
      TT_CONSOLE_SECRET: randomBytes(36).toString("base64"),
      TT_CONSOLE_TABLE: "tt_standalone_check",
      AWS_ENDPOINT_URL: emulator.url,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      NEXT_MANUAL_SIG_HANDLE: "true",
      TT_SHUTDOWN_GRACE_SECONDS: String(graceSeconds),
    });
    servers.push(server);
    const health = await waitForHealth(url, server, 60_000);
    if (health.status !== "ok" || health.aws?.reachable !== true) throw new Error(`health is not ok: ${JSON.stringify(health)}`);
    say(`1. /api/health: ${health.status}, AWS reachable in ${health.aws.latencyMs} ms`);

    const page = await fetch(`${url}/sign-in`);
    const html = await page.text();
    const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    if (page.status !== 200 || !script) throw new Error(`the sign-in page did not render (${page.status})`);
    const asset = await fetch(`${url}${script}`);
    if (asset.status !== 200) throw new Error(`${script} answered ${asset.status}: .next/static is not served`);
    say(`   /sign-in renders and serves its scripts (${script})`);

    const stopped = Date.now();
    server.child.kill("SIGTERM");
    const { code } = await withTimeout(server.exited, (graceSeconds + 10) * 1000, "stopping on SIGTERM");
    if (code !== 0) throw new Error(`SIGTERM: exit code ${code}:\n${server.output()}`);
    say(`2. SIGTERM: exited 0 after ${Date.now() - stopped} ms`);

    const refused = start(dir, {
      ...baseEnv(await freePort()),
      TT_MODE: "aws",
      TT_CONSOLE_SECRET: "changeme-changeme-changeme-changeme",
      TT_SANDBOX_OPERATOR_PASSWORD: "Sandbox-Operator-1",
      AWS_REGION: "us-east-1",
    });
    servers.push(refused);
    const outcome = await withTimeout(refused.exited, 30_000, "refusing to start");
    const text = refused.output();
    if (outcome.code === 0 || !/refuses to start in AWS mode/.test(text) || !/placeholder/.test(text) || !/TT_SANDBOX_OPERATOR_PASSWORD/.test(text)) {
      throw new Error(`AWS mode with a weak secret: exit ${outcome.code}, output:\n${text}`);
    }
    if (text.includes("changeme-changeme-changeme-changeme")) throw new Error("the refusal echoed the secret");
    say(`3. AWS mode with a placeholder secret and a sandbox setting: refused (exit ${outcome.code}), saying why`);
  } finally {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill("SIGKILL");
    await emulator?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => {
    recordCounts("standalone", { passed: checksPassed, failed: 0, skipped: 0, note: "numbered checks" });
    say("standalone check: ok");
  },
  (err) => {
    process.stderr.write(`standalone check failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
