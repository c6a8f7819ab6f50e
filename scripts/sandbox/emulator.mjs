// Starts scripts/sandbox/emulator.py (moto with a replayed journal) and hands back
// its URL once it serves. The emulator runs in its own process group, so a Ctrl-C
// in the terminal reaches the launcher, which stops the console first and the
// emulator last; it also watches its stdin and exits if the launcher dies.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { repoRoot } from "./env.mjs";
import { ensureVenv } from "./venv.mjs";

const emulatorScript = path.join(repoRoot, "scripts", "sandbox", "emulator.py");
const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 5_000;
// Exit codes of emulator.py.
const EXIT_PORT_IN_USE = 3;
const EXIT_STATE_DIR_BUSY = 6;

/**
 * @typedef {{ code: number | null, signal: NodeJS.Signals | null }} EmulatorExit
 * @typedef {object} RunningEmulator
 * @property {string} url            e.g. http://127.0.0.1:4566
 * @property {number} port           the port it listens on (the real one when asked for 0)
 * @property {() => Promise<void>} stop  SIGTERM, then SIGKILL after 5 s; resolves once it has exited
 * @property {Promise<EmulatorExit>} exited  settles when the process ends, for whatever reason
 * @property {() => string} stderrTail   its last lines of stderr, for error messages
 */

/**
 * @param {{ host?: string, port: number, stateDir: string, log?: (line: string) => void }} options
 *   port 0 lets the emulator pick a free port (it binds before it replays, so there is no race)
 * @returns {Promise<RunningEmulator>}
 */
export async function startEmulator({ host = "127.0.0.1", port, stateDir, log = console.log }) {
  const python = await ensureVenv({ log });
  // The venv is installed without bytecode (faster); Python caches what the emulator
  // imports on its first start, unless PYTHONDONTWRITEBYTECODE forbids it (costs ~1 s a start).
  const { PYTHONDONTWRITEBYTECODE: _ignored, ...env } = process.env;
  const child = spawn(
    python,
    [emulatorScript, "--host", host, "--port", String(port), "--state-dir", stateDir, "--exit-with-stdin"],
    { stdio: ["pipe", "pipe", "pipe"], detached: true, env: { ...env, PYTHONUNBUFFERED: "1" } },
  );
  /** @type {string[]} */
  const stderrLines = [];
  const stderrTail = () => stderrLines.slice(-30).join("\n");
  /** @type {Promise<EmulatorExit>} */
  const exited = new Promise((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal }));
    child.on("error", () => resolve({ code: null, signal: null }));
  });

  let ready = false;
  readLines(child.stderr, (line) => {
    stderrLines.push(line);
    if (stderrLines.length > 200) stderrLines.shift();
    // Its own notes (replay time, a dropped unfinished line) show at once; its errors and
    // anything else before READY (a traceback) go into the error startEmulator rejects with.
    const note = line.startsWith("emulator: ") && !line.startsWith("emulator: error: ");
    if (ready || note) log(`[emulator] ${line.replace(/^emulator: /, "")}`);
  });

  /** @type {number} */
  const boundPort = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`The AWS emulator was not ready after ${READY_TIMEOUT_MS / 1000} s.\n${stderrTail()}`));
    }, READY_TIMEOUT_MS);
    readLines(child.stdout, (line) => {
      const match = /^READY http:\/\/\S+:(\d+) /.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not start the AWS emulator (${python}): ${error.message}`));
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(earlyExitMessage(code, signal, port, stateDir, stderrTail())));
    });
  });
  ready = true;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  return { url: `http://${host}:${boundPort}`, port: boundPort, stop, exited, stderrTail };
}

/**
 * A port that was free a moment ago (for callers that need a number before starting
 * something; startEmulator itself accepts port 0).
 * @param {string} [host]
 * @returns {Promise<number>}
 */
export function freePort(host = "127.0.0.1") {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error("no free port found"))));
    });
  });
}

/**
 * @param {number | null} code
 * @param {NodeJS.Signals | null} signal
 * @param {number} port
 * @param {string} stateDir
 * @param {string} stderr
 */
function earlyExitMessage(code, signal, port, stateDir, stderr) {
  if (code === EXIT_PORT_IN_USE) {
    return `Port ${port} is already in use, so the AWS emulator cannot listen on it ` +
      "(is another `npm run dev` running?). Set TT_SANDBOX_PORT to use another port.";
  }
  if (code === EXIT_STATE_DIR_BUSY) {
    return `Another AWS emulator is already using ${stateDir}. Stop it, or set TT_SANDBOX_DIR to another directory.`;
  }
  const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
  return `The AWS emulator ${how} before it was ready.${stderr ? `\n${stderr}` : ""}`;
}

/**
 * @param {NodeJS.ReadableStream} stream
 * @param {(line: string) => void} onLine
 */
function readLines(stream, onLine) {
  let pending = "";
  stream.setEncoding("utf8");
  stream.on("data", (/** @type {string} */ chunk) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) onLine(line.replace(/\r$/, ""));
  });
  stream.on("end", () => {
    if (pending) onLine(pending);
  });
}
