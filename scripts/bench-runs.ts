/**
 * `npm run bench:runs [-- --runs=100000 --small=1000 --json]`: what a runs page,
 * a rare-status filtered page and the charts' stats cost with a long history
 * and with a short one, and against a Scan-based baseline. Against a throwaway
 * local emulator (own port, temp state dir, stopped at the end).
 *
 * Two environments get generated history (lib/jobs/history.ts: runs, their
 * index rows and aggregates): `--runs` (default 100,000) and `--small`
 * (default 1,000), 1% of runs `failed` (the rare status; its page holds 5 runs so
 * the short history fills it too). Each read is
 * repeated and reported by its median wall time and by the items DynamoDB
 * reads for it (ScannedCount; stats: aggregate rows). Goals: big / small ≤ 1.5
 * and Scan baseline / big ≥ 20.
 *
 * The emulator is no stand-in for DynamoDB's timing: moto answers a Query by
 * walking every item of the table, so on it wall time grows with the table
 * even when a Query touches 25 items. Items read is the emulator-independent
 * cost (what DynamoDB bills and what its latency follows); both are printed
 * and the goals are checked on items read, with wall time beside them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmulator } from "./sandbox/emulator.mjs";

const args = Object.fromEntries(process.argv.slice(2).filter((a) => a.startsWith("--")).map((a) => {
  const [k, v] = a.slice(2).split("=");
  return [k ?? "", v ?? "true"];
}));
const BIG = Number(args.runs ?? 100_000);
const SMALL = Number(args.small ?? 1_000);
const REPEAT = 5;
const json = args.json === "true";
const say = (line: string) => { if (!json) console.log(line); };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tt-bench-runs-"));
  const emulator = await startEmulator({ port: 0, stateDir: dir, log: () => {} });
  try {
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: emulator.url, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test",
      TT_MODE: "sandbox", TT_CONSOLE_TABLE: "tt_bench_runs", TT_CONSOLE_SECRET: "bench-secret-bench-secret-bench-secret-01",
    });
    const { CreateTableCommand, waitUntilTableExists } = await import("@aws-sdk/client-dynamodb");
    const { ScanCommand } = await import("@aws-sdk/lib-dynamodb");
    const { homeClients } = await import("@/lib/aws/clients");
    const { environmentCreateSchema } = await import("@/lib/environments/schema");
    const { createEnvironment } = await import("@/lib/environments/write");
    const { environmentNames } = await import("@/lib/provisioning/names");
    const { tableSpecs } = await import("@/lib/provisioning/tables");
    const { jobStore } = await import("@/lib/jobs/store");
    const { writeAll } = await import("@/lib/jobs/batch-write");
    const { generateRuns, historyItems } = await import("@/lib/jobs/history");
    const { listRuns, runStats } = await import("@/lib/jobs/runs-read");
    const { runQuerySchema } = await import("@/lib/jobs/schema");

    const jobs = ["a", "b", "c", "d"].map((k, i) => ({ id: `0000000${i}-0000-4000-a000-00000000000${i}`, name: `Job ${k}`, failureRate: 0, medianMs: 100 * (i + 1) }));
    async function prepare(name: string, count: number) {
      await createEnvironment(environmentCreateSchema.parse({ name, region: "us-east-1", credentials: { type: "default" } }), "bench");
      const spec = tableSpecs(environmentNames(name).tables).find((t) => t.TableName === `${name}_data`);
      if (!spec) throw new Error("no data table spec");
      await homeClients().dynamodb.send(new CreateTableCommand({ ...spec, BillingMode: "PAY_PER_REQUEST", ProvisionedThroughput: undefined }));
      await waitUntilTableExists({ client: homeClients().dynamodb, maxWaitTime: 60 }, { TableName: spec.TableName });
      const store = await jobStore(name);
      const started = Date.now();
      const runs = generateRuns(jobs, { count, days: 60, now: new Date(), rareStatus: { status: "failed", share: 0.01 } });
      await writeAll(store, historyItems(runs), 8);
      say(`seeded ${count.toLocaleString()} runs (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      return store;
    }

    async function measure(label: string, fn: () => Promise<number>) {
      const ms: number[] = [];
      let items = 0;
      for (let i = 0; i < REPEAT; i++) {
        const t = performance.now();
        items = await fn();
        ms.push(performance.now() - t);
      }
      return { label, medianMs: Math.round(median(ms)), items };
    }

    type Store = Awaited<ReturnType<typeof jobStore>>;
    async function reads(store: Store) {
      return [
        await measure("first page", async () => (await listRuns(store, runQuerySchema.parse({}))).scanned),
        // A page of 5, so that the short history (about 10 failed runs) fills it too.
        await measure("rare status page", async () => (await listRuns(store, runQuerySchema.parse({ status: "failed", limit: 5 }))).scanned),
        await measure("stats (30 days)", async () => (await runStats(store, 30)).itemsRead),
      ];
    }

    const small = await prepare("benchsmall", SMALL);
    const big = await prepare("benchbig", BIG);
    const smallReads = await reads(small);
    const bigReads = await reads(big);

    // Baseline: without the index rows, a newest-first filtered page must Scan the whole table, then sort.
    const baseline = await measure("Scan baseline, rare status page", async () => {
      let scanned = 0;
      const found: Array<Record<string, unknown>> = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const out = await big.db.send(new ScanCommand({
          TableName: big.table, ExclusiveStartKey,
          FilterExpression: "portfolio_index = :sys AND begins_with(doc_index, :runs) AND #s = :failed",
          ExpressionAttributeNames: { "#s": "status" }, ExpressionAttributeValues: { ":sys": "sys", ":runs": "schd_runs#", ":failed": "failed" },
        }));
        scanned += out.ScannedCount ?? 0;
        found.push(...(out.Items ?? []));
        ExclusiveStartKey = out.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      found.sort((a, b) => String(b.time_queued).localeCompare(String(a.time_queued)));
      return scanned;
    });

    const rows = bigReads.map((b, i) => {
      const s = smallReads[i] ?? b;
      return { read: b.label, smallMs: s.medianMs, bigMs: b.medianMs, smallItems: s.items, bigItems: b.items, itemsRatio: b.items / Math.max(1, s.items), timeRatio: b.medianMs / Math.max(1, s.medianMs) };
    });
    const rare = bigReads[1];
    const vsScan = rare ? { itemsRatio: baseline.items / Math.max(1, rare.items), timeRatio: baseline.medianMs / Math.max(1, rare.medianMs) } : undefined;
    const goals = { historyIndependent: rows.every((r) => r.itemsRatio <= 1.5), fasterThanScan: (vsScan?.itemsRatio ?? 0) >= 20 };
    if (json) {
      console.log(JSON.stringify({ big: BIG, small: SMALL, rows, baseline, vsScan, goals }, null, 2));
    } else {
      say("");
      say(`read                 ${SMALL.toLocaleString()} runs      ${BIG.toLocaleString()} runs      ratio (items / wall time)`);
      for (const r of rows) say(`${r.read.padEnd(20)} ${`${r.smallItems} items ${r.smallMs} ms`.padEnd(18)} ${`${r.bigItems} items ${r.bigMs} ms`.padEnd(20)} ${r.itemsRatio.toFixed(2)} / ${r.timeRatio.toFixed(2)}`);
      say(`Scan baseline (${BIG.toLocaleString()}): ${baseline.items} items ${baseline.medianMs} ms → ${vsScan?.itemsRatio.toFixed(0)}× the items, ${vsScan?.timeRatio.toFixed(1)}× the time of the rare status page`);
      say(`goal: cost independent of history (items ratio ≤ 1.5): ${goals.historyIndependent ? "met" : "NOT met"}`);
      say(`goal: ≥ 20× cheaper than a Scan: ${goals.fasterThanScan ? "met" : "NOT met"}`);
      say("(wall time on the emulator grows with the table: moto walks every item of a table for each Query; DynamoDB does not)");
    }
    process.exitCode = goals.historyIndependent && goals.fasterThanScan ? 0 : 1;
  } finally {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
