#!/usr/bin/env node
/**
 * `npm run bench:load [-- --readers=200 --seconds=60 --replicas=2]`: a small,
 * bounded load run on loopback only. Starts its own emulator and `replicas`
 * console servers (the last `next build`; --build to rebuild), signs
 * `readers` sessions in, then for `seconds` each reader loops: the
 * environments list, then the sandbox environment's checklist, alternating
 * replicas. Prints requests, errors and p50/p95/max per endpoint, and exits 1
 * on any error. Not part of npm test: it measures, it does not check
 * behaviour.
 */
import os from "node:os";
import { api, ensureBuild, signIn, startReplicaSet } from "./support/replicas.mjs";

function arg(name, fallback, max) {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = raw ? Number(raw.slice(name.length + 3)) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} takes a whole number from 1 to ${max}`);
  return value;
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN;
};

async function main() {
  const readers = arg("readers", 200, 1000);
  const seconds = arg("seconds", 60, 600);
  const replicas = arg("replicas", 2, 4);
  ensureBuild(process.argv.includes("--build"));
  process.stderr.write(`starting an emulator and ${replicas} console servers…\n`);
  const set = await startReplicaSet({ count: replicas });
  try {
    const urls = set.servers.map((s) => s.url);
    // Sign-ins spread over the replicas, a few at a time (Cognito and the session records are shared).
    const cookies = [];
    for (let i = 0; i < readers; i += 20) {
      const batch = Array.from({ length: Math.min(20, readers - i) }, (_, j) => signIn(urls[(i + j) % urls.length], set.emulator.url, set.operator));
      cookies.push(...(await Promise.all(batch)));
    }
    process.stderr.write(`${readers} readers signed in; reading for ${seconds} s…\n`);

    const endpoints = { "GET /api/environments": "/api/environments", "GET /api/environments/sandbox/checklist": "/api/environments/sandbox/checklist" };
    const timings = Object.fromEntries(Object.keys(endpoints).map((k) => [k, []]));
    const errors = [];
    const stopAt = Date.now() + seconds * 1000;
    const started = Date.now();

    await Promise.all(
      cookies.map(async (cookie, i) => {
        let n = i;
        while (Date.now() < stopAt) {
          for (const [name, path] of Object.entries(endpoints)) {
            const url = urls[n++ % urls.length];
            const t = performance.now();
            try {
              const res = await api(url, path, { cookie });
              await res.arrayBuffer();
              if (res.status !== 200) errors.push(`${name} on ${url}: ${res.status}`);
              else timings[name].push(performance.now() - t);
            } catch (err) {
              errors.push(`${name} on ${url}: ${err instanceof Error ? err.message : String(err)}`);
            }
          }
        }
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    const lines = [`${readers} concurrent signed-in readers, ${replicas} replicas, ${elapsed.toFixed(1)} s, loopback`, ""];
    let total = 0;
    for (const [name, ms] of Object.entries(timings)) {
      total += ms.length;
      lines.push(`${name.padEnd(42)} ${String(ms.length).padStart(6)} ok   p50 ${percentile(ms, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(ms, 95).toFixed(0).padStart(5)} ms   max ${Math.max(...ms).toFixed(0).padStart(5)} ms`);
    }
    lines.push("", `${total} requests ok (${(total / elapsed).toFixed(1)}/s), ${errors.length} errors`);
    lines.push(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs`);
    if (errors.length) lines.push("", "first errors:", ...[...new Set(errors)].slice(0, 10).map((e) => `  ${e}`));
    process.stdout.write(`${lines.join("\n")}\n`);
    return errors.length === 0 ? 0 : 1;
  } finally {
    await set.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`load run failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
