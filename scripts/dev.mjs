// `npm run dev`: the console against real AWS, or against the local sandbox (an AWS
// emulator whose state survives restarts, bootstrapped by `tt sandbox init`).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { startEmulator } from "./sandbox/emulator.mjs";
import { startSampleApp } from "./sample-app/server.mjs";
import { repoRoot, sandboxConfig, sandboxProcessEnv } from "./sandbox/env.mjs";

const nextBin = path.join(repoRoot, "node_modules", ".bin", process.platform === "win32" ? "next.cmd" : "next");
const bootstrapScript = path.join(repoRoot, "scripts", "tt.ts");
const CHILD_STOP_GRACE_MS = 10_000;

/** @typedef {import("node:child_process").ChildProcess} ChildProcess */

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ mode: "aws" | "sandbox", reason: string }}
 */
export function chooseMode(env) {
  if (env.TT_MODE === "aws") return { mode: "aws", reason: "TT_MODE=aws" };
  if (env.TT_MODE === "sandbox") return { mode: "sandbox", reason: "TT_MODE=sandbox" };
  if (env.TT_MODE) throw new Error(`TT_MODE=${env.TT_MODE} is not a mode; use TT_MODE=aws or TT_MODE=sandbox`);
  const configured = ["AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_ENDPOINT_URL"].find((name) => env[name]);
  if (configured) return { mode: "aws", reason: `${configured} is set; TT_MODE=sandbox uses the local sandbox instead` };
  return { mode: "sandbox", reason: "no AWS configuration in the environment; TT_MODE=aws uses real AWS" };
}

/** The child processes and what stopping them means, shared by the signal handlers. */
const state = {
  /** @type {ChildProcess | undefined} */ current: undefined,
  /** @type {(() => Promise<void>) | undefined} */ stopEmulator: undefined,
  stopping: false,
  exitCode: 0, // what a shutdown in progress will exit with
};

async function main() {
  const { mode, reason } = chooseMode(process.env);
  console.log(`TankTower Console: ${mode === "aws" ? "real AWS" : "local sandbox"} (${reason})`);
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  if (!existsSync(nextBin)) throw new Error(`${nextBin} is missing: run npm install first`);
  const port = sandboxConfig().consolePort;

  if (mode === "aws") {
    const env = { ...process.env, TT_MODE: "aws", NEXT_TELEMETRY_DISABLED: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
    const { code } = await runChild(nextBin, ["dev", "-p", String(port)], env);
    return state.stopping ? state.exitCode : code;
  }

  const config = sandboxConfig();
  const emulator = await startEmulator({ port: config.emulatorPort, stateDir: config.stateDir });
  state.stopEmulator = emulator.stop;
  if (state.stopping) return state.exitCode; // Ctrl-C while the emulator was starting
  void emulator.exited.then(({ code, signal }) => {
    if (state.stopping) return;
    console.error(`\nThe AWS emulator stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the console.`);
    const tail = emulator.stderrTail();
    if (tail) console.error(tail);
    void shutdown("SIGTERM", 1);
  });
  const env = sandboxProcessEnv({ emulatorUrl: emulator.url, stateDir: config.stateDir });

  const init = await runChild(process.execPath,
    ["--conditions=react-server", "--import", "tsx", bootstrapScript, "sandbox", "init"], env);
  if (state.stopping) return state.exitCode;
  if (init.code !== 0) {
    console.error(`\`tt sandbox init\` failed (${init.signal ?? `exit code ${init.code}`}); stopping.`);
    return 1;
  }

  // The sample TankTower app: the job handlers "Run now" calls in the sandbox.
  const sampleApp = await startSampleApp({ port: Number(process.env.TT_SAMPLE_APP_PORT || 4610) });
  const jobs = await runChild(process.execPath,
    ["--conditions=react-server", "--import", "tsx", bootstrapScript, "sandbox", "jobs", "--app-url", sampleApp.url], env);
  if (state.stopping) return state.exitCode;
  if (jobs.code !== 0) console.error("`tt sandbox jobs` failed; the job dashboard has no sample data.");

  console.log([
    "",
    `  Console    http://localhost:${port}`,
    `  Sample app ${sampleApp.url}  (job handlers; TT_SAMPLE_APP_PORT)`,
    `  Sign in    ${config.operatorEmail} / ${config.operatorPassword}`,
    `  Emulator   ${emulator.url}`,
    `  State      ${config.stateDir}  (npm run sandbox:reset wipes it)`,
    "",
  ].join("\n"));
  const next = await runChild(nextBin, ["dev", "-p", String(port)], env);
  if (state.stopping) return state.exitCode;
  console.error(`next dev exited (${next.signal ?? `exit code ${next.code}`}); stopping the AWS emulator.`);
  return next.code === 0 ? 0 : 1;
}

/**
 * Runs a child with the terminal attached and remembers it, so a signal can stop it.
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<{ code: number, signal: NodeJS.Signals | null }>}
 */
function runChild(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env, cwd: repoRoot });
    state.current = child;
    child.on("error", (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve({ code: 1, signal: null });
    });
    child.on("exit", (code, signal) => {
      if (state.current === child) state.current = undefined;
      resolve({ code: code ?? 1, signal });
    });
  });
}

/**
 * Stops the console (next dev or the bootstrap) first and the emulator last, so no
 * request is left half-sent to a vanished emulator.
 * @param {NodeJS.Signals} signal
 * @param {number} [exitCode]
 */
async function shutdown(signal, exitCode = 0) {
  if (state.stopping) return;
  state.stopping = true;
  state.exitCode = exitCode;
  const child = state.current;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), CHILD_STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }
  await finish(exitCode);
}

/** @type {Promise<never> | undefined} */
let finishing;

/**
 * Stops the emulator (if it runs) and exits; the first caller decides the code.
 * @param {number} exitCode
 * @returns {Promise<never>}
 */
function finish(exitCode) {
  finishing ??= (async () => {
    state.stopping = true;
    await state.stopEmulator?.();
    process.exit(exitCode);
  })();
  return finishing;
}

main().then(
  (code) => finish(code),
  (error) => {
    console.error(error instanceof Error ? error.message : String(error));
    return finish(1);
  },
);
