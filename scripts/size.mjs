#!/usr/bin/env node
/**
 * First-load JavaScript per page route, gzipped, from the last `next build`:
 * the root chunks every page loads plus every chunk the route's client
 * reference manifest lists for its layouts, boundaries and page. Fails when a
 * route is over the budget (200 kB, 1 kB = 1000 bytes), so every change sees
 * what it costs. Usage: npm run build && npm run size [-- --json]
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 200;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dotNext = path.join(root, ".next");

if (!existsSync(path.join(dotNext, "build-manifest.json"))) {
  console.error("No build found: run `npm run build` first.");
  process.exit(2);
}

const buildManifest = JSON.parse(readFileSync(path.join(dotNext, "build-manifest.json"), "utf8"));
const rootFiles = buildManifest.rootMainFiles ?? [];

function manifests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "api" ? [] : manifests(full);
    return entry.name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

/** The manifest is a script that assigns globalThis.__RSC_MANIFEST[route]; run it in a sandbox. */
function readManifest(file) {
  const context = { self: {}, globalThis: {} };
  context.globalThis = context;
  vm.runInNewContext(readFileSync(file, "utf8"), context);
  return context.__RSC_MANIFEST ?? {};
}

const gzipCache = new Map();
function gzipSize(file) {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(path.join(dotNext, file)), { level: 9 }).length);
  return gzipCache.get(file);
}

const routeOf = (key) => key.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";

const rows = [];
for (const file of manifests(path.join(dotNext, "server", "app"))) {
  for (const [key, manifest] of Object.entries(readManifest(file))) {
    if (key.startsWith("/_")) continue; // Next's own error pages
    const files = new Set(rootFiles);
    for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const f of list) files.add(f);
    const bytes = [...files].reduce((sum, f) => sum + gzipSize(f), 0);
    rows.push({ route: routeOf(key), kB: Math.round(bytes / 100) / 10, files: files.size });
  }
}
rows.sort((a, b) => a.route.localeCompare(b.route));

if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ budgetKB: BUDGET_KB, routes: rows }, null, 2));
} else {
  const width = Math.max(...rows.map((r) => r.route.length), 5);
  console.log(`${"Route".padEnd(width)}  First-load JS (gzip)  Chunks`);
  for (const r of rows) console.log(`${r.route.padEnd(width)}  ${`${r.kB.toFixed(1)} kB`.padStart(20)}  ${String(r.files).padStart(6)}${r.kB > BUDGET_KB ? "  OVER BUDGET" : ""}`);
  console.log(`Budget: ${BUDGET_KB} kB per route.`);
}
const over = rows.filter((r) => r.kB > BUDGET_KB);
if (over.length) {
  console.error(`${over.length} route(s) over ${BUDGET_KB} kB: ${over.map((r) => r.route).join(", ")}`);
  process.exit(1);
}
