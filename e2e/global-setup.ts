import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, startEmulator, type RunningEmulator } from "../scripts/sandbox/emulator.mjs";
import { sandboxProcessEnv } from "../scripts/sandbox/env.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("The console did not become healthy within 120 s");
}

/**
 * A sandbox of the test run's own. Tests find it through TT_E2E_* variables;
 * the persistence spec restarts the emulator through a small loopback control
 * endpoint, because the emulator belongs to this process.
 */
export default async function globalSetup() {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), "tt-e2e-"));
  let emulator: RunningEmulator = await startEmulator({ port: 0, stateDir, log: () => {} });
  const env = {
    ...sandboxProcessEnv({ emulatorUrl: emulator.url, stateDir }),
    TT_SANDBOX_OPERATOR_EMAIL: "operator@e2e.tanktower.local",
    TT_SANDBOX_OPERATOR_PASSWORD: "E2e-Operator-Pass-1",
    NODE_ENV: "production" as const,
    // The job spec waits for the server's sweep of orphaned runs (every 60 s by default).
    TT_ORPHAN_SWEEP_SECONDS: "2",
  };
  const init = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/tt.ts", "sandbox", "init"], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  if (init.status !== 0) throw new Error(`sandbox init failed:\n${init.stdout}\n${init.stderr}`);

  if (!process.env.TT_E2E_SKIP_BUILD) {
    const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const server = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...env, TT_DEBUG: "" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server);

  const control = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/restart-emulator") {
      res.writeHead(404).end();
      return;
    }
    void (async () => {
      const port = emulator.port;
      await emulator.stop();
      emulator = await startEmulator({ port, stateDir, log: () => {} });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ url: emulator.url }));
    })().catch((err: unknown) => res.writeHead(500).end(String(err)));
  });
  const controlPort = await freePort();
  await new Promise<void>((resolve) => control.listen(controlPort, "127.0.0.1", resolve));

  Object.assign(process.env, {
    TT_E2E_BASE_URL: baseUrl,
    TT_E2E_EMULATOR_URL: emulator.url,
    TT_E2E_CONTROL_URL: `http://127.0.0.1:${controlPort}`,
    TT_E2E_OPERATOR_EMAIL: env.TT_SANDBOX_OPERATOR_EMAIL,
    TT_E2E_OPERATOR_PASSWORD: env.TT_SANDBOX_OPERATOR_PASSWORD,
  });

  return async () => {
    server.kill("SIGTERM");
    control.close();
    await emulator.stop();
    rmSync(stateDir, { recursive: true, force: true });
  };
}
