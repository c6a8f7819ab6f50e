/**
 * `npm run bench:runs [-- --runs=100000 --small=1000 --latency=50 --json]`: what a
 * runs page, a rare-status filtered page and the charts' stats cost with a long
 * history and with a short one, and against a Scan-based baseline. Against a
 * throwaway local emulator (own port, temp state dir, stopped at the end),
 * reached through the latency proxy of bench:provision (scripts/support/fault-proxy.ts).
 *
 * Three environments get generated history (lib/jobs/history.ts): `--small`
 * (default 1,000 runs) and `--runs` (default 100,000) with the dashboard's
 * rows (runs, five index rows each, aggregates), and the same `--runs` runs as
 * bare run documents only, for the baseline: without the index rows a
 * newest-first filtered page has to Scan every run and sort. 1% of runs are
 * `failed` (the rare status; its page holds 5 runs so the short history fills it too).
 *
 * Each read is repeated (`--repeat`, default 3; `--repeat-big`, default 3, for the
 * long history) and reported by its median, by three costs:
 * - items read (ScannedCount; stats: aggregate rows) and read capacity
 *   (eventually consistent RCUs, 0.5 per 4 KB read per request, estimated from
 *   the items' sizes: the emulator's ConsumedCapacity is a constant): what
 *   DynamoDB bills and what its latency follows. The goals are checked on these.
 * - wall time on the bare emulator, which is no stand-in for DynamoDB's timing:
 *   the sandbox emulator reads only the partition and sort-key range a Query
 *   names (scripts/sandbox/partition_query.py; moto itself sorts the whole
 *   table), found by binary search in the partition's keys, which it sorts on
 *   the partition's first Query and then keeps sorted (DynamoDB always keeps
 *   them so): the first of the repeats pays that sort, the median does not.
 * - wall time with every request held `--latency` ms (default 50) by the proxy, a
 *   stand-in for the round trip to real AWS, where round trips dominate: a page
 *   is one or two requests however long the history, a Scan is one per 1 MB.
 *   The requests count is the round-trip figure that carries over to DynamoDB.
 *
 * Seeding 100,000 runs writes ~600,000 items (BatchWriteItem, 25 a request,
 * 16 at once): ten minutes or more on the emulator, which journals every write.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmulator } from "./sandbox/emulator.mjs";
import { startFaultProxy } from "./support/fault-proxy";

const args = Object.fromEntries(process.argv.slice(2).filter((a) => a.startsWith("--")).map((a) => {
  const [k, v] = a.slice(2).split("=");
  return [k ?? "", v ?? "true"];
}));
const BIG = Number(args.runs ?? 100_000);
const SMALL = Number(args.small ?? 1_000);
const LATENCY = Number(args.latency ?? 50);
const REPEAT = Number(args.repeat ?? 3);
const REPEAT_BIG = Number(args["repeat-big"] ?? 3);
const json = args.json === "true";
const say = (line: string) => { if (!json) console.log(line); };
const progress = (line: string) => process.stderr.write(`${line}\n`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

/** DynamoDB's item size rules, approximately: names + UTF-8 strings, numbers ~ digits / 2 + 1, 3 bytes per container. */
function valueSize(v: unknown): number {
  if (typeof v === "string") return Buffer.byteLength(v);
  if (typeof v === "number") return Math.ceil(String(v).replace(/[-.]/g, "").length / 2) + 1;
  if (typeof v === "boolean" || v === null || v === undefined) return 1;
  if (Array.isArray(v)) return 3 + v.reduce((n: number, x) => n + 1 + valueSize(x), 0);
  if (typeof v === "object") return 3 + itemSize(v as Record<string, unknown>);
  return 0;
}
function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((n, [k, v]) => n + Buffer.byteLength(k) + valueSize(v), 0);
}
/** Eventually consistent read units of one request that read `bytes`. */
const rcu = (bytes: number) => Math.max(1, Math.ceil(bytes / 4096)) * 0.5;

type Cost = { items: number; rcu: number; requests: number };

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tt-bench-runs-"));
  const emulator = await startEmulator({ port: 0, stateDir: dir, log: () => {} });
  const proxy = await startFaultProxy(emulator.url, { latencyMs: 0 });
  try {
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: proxy.url, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
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
    const { runItem } = await import("@/lib/jobs/run-items");
    const { listRuns, runStats } = await import("@/lib/jobs/runs-read");
    const { runQuerySchema } = await import("@/lib/jobs/schema");
    type Store = Awaited<ReturnType<typeof jobStore>>;

    // Every Query/Scan answer's items, sized: the read capacity a request costs on DynamoDB.
    let cost: Cost = { items: 0, rcu: 0, requests: 0 };
    const counted = new WeakSet<object>();
    function count(store: Store) {
      if (counted.has(store.db)) return;
      counted.add(store.db);
      store.db.middlewareStack.add(
        (next) => async (input) => {
          const out = await next(input);
          const body = out.output as { Items?: Record<string, unknown>[]; ScannedCount?: number };
          if (Array.isArray(body.Items)) {
            cost.requests += 1;
            cost.rcu += rcu(body.Items.reduce((n, item) => n + itemSize(item), 0));
          }
          return out;
        },
        { step: "initialize", name: "benchReadCost" },
      );
    }

    const jobs = ["a", "b", "c", "d"].map((k, i) => ({ id: `0000000${i}-0000-4000-a000-00000000000${i}`, name: `Job ${k}`, failureRate: 0, medianMs: 100 * (i + 1) }));
    const now = new Date();
    async function prepare(name: string, count: number, docsOnly = false) {
      await createEnvironment(environmentCreateSchema.parse({ name, region: "us-east-1", credentials: { type: "default" } }), "bench");
      const spec = tableSpecs(environmentNames(name).tables).find((t) => t.TableName === `${name}_data`);
      if (!spec) throw new Error("no data table spec");
      await homeClients().dynamodb.send(new CreateTableCommand({ ...spec, BillingMode: "PAY_PER_REQUEST", ProvisionedThroughput: undefined }));
      await waitUntilTableExists({ client: homeClients().dynamodb, maxWaitTime: 60 }, { TableName: spec.TableName });
      const store = await jobStore(name);
      const started = Date.now();
      const runs = generateRuns(jobs, { count, days: 60, now, rareStatus: { status: "failed", share: 0.01 } });
      const items = docsOnly ? runs.map(runItem) : historyItems(runs);
      await writeAll(store, items, 16);
      progress(`seeded ${count.toLocaleString()} runs${docsOnly ? " (documents only)" : ""}: ${items.length.toLocaleString()} items in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      return { store, bytes: items.reduce((n, i) => n + itemSize(i), 0) };
    }

    async function measure(fn: () => Promise<number>, repeat: number) {
      const ms: number[] = [];
      let items = 0;
      let last: Cost = { items: 0, rcu: 0, requests: 0 };
      for (let i = 0; i < repeat; i++) {
        cost = { items: 0, rcu: 0, requests: 0 };
        const t = performance.now();
        items = await fn();
        ms.push(performance.now() - t);
        last = cost;
      }
      return { ms: Math.round(median(ms)), items, rcu: last.rcu, requests: last.requests };
    }

    const READS = ["first page", "rare status page", "stats (30 days)"] as const;
    async function reads(store: Store, repeat: number) {
      count(store);
      return [
        await measure(async () => (await listRuns(store, runQuerySchema.parse({}))).scanned, repeat),
        // A page of 5, so that the short history (about 10 failed runs) fills it too.
        await measure(async () => (await listRuns(store, runQuerySchema.parse({ status: "failed", limit: 5 }))).scanned, repeat),
        await measure(async () => (await runStats(store, 30)).itemsRead, repeat),
      ];
    }

    // Baseline: no index rows, so the newest failed runs are a Scan of every run, filtered, then sorted.
    async function scanBaseline(store: Store, bytes: number) {
      const r = await measure(async () => {
        let scanned = 0;
        const found: Array<Record<string, unknown>> = [];
        let ExclusiveStartKey: Record<string, unknown> | undefined;
        do {
          const out = await store.db.send(new ScanCommand({
            TableName: store.table, ExclusiveStartKey,
            FilterExpression: "portfolio_index = :sys AND begins_with(doc_index, :runs) AND #s = :failed",
            ExpressionAttributeNames: { "#s": "status" }, ExpressionAttributeValues: { ":sys": "sys", ":runs": "schd_runs#", ":failed": "failed" },
          }));
          scanned += out.ScannedCount ?? 0;
          found.push(...(out.Items ?? []));
          ExclusiveStartKey = out.LastEvaluatedKey;
        } while (ExclusiveStartKey);
        found.sort((a, b) => String(b.time_queued).localeCompare(String(a.time_queued)));
        return scanned;
      }, 1); // once: a full Scan of the long history takes minutes on the emulator
      // A Scan is billed on every item it reads (filtered out or not), 1 MB a request.
      const requests = Math.max(1, Math.ceil(bytes / 1_048_576));
      return { ...r, rcu: Math.ceil(bytes / 4096) * 0.5, requests };
    }

    const small = await prepare("benchsmall", SMALL);
    const big = await prepare("benchbig", BIG);
    const bare = await prepare("benchscan", BIG, true);
    count(bare.store);

    progress("reads on the bare emulator…");
    const smallBare = await reads(small.store, REPEAT);
    const bigBare = await reads(big.store, REPEAT_BIG);
    const scanBare = await scanBaseline(bare.store, bare.bytes);
    progress(`reads with ${LATENCY} ms held per request…`);
    proxy.setLatency(LATENCY);
    const smallSlow = await reads(small.store, REPEAT);
    const bigSlow = await reads(big.store, REPEAT_BIG);
    const scanSlow = await scanBaseline(bare.store, bare.bytes);
    proxy.setLatency(0);

    const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 1e-9)) * 100) / 100;
    const rows = READS.map((read, i) => {
      const s = smallBare[i];
      const b = bigBare[i];
      const sl = smallSlow[i];
      const bl = bigSlow[i];
      if (!s || !b || !sl || !bl) throw new Error("missing measurement");
      return {
        read,
        small: { items: s.items, rcu: s.rcu, requests: s.requests, ms: s.ms, msWithLatency: sl.ms },
        big: { items: b.items, rcu: b.rcu, requests: b.requests, ms: b.ms, msWithLatency: bl.ms },
        itemsRatio: ratio(b.items, s.items),
        rcuRatio: ratio(b.rcu, s.rcu),
        msRatio: ratio(b.ms, s.ms),
        msRatioWithLatency: ratio(bl.ms, sl.ms),
      };
    });
    const rare = rows[1];
    if (!rare) throw new Error("missing rare page");
    const vsScan = {
      itemsRatio: ratio(scanBare.items, rare.big.items),
      rcuRatio: ratio(scanBare.rcu, rare.big.rcu),
      msRatio: ratio(scanBare.ms, rare.big.ms),
      msRatioWithLatency: ratio(scanSlow.ms, rare.big.msWithLatency),
    };
    const goals = {
      historyIndependent: rows.every((r) => r.itemsRatio <= 1.5 && r.rcuRatio <= 1.5),
      historyIndependentWithLatency: rows.every((r) => r.msRatioWithLatency <= 1.5),
      fasterThanScan: vsScan.rcuRatio >= 20 && vsScan.itemsRatio >= 20,
      fasterThanScanWithLatency: vsScan.msRatioWithLatency >= 20,
    };
    const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
    if (json) {
      console.log(JSON.stringify({ big: BIG, small: SMALL, latencyMs: LATENCY, rows, scan: { bare: scanBare, withLatency: scanSlow }, vsScan, goals, load }, null, 2));
    } else {
      const n = (x: number) => x.toLocaleString();
      say("");
      say(`${n(SMALL)} runs vs ${n(BIG)} runs (items read / est. read units / wall ms on the bare emulator / wall ms with ${LATENCY} ms per request)`);
      for (const r of rows) {
        say(`${r.read.padEnd(18)} ${`${r.small.items} / ${r.small.rcu} / ${r.small.ms} / ${r.small.msWithLatency}`.padEnd(22)} vs ${`${r.big.items} / ${r.big.rcu} / ${r.big.ms} / ${r.big.msWithLatency}`.padEnd(24)} ratios ${r.itemsRatio} / ${r.rcuRatio} / ${r.msRatio} / ${r.msRatioWithLatency}`);
      }
      say(`round trips (requests) at ${n(SMALL)} / ${n(BIG)} runs: ${rows.map((r) => `${r.read} ${r.small.requests} / ${r.big.requests}`).join(", ")}; Scan baseline ${scanBare.requests}`);
      say(`Scan baseline (${n(BIG)} run documents): ${n(scanBare.items)} items, ${n(scanBare.rcu)} read units in ${scanBare.requests} requests, ${n(scanBare.ms)} ms bare, ${n(scanSlow.ms)} ms with latency`);
      say(`  vs the rare status page: ${vsScan.itemsRatio}× the items, ${vsScan.rcuRatio}× the read units, ${vsScan.msRatio}× the time bare, ${vsScan.msRatioWithLatency}× with latency`);
      say("");
      say(`${goals.historyIndependent ? "MET    " : "NOT MET"}  cost independent of history: items and read units ratio ≤ 1.5`);
      say(`${goals.historyIndependentWithLatency ? "MET    " : "NOT MET"}  …and wall time ratio ≤ 1.5 with ${LATENCY} ms per request (round trips dominate, as on AWS)`);
      say(`${goals.fasterThanScan ? "MET    " : "NOT MET"}  ≥ 20× cheaper than a Scan (items and read units)`);
      say(`${goals.fasterThanScanWithLatency ? "MET    " : "NOT MET"}  ≥ 20× faster than a Scan with ${LATENCY} ms per request`);
      say("Wall time on the bare emulator is not DynamoDB's: the sandbox emulator reads only the partition and sort-key range a Query names,");
      say(`found by binary search in keys it sorts on a partition's first Query (up to ${n(BIG)} here; the first repeat pays it, the median shows the rest).`);
      say(`On DynamoDB a read waits about requests × round trip. Load average ${load} on ${os.cpus().length} CPUs.`);
    }
    process.exitCode = goals.historyIndependent && goals.fasterThanScan ? 0 : 1;
  } finally {
    await proxy.close();
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
