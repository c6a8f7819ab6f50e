/**
 * `npm run bench:provision [-- --json]`: how fast provisioning is, against a
 * throwaway local emulator (its own free port and temp state dir, stopped at
 * the end, also on errors). What it measures, each on fresh environments:
 *
 * 1. Parallel provision: plan, then apply (prepareProvision + run, the
 *    scheduler running independent changes at once). Wall time of the apply,
 *    AWS calls and mutating calls as the run's CallLog counts them.
 * 2. Re-run: plan + apply again on the same environment. Must make 0 mutating
 *    calls (the process exits 1 otherwise).
 * 3. Sequential baseline: the same plan on another fresh environment, applied
 *    with every AWS call made one after the other (state reads included) and
 *    one change at a time, in dependency order. Parallel
 *    and sequential runs alternate, so a slowly filling emulator does not
 *    favour either side.
 * 4. Checklist read: getChecklist on a finished environment, repeated. With
 *    --latency, also with the proxy holding 0 ms, alternately, and the
 *    difference in round trips (how long the chain of dependent reads is).
 *
 * Every measurement is repeated (RUNS environments each way, after one
 * unmeasured warm-up) and reported by its median. Goals, printed as met or
 * not: parallel / sequential ≤ 0.5, checklist p95 < 300 ms, re-run 0 mutating
 * calls. Only the last one fails the process (exit 1), as does any run that
 * does not finish ok.
 *
 * The emulator is no stand-in for AWS's timing: no network round trip, tables
 * usable at once, and mutations run one at a time under its journal lock
 * (scripts/sandbox/emulator.py), so parallel changes mostly queue there.
 * `--latency=MS` puts a proxy in front of it that holds every request MS
 * milliseconds, a stand-in for the round trip to AWS, to show what the
 * scheduler's parallelism buys when there is latency to overlap.
 * `npm run -s bench:provision -- --json` prints only the JSON.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmulator, type RunningEmulator } from "./sandbox/emulator.mjs";
import { startFaultProxy, type FaultProxy } from "./support/fault-proxy";

const RUNS = 3;
const CHECKLIST_READS = 20;
const GOAL_RATIO = 0.5;
const GOAL_CHECKLIST_P95_MS = 300;

type Sample = { ms: number; awsCalls: number; mutatingCalls: number; changes: number; ok: boolean };
type Summary = { runs: number; medianMs: number; minMs: number; maxMs: number; medianAwsCalls: number; maxMutatingCalls: number; changes: number; allOk: boolean };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};
/** Nearest-rank percentile. */
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const round = (n: number) => Math.round(n * 10) / 10;

function summarize(samples: Sample[]): Summary {
  const ms = samples.map((s) => s.ms);
  return {
    runs: samples.length,
    medianMs: round(median(ms)),
    minMs: round(Math.min(...ms)),
    maxMs: round(Math.max(...ms)),
    medianAwsCalls: median(samples.map((s) => s.awsCalls)),
    maxMutatingCalls: Math.max(...samples.map((s) => s.mutatingCalls)),
    changes: median(samples.map((s) => s.changes)),
    allOk: samples.every((s) => s.ok),
  };
}

const progress = (line: string) => process.stderr.write(`${line}\n`);

async function bench(endpoint: string, latencyMs: number, setLatency: (ms: number) => void) {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    TT_MODE: "sandbox",
    TT_CONSOLE_TABLE: "tt_bench",
    TT_CONSOLE_SECRET: "bench-secret-bench-secret-bench-secret-01",
  });
  // Imported only now: the services read their configuration from process.env.
  const { resetConfigForTests } = await import("@/lib/config/env");
  resetConfigForTests();
  const { environmentCreateSchema } = await import("@/lib/environments/schema");
  const { createEnvironment } = await import("@/lib/environments/write");
  const { prepareProvision } = await import("@/lib/provisioning/apply");
  const { getChecklist, planEnvironment } = await import("@/lib/provisioning/service");
  type Env = Awaited<ReturnType<typeof createEnvironment>>;

  const make = (name: string) =>
    createEnvironment(environmentCreateSchema.parse({ name, region: "us-east-1", credentials: { type: "default" }, sesSender: `no-reply@${name}.example` }), "bench");

  /** Plan, then apply; `ms` is the apply (lock, re-read, changes), or plan + apply when `withPlan`. */
  async function provision(env: Env, opts: { concurrency?: number; withPlan?: boolean }): Promise<Sample> {
    const started = performance.now();
    const plan = await planEnvironment(env);
    const applyStarted = performance.now();
    const prepared = await prepareProvision(env, plan.fingerprint, "bench", { sequential: opts.concurrency === 1 });
    const result = await prepared.run(() => {}, opts.concurrency ? { concurrency: opts.concurrency } : {});
    const ms = performance.now() - (opts.withPlan ? started : applyStarted);
    return { ms, awsCalls: result.awsCalls, mutatingCalls: result.mutatingCalls, changes: plan.changes.length, ok: result.ok };
  }

  // A first environment nobody measures: the registry table, SDK clients and the emulator's backends warm up.
  await provision(await make("bench-warmup"), {});

  const parallel: Sample[] = [];
  const sequential: Sample[] = [];
  const rerun: Sample[] = [];
  const finished: Env[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const par = await make(`bench-par-${i}`);
    parallel.push(await provision(par, {}));
    finished.push(par);
    rerun.push(await provision(par, { withPlan: true }));
    sequential.push(await provision(await make(`bench-seq-${i}`), { concurrency: 1 }));
    progress(`run ${i}/${RUNS}: parallel ${Math.round(parallel.at(-1)?.ms ?? 0)} ms, re-run ${Math.round(rerun.at(-1)?.ms ?? 0)} ms, sequential ${Math.round(sequential.at(-1)?.ms ?? 0)} ms`);
  }

  const target = finished[0];
  if (!target) throw new Error("no environment was provisioned");
  // With latency, reads alternate between the set latency and none (the same proxy, held 0 ms): the
  // difference of their medians over the latency is how many round trips the read waits for one
  // after the other, a figure a loaded machine does not blur the way it blurs milliseconds.
  const reads: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < CHECKLIST_READS * (latencyMs > 0 ? 2 : 1); i++) {
    const withLatency = latencyMs === 0 || i % 2 === 0;
    setLatency(withLatency ? latencyMs : 0);
    const started = performance.now();
    const checklist = await getChecklist(target);
    (withLatency ? reads : direct).push(performance.now() - started);
    if (i === 0) {
      const notDone = checklist.rows.filter((r) => ["3", "4a", "4b", "4", "5", "5b", "7", "8"].includes(r.id) && r.status !== "done");
      if (notDone.length) throw new Error(`${target.name} is not fully provisioned: steps ${notDone.map((r) => r.id).join(", ")} are not done`);
    }
  }
  setLatency(latencyMs);

  const par = summarize(parallel);
  const seq = summarize(sequential);
  const again = summarize(rerun);
  const ratio = Math.round((par.medianMs / seq.medianMs) * 100) / 100;
  const checklist = {
    reads: reads.length,
    medianMs: round(median(reads)),
    p95Ms: round(percentile(reads, 95)),
    maxMs: round(Math.max(...reads)),
    ...(latencyMs > 0
      ? {
          withoutLatency: { reads: direct.length, medianMs: round(median(direct)), p95Ms: round(percentile(direct, 95)) },
          roundTrips: round((median(reads) - median(direct)) / latencyMs),
        }
      : {}),
  };
  return {
    emulator: "moto (scripts/sandbox/emulator.py), local",
    latencyMs,
    runs: RUNS,
    parallel: par,
    rerun: again,
    sequential: seq,
    checklist,
    ratio,
    goals: {
      rerunNoMutatingCalls: { goal: "0 mutating calls on a re-run", value: again.maxMutatingCalls, met: again.maxMutatingCalls === 0 && again.allOk },
      parallelOverSequential: { goal: `parallel / sequential ≤ ${GOAL_RATIO}`, value: ratio, met: ratio <= GOAL_RATIO },
      checklistP95: { goal: `checklist read p95 < ${GOAL_CHECKLIST_P95_MS} ms`, value: checklist.p95Ms, met: checklist.p95Ms < GOAL_CHECKLIST_P95_MS },
    },
    allRunsOk: par.allOk && seq.allOk && again.allOk,
  };
}

type Results = Awaited<ReturnType<typeof bench>>;

function table(r: Results): string {
  const rows: string[][] = [
    ["measurement", "runs", "median ms", "min ms", "max ms", "changes", "AWS calls", "mutating"],
    ...([["parallel provision", r.parallel], ["re-run (plan + apply)", r.rerun], ["sequential provision", r.sequential]] as const).map(([name, s]) => [
      name, String(s.runs), String(s.medianMs), String(s.minMs), String(s.maxMs), String(s.changes), String(s.medianAwsCalls), String(s.maxMutatingCalls),
    ]),
    ["checklist read", String(r.checklist.reads), String(r.checklist.medianMs), "", String(r.checklist.maxMs), "", "", ""],
    ...(r.checklist.withoutLatency
      ? [["checklist read, 0 ms held", String(r.checklist.withoutLatency.reads), String(r.checklist.withoutLatency.medianMs), "", "", "", "", ""]]
      : []),
  ];
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? "").length))) ?? [];
  const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join("  ");
  const out = [line(rows[0] ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)];
  if (r.latencyMs > 0) out.unshift(`Every AWS request held ${r.latencyMs} ms by a proxy (simulated round trip).`, "");
  out.push("", "AWS calls: median per run; mutating: the most in any run. Provision times are the apply only; the re-run includes its plan.");
  out.push(`checklist read p95: ${r.checklist.p95Ms} ms`);
  if (r.checklist.roundTrips !== undefined) {
    out.push(`checklist read waits for ${r.checklist.roundTrips} round trips in a row ((median with - median without latency) / ${r.latencyMs} ms)`);
  }
  out.push(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs (milliseconds stretch with it)`);
  out.push(`parallel / sequential: ${r.ratio}`, "");
  for (const g of Object.values(r.goals)) out.push(`${g.met ? "MET    " : "NOT MET"}  ${g.goal} (${g.value})`);
  if (!r.allRunsOk) out.push("", "Some provisioning runs did not finish ok; the numbers above are not comparable.");
  return out.join("\n");
}

async function main(): Promise<number> {
  const json = process.argv.includes("--json");
  const latencyArg = process.argv.find((a) => a.startsWith("--latency="));
  const latencyMs = latencyArg ? Number(latencyArg.slice("--latency=".length)) : 0;
  if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > 1000) throw new Error("--latency takes whole milliseconds, 0 to 1000");
  const stateDir = mkdtempSync(path.join(os.tmpdir(), "tt-bench-"));
  let emulator: RunningEmulator | undefined;
  let proxy: FaultProxy | undefined;
  const cleanUp = async () => {
    await proxy?.close();
    await emulator?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  };
  const interrupted = () => void cleanUp().finally(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    progress("starting a throwaway emulator…");
    emulator = await startEmulator({ port: 0, stateDir, log: () => {} });
    if (latencyMs > 0) proxy = await startFaultProxy(emulator.url, { latencyMs });
    const results = await bench(proxy?.url ?? emulator.url, latencyMs, (ms) => proxy?.setLatency(ms));
    if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    else process.stdout.write(`${table(results)}\n`);
    return results.goals.rerunNoMutatingCalls.met && results.allRunsOk ? 0 : 1;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
