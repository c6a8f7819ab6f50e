/**
 * `npm run bench:forms`: our BlueprintForm against @rjsf/core on the same
 * generated 300-field blueprint, in headless Chromium, in one run.
 *
 * Bundles scripts/bench-forms/entry.tsx with esbuild (production React) and the
 * app's Tailwind CSS into a temp dir, serves it on 127.0.0.1, and measures in
 * the page: mount time (render + first paint, median of several, alternating
 * renderers; and until the first frame painted with every field in the DOM,
 * which differs only when ours renders a very long section in chunks) and
 * keystroke latency (keydown timestamp to the next animation
 * frame after React's update, p50/p95). Chromium runs without vsync and frame
 * rate limit, so a frame follows the work at once instead of waiting for the
 * next 60 Hz tick (which alone would add up to 16.7 ms to every keystroke).
 * Then prints the documents pages' first-load JavaScript from the last build.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import tailwind from "@tailwindcss/postcss";
import { build } from "esbuild";
import { chromium, type Page } from "playwright-core";
import postcss from "postcss";

const root = path.resolve(import.meta.dirname, "..");
const FIELDS = Number(process.env.BENCH_FIELDS ?? 300);
const MOUNTS = Number(process.env.BENCH_MOUNTS ?? 7);
const KEYS = Number(process.env.BENCH_KEYS ?? 60);
const CHROMIUM = process.env.TT_E2E_CHROMIUM ?? "/usr/bin/chromium";

type Kind = "ours" | "rjsf";

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

async function bundle(dir: string): Promise<void> {
  await build({
    entryPoints: [path.join(root, "scripts/bench-forms/entry.tsx")],
    outfile: path.join(dir, "bench.js"),
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2022",
    // next/link (the form's Button can be a link) reads process.env.__NEXT_* at load; Next defines them, a plain bundle must too.
    define: { "process.env.NODE_ENV": '"production"', "process.env": "{}" },
    logLevel: "error",
    tsconfig: path.join(root, "tsconfig.json"),
  });
  const css = await readFile(path.join(root, "app/globals.css"), "utf8");
  const out = await postcss([tailwind({ base: root })]).process(css, { from: path.join(root, "app/globals.css") });
  // For the laid-out figure (see entry.tsx): every block of ours laid out and painted at mount, as rjsf's are.
  await writeFile(path.join(dir, "bench.css"), `${out.css}\n.bench-laid-out * { content-visibility: visible !important; }\n`);
  await writeFile(
    path.join(dir, "index.html"),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>forms bench</title><link rel="stylesheet" href="/bench.css"></head>' +
      '<body><main id="root" class="p-4"></main><script type="module" src="/bench.js"></script></body></html>',
  );
}

function serve(dir: string) {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
  const server = createServer((req, res) => {
    const name = new URL(req.url ?? "/", "http://x").pathname === "/" ? "index.html" : path.basename(new URL(req.url ?? "/", "http://x").pathname);
    readFile(path.join(dir, name))
      .then((body) => {
        res.writeHead(200, { "content-type": types[path.extname(name)] ?? "application/octet-stream" });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(404);
        res.end();
      });
  });
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/?fields=${FIELDS}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

type Series = Record<Kind, number[]>;

/** The documents pages' first-load JavaScript, from the last `next build` (scripts/size.mjs), or why it cannot be said. */
function documentsFirstLoad(): Promise<string[]> {
  return new Promise((resolve) => {
    // size.mjs exits 1 when a route is over budget and still prints its JSON; 2 means no build.
    execFile(process.execPath, [path.join(root, "scripts/size.mjs"), "--json"], { cwd: root }, (_err, stdout) => {
      try {
        const { budgetKB, routes } = JSON.parse(stdout) as { budgetKB: number; routes: { route: string; kB: number }[] };
        const docs = routes.filter((r) => r.route.includes("/docs/"));
        resolve(docs.map((r) => `  ${r.route}: ${r.kB.toFixed(1)} kB gzip (budget ${budgetKB} kB: ${r.kB <= budgetKB ? "met" : "NOT met"})`));
      } catch {
        resolve(["  (no build found: run `npx next build` first to print them)"]);
      }
    });
  });
}

async function mountTimes(page: Page): Promise<{ times: Series; render: Series; complete: Series }> {
  const times: Series = { ours: [], rjsf: [] };
  const render: Series = { ours: [], rjsf: [] };
  const complete: Series = { ours: [], rjsf: [] };
  for (let i = 0; i <= MOUNTS; i++) {
    for (const kind of (i % 2 ? ["rjsf", "ours"] : ["ours", "rjsf"]) as Kind[]) {
      const ms = await page.evaluate((k) => window.bench.mount(k), kind);
      if (i > 0) {
        // The first round warms up the JIT.
        times[kind].push(ms);
        render[kind].push(await page.evaluate(() => window.bench.lastRenderMs));
        complete[kind].push(await page.evaluate(() => window.bench.lastCompleteMs));
      }
    }
  }
  return { times, render, complete };
}

/**
 * Main-thread CPU time of each mount (Chromium's ThreadTime, through the
 * DevTools protocol): from the click of the stopwatch to the frame that
 * painted every field, without the previous form's unmount. The wall-clock
 * times above also count the time other processes held the CPU, and rjsf's
 * longer tasks are interrupted more often on a busy machine, which tilts the
 * ratio; this one is far less sensitive to the machine's load.
 */
async function cpuTimes(page: Page): Promise<Series> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  const threadTime = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ThreadTime")?.value ?? NaN;
  const cpu: Series = { ours: [], rjsf: [] };
  for (let i = 0; i <= MOUNTS; i++) {
    for (const kind of (i % 2 ? ["rjsf", "ours"] : ["ours", "rjsf"]) as Kind[]) {
      await page.evaluate(() => window.bench.unmount());
      // Let the unmount's garbage and pending work settle before the stopwatch starts.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
      const before = await threadTime();
      await page.evaluate((k) => window.bench.mount(k), kind);
      const after = await threadTime();
      if (i > 0) cpu[kind].push((after - before) * 1000);
    }
  }
  await cdp.detach();
  return cpu;
}

async function keystrokes(page: Page, kind: Kind, afterFailedSubmit = false): Promise<{ paint: number[]; handled: number[] }> {
  await page.evaluate((k) => window.bench.mount(k), kind);
  if (afterFailedSubmit) {
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForTimeout(300);
  }
  const input = kind === "ours" ? page.locator('[data-field="text_14"] input') : page.locator("#root_text_14");
  await input.click();
  const paint: number[] = [];
  const handled: number[] = [];
  for (let i = 0; i < KEYS + 10; i++) {
    await page.keyboard.press(i % 2 ? "Backspace" : "a");
    const ms = await page.evaluate(() => window.bench.lastKeystroke());
    if (i >= 10) {
      paint.push(ms);
      handled.push(await page.evaluate(() => window.bench.lastHandledMs()));
    }
  }
  return { paint, handled };
}

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), "bench-forms-"));
  const server = await (async () => {
    console.log(`Bundling the bench page (${FIELDS} fields)…`);
    await bundle(dir);
    return serve(dir);
  })();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu-vsync", "--disable-frame-rate-limit"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.waitForFunction(() => "bench" in window);
    await page.evaluate(() => window.bench.mount("ours"));
    const oursInputs = await page.evaluate(() => window.bench.inputCount());
    await page.evaluate(() => window.bench.mount("rjsf"));
    const rjsfInputs = await page.evaluate(() => window.bench.inputCount());
    console.log(`Inputs rendered: ours ${oursInputs}, rjsf ${rjsfInputs}`);

    const { times: mounts, render, complete } = await mountTimes(page);
    const cpu = await cpuTimes(page);
    const laidOut: number[] = [];
    for (let i = 0; i <= MOUNTS; i++) {
      const ms = await page.evaluate(() => window.bench.mount("ours", true));
      if (i > 0) laidOut.push(ms);
    }
    const keys = { ours: await keystrokes(page, "ours"), rjsf: await keystrokes(page, "rjsf") };
    const oursRevalidating = await keystrokes(page, "ours", true);

    const fmt = (n: number) => `${n.toFixed(1)} ms`;
    const mount = { ours: quantile(mounts.ours, 0.5), rjsf: quantile(mounts.rjsf, 0.5) };
    const p95 = { ours: quantile(keys.ours.paint, 0.95), rjsf: quantile(keys.rjsf.paint, 0.95) };
    const full = { ours: quantile(complete.ours, 0.5), rjsf: quantile(complete.rjsf, 0.5) };
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    console.log(`\nMount to first paint (median of ${MOUNTS}): ours ${fmt(mount.ours)}   rjsf ${fmt(mount.rjsf)}   rjsf/ours ${ratio(mount.rjsf, mount.ours)}  (goal ≥ 3×: ${mount.rjsf / mount.ours >= 3 ? "met" : "NOT met"})`);
    console.log(`  of which React render+commit:        ours ${fmt(quantile(render.ours, 0.5))}   rjsf ${fmt(quantile(render.rjsf, 0.5))}`);
    console.log(`Mount until all ${FIELDS} fields in the page, screen painted: ours ${fmt(full.ours)}   rjsf ${fmt(full.rjsf)}   rjsf/ours ${ratio(full.rjsf, full.ours)}  (goal ≥ 3×: ${full.rjsf / full.ours >= 3 ? "met" : "NOT met"})`);
    // Said plainly, as it is most of the difference: both put every field in the DOM, rjsf also lays them all out.
    console.log("  (ours lays out and paints blocks of fields off screen only as they scroll near: content-visibility: auto)");
    const eager = quantile(laidOut, 0.5);
    console.log(`  ours with every block laid out and painted at mount, as rjsf: ${fmt(eager)}   rjsf/ours ${ratio(mount.rjsf, eager)}  (not the goal's figure)`);
    const cpuMedian = { ours: quantile(cpu.ours, 0.5), rjsf: quantile(cpu.rjsf, 0.5) };
    console.log(`Main-thread CPU time of a mount (median of ${MOUNTS}; less sensitive to load): ours ${fmt(cpuMedian.ours)}   rjsf ${fmt(cpuMedian.rjsf)}   rjsf/ours ${ratio(cpuMedian.rjsf, cpuMedian.ours)}`);
    console.log(`Keystroke p50 (${KEYS} keys):       ours ${fmt(quantile(keys.ours.paint, 0.5))}   rjsf ${fmt(quantile(keys.rjsf.paint, 0.5))}`);
    console.log(`Keystroke p95:                  ours ${fmt(p95.ours)}   rjsf ${fmt(p95.rjsf)}   rjsf/ours ${ratio(p95.rjsf, p95.ours)}  (goal ours ≤ 16 ms: ${p95.ours <= 16 ? "met" : "NOT met"})`);
    console.log(`  keydown to input handled, p95:  ours ${fmt(quantile(keys.ours.handled, 0.95))}   rjsf ${fmt(quantile(keys.rjsf.handled, 0.95))}`);
    console.log(`Keystroke p95 after a failed submit (ours re-validates on change): ${fmt(quantile(oursRevalidating.paint, 0.95))}`);
    console.log("\nFirst-load JavaScript of the documents pages (last build):");
    for (const line of await documentsFirstLoad()) console.log(line);
    const [load] = loadavg();
    console.log(`\n(1-minute load average ${load?.toFixed(1)} on ${cpus().length} CPUs: other processes inflate the tails.)`);
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
