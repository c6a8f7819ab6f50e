#!/usr/bin/env node
/**
 * `node scripts/standalone/assemble.mjs <dir>`: lays out what the image runs,
 * from a finished `next build` (output: "standalone"): server.js with its
 * traced node_modules, .next/static and public/. Leaves sharp out (no
 * next/image here; scripts/check-licences.mjs) and fails if any dev-only
 * package of package-lock.json made it in.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Where server.js is inside .next/standalone (nested when Next traces from a parent directory). */
export function findServer(standalone) {
  if (existsSync(path.join(standalone, "server.js"))) return standalone;
  for (const entry of readdirSync(standalone, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== "node_modules" && existsSync(path.join(standalone, entry.name, "server.js"))) {
      return path.join(standalone, entry.name);
    }
  }
  throw new Error(`no server.js under ${standalone}: was next build run with output: "standalone"?`);
}

/** Dev-only packages of the lock found in a node_modules tree. */
export function devPackagesIn(dir, lock) {
  const found = [];
  for (const [name, entry] of Object.entries(lock.packages ?? {})) {
    if (!name.startsWith("node_modules/") || !entry.dev) continue;
    if (existsSync(path.join(dir, name, "package.json"))) found.push(name.slice("node_modules/".length));
  }
  return found;
}

export function assemble(target) {
  const standalone = path.join(root, ".next", "standalone");
  if (!existsSync(standalone)) throw new Error(".next/standalone is missing: run `npx next build` first");
  const server = findServer(standalone);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(server, target, { recursive: true, dereference: true });
  // A nested layout keeps node_modules at the standalone root.
  if (server !== standalone && existsSync(path.join(standalone, "node_modules"))) {
    cpSync(path.join(standalone, "node_modules"), path.join(target, "node_modules"), { recursive: true, dereference: true });
  }
  cpSync(path.join(root, ".next", "static"), path.join(target, ".next", "static"), { recursive: true });
  if (existsSync(path.join(root, "public"))) cpSync(path.join(root, "public"), path.join(target, "public"), { recursive: true });
  for (const leftOut of ["node_modules/sharp", "node_modules/@img"]) rmSync(path.join(target, leftOut), { recursive: true, force: true });
  // A local .env must never ride along into an image.
  for (const f of readdirSync(target)) if (f.startsWith(".env")) rmSync(path.join(target, f), { force: true });
  const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8"));
  const dev = devPackagesIn(target, lock);
  if (dev.length) throw new Error(`dev-only packages in the standalone output: ${dev.join(", ")}`);
  return target;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const target = process.argv[2];
  if (!target) {
    process.stderr.write("usage: node scripts/standalone/assemble.mjs <target dir>\n");
    process.exit(2);
  }
  assemble(path.resolve(target));
  process.stdout.write(`assembled the standalone server in ${target}\n`);
}
