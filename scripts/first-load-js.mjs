// Prints the first-load JavaScript (gzip) of app routes from the last `next build`:
// the root main files plus every chunk the route's layouts and page load up front.
// Usage: node scripts/first-load-js.mjs [app route ...]   (default: the documents pages)
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const next = path.join(root, ".next");
const LIMIT_KB = 200;
const routes = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [
      "/(console)/environments/[env]/portfolios/[portfolio]/docs/[blueprint]/page",
      "/(console)/environments/[env]/portfolios/[portfolio]/docs/[blueprint]/new/page",
      "/(console)/environments/[env]/portfolios/[portfolio]/docs/[blueprint]/[docId]/page",
    ];

const rootMain = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")).rootMainFiles;
const gz = new Map();
const sizeOf = (file) => {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(path.join(next, file))).length);
  return gz.get(file);
};

let failed = false;
for (const route of routes) {
  const manifestPath = path.join(next, "server", "app", `${route}_client-reference-manifest.js`);
  if (!existsSync(manifestPath)) {
    console.error(`${route}: no build output (run next build first)`);
    failed = true;
    continue;
  }
  globalThis.__RSC_MANIFEST = {};
  new Function(readFileSync(manifestPath, "utf8"))();
  const manifest = globalThis.__RSC_MANIFEST[route];
  const files = new Set(rootMain);
  const segments = route.split("/").filter(Boolean);
  // The root layout, every layout on the way down, and the page itself.
  const entries = ["[project]/app/layout", ...segments.slice(0, -1).map((_, i) => `[project]/app/${segments.slice(0, i + 1).join("/")}/layout`), `[project]/app${route}`];
  for (const entry of entries) for (const file of manifest.entryJSFiles[entry] ?? []) files.add(file);
  const kb = [...files].reduce((sum, f) => sum + sizeOf(f), 0) / 1024;
  const ok = kb <= LIMIT_KB;
  failed ||= !ok;
  console.log(`${ok ? "ok  " : "OVER"} ${kb.toFixed(1).padStart(6)} kB gzip  ${route}`);
}
process.exit(failed ? 1 : 0);
