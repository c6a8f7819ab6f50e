// Installs the pinned AWS emulator (moto, scripts/sandbox/requirements.txt) into
// <repo>/.venv-sandbox. It lives outside the sandbox state dir so that
// `npm run sandbox:reset` does not force a reinstall; a stamp holding the sha256 of
// requirements.txt triggers a fresh install whenever the pins change.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./env.mjs";

const requirementsFile = path.join(repoRoot, "scripts", "sandbox", "requirements.txt");
// The API fuzzer (schemathesis) shares the venv: one pinned Python toolset for the tests.
const fuzzRequirementsFile = path.join(repoRoot, "scripts", "sandbox", "requirements-fuzz.txt");
export const venvDir = path.join(repoRoot, ".venv-sandbox");
/** The venv's bin (Scripts on Windows) directory, where schemathesis lands. */
export const venvBin = path.dirname(process.platform === "win32"
  ? path.join(venvDir, "Scripts", "python.exe")
  : path.join(venvDir, "bin", "python"));
const stampFile = path.join(venvDir, "tanktower-requirements.sha256");
const lockDir = `${venvDir}.lock`;
const venvPython = process.platform === "win32"
  ? path.join(venvDir, "Scripts", "python.exe")
  : path.join(venvDir, "bin", "python");
const MIN_MINOR = 11; // Python 3.11 is the oldest every pin in requirements.txt supports

/**
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<string>} the venv's python executable
 */
export async function ensureVenv({ log = console.log } = {}) {
  const wanted = createHash("sha256").update(readFileSync(requirementsFile)).update(readFileSync(fuzzRequirementsFile)).digest("hex");
  if (isInstalled(wanted)) return venvPython;
  const release = await acquireLock(log);
  try {
    if (isInstalled(wanted)) return venvPython; // another process installed it while we waited
    const python = findSystemPython();
    log(existsSync(stampFile)
      ? "Updating the AWS emulator (its pinned packages changed)…"
      : "Installing the AWS emulator (first run only)…");
    rmSync(venvDir, { recursive: true, force: true });
    await run(python, ["-m", "venv", venvDir]);
    // --no-compile halves the install: the emulator imports a small part of what
    // moto[server] pulls in, and Python caches the bytecode of that part on first use.
    await run(venvPython, ["-m", "pip", "install", "--disable-pip-version-check", "--no-input", "-q",
      "--no-compile", "-r", requirementsFile, "-r", fuzzRequirementsFile]);
    writeFileSync(stampFile, `${wanted}\n`); // last: an interrupted install is redone next time
    log("AWS emulator installed.");
    return venvPython;
  } finally {
    release();
  }
}

/** @param {string} wanted */
function isInstalled(wanted) {
  if (!existsSync(venvPython) || !existsSync(stampFile)) return false;
  return readFileSync(stampFile, "utf8").trim() === wanted;
}

const PROBE = "import sys, venv, ensurepip; print('%d.%d' % sys.version_info[:2])";

/** @returns {string} a Python 3 interpreter that can create venvs */
function findSystemPython() {
  const candidates = process.platform === "win32" ? ["python", "py"] : ["python3", "python"];
  /** @type {string[]} */
  const problems = [];
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ["-c", PROBE], { encoding: "utf8" });
    if (probe.error) continue; // not on PATH
    const version = probe.stdout.trim();
    if (probe.status !== 0 || !/^\d+\.\d+$/.test(version)) {
      problems.push(`${candidate} cannot create virtual environments (no venv/ensurepip module)`);
      continue;
    }
    const [major = 0, minor = 0] = version.split(".").map(Number);
    if (major === 3 && minor >= MIN_MINOR) return candidate;
    problems.push(`${candidate} is Python ${version}`);
  }
  throw new Error(
    `The local AWS sandbox needs Python 3.${MIN_MINOR}+ with the venv module ` +
      "(on Debian/Ubuntu: apt-get install python3 python3-venv). " +
      (problems.length > 0 ? `Found: ${problems.join("; ")}.` : "No python3 was found on PATH.") +
      " To use real AWS instead, set TT_MODE=aws.",
  );
}

/**
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<void>}
 */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    /** @param {Buffer} chunk */
    const keep = (chunk) => { output = (output + chunk.toString()).slice(-4000); };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`\`${command} ${args.join(" ")}\` failed (exit ${code}):\n${output.trim()}`));
    });
  });
}

/**
 * One installer at a time (npm run dev and the tests may start together). The lock
 * names its owner's pid so a lock left by a killed process is taken over.
 * @param {(line: string) => void} log
 * @returns {Promise<() => void>} release
 */
async function acquireLock(log) {
  const ownerFile = path.join(lockDir, "pid");
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(ownerFile, String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
    }
    const owner = Number(existsSync(ownerFile) ? readFileSync(ownerFile, "utf8") : NaN);
    const stale = Number.isInteger(owner)
      ? !isAlive(owner)
      : Date.now() - (statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 10_000; // died before writing its pid
    if (stale) {
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!announced) log("Waiting for another process that is installing the AWS emulator…");
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}
