// `npm run sandbox:reset`: wipes the local sandbox (the emulator's journal, the
// console secret, whatever `tt sandbox init` left there). The emulator install in
// .venv-sandbox stays, so the next `npm run dev` starts from scratch but quickly.
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { connect } from "node:net";
import { homedir } from "node:os";
import path from "node:path";
import { repoRoot, sandboxConfig } from "./sandbox/env.mjs";

/** Files only a sandbox state dir has; without one, TT_SANDBOX_DIR probably points elsewhere. */
const SANDBOX_MARKERS = ["journal.jsonl", "console-secret"];

/**
 * @param {number} port
 * @returns {Promise<boolean>} whether something accepts connections on 127.0.0.1:port
 */
function isListening(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.setTimeout(1000);
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("timeout", () => { socket.destroy(); resolve(false); });
    socket.once("error", () => resolve(false));
  });
}

/** @param {number} bytes */
function size(bytes) {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/** @param {string} dir @returns {number} */
function totalSize(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name);
    return sum + (entry.isDirectory() ? totalSize(full) : statSync(full).size);
  }, 0);
}

async function main() {
  const { emulatorPort, stateDir } = sandboxConfig();
  if (await isListening(emulatorPort)) {
    console.error(`Something is listening on port ${emulatorPort} (TT_SANDBOX_PORT), probably the AWS emulator of a ` +
      "running `npm run dev` or `npm run sandbox:emulator`. Stop it first, then reset.");
    return 1;
  }
  if (!existsSync(stateDir)) {
    console.log(`Nothing to reset: ${stateDir} does not exist.`);
    return 0;
  }
  const entries = readdirSync(stateDir, { withFileTypes: true });
  const protectedDirs = [path.parse(stateDir).root, homedir(), repoRoot];
  const looksLikeSandbox = entries.length === 0 || entries.some((entry) => SANDBOX_MARKERS.includes(entry.name));
  if (protectedDirs.includes(stateDir) || repoRoot.startsWith(stateDir + path.sep) || !looksLikeSandbox) {
    console.error(`Refusing to wipe ${stateDir}: it does not look like a sandbox state dir ` +
      `(no ${SANDBOX_MARKERS.join(" or ")}). Check TT_SANDBOX_DIR.`);
    return 1;
  }
  const removed = entries.map((entry) => {
    const full = path.join(stateDir, entry.name);
    const bytes = entry.isDirectory() ? totalSize(full) : statSync(full).size;
    return `  ${entry.name}${entry.isDirectory() ? "/" : ""} (${size(bytes)})`;
  });
  rmSync(stateDir, { recursive: true, force: true });
  console.log([`Removed ${stateDir}:`, ...removed].join("\n"));
  console.log("The next `npm run dev` starts a fresh sandbox.");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
