/**
 * `npm run bench:invites [-- --users=1000 --search-users=10000 --json]`: bulk
 * invites against a throwaway emulator, twice: on the bare emulator and
 * behind a proxy that holds every AWS request 50 ms (scripts/support/fault-proxy.ts,
 * the provisioning bench's stand-in for the round trip to AWS). Each phase runs in its own process
 * (fresh SDK clients and configuration) on fresh environments:
 *
 * 1. Bulk: `--users` invites from one CSV through the bulk run (bounded
 *    concurrency), wall time and throughput.
 * 2. Baseline: a tenth as many invites one at a time (the same inviteUser),
 *    throughput; the ratio bulk / baseline is the goal (≥ 3× with latency).
 * 3. Count, independently of the run's own bookkeeping: Cognito users
 *    (ListUsers), user entities, email uniqueness rows and emails in the
 *    emulator's mailbox; lost = expected - found distinct, duplicated = found -
 *    distinct. Goal 0 and 0.
 * 4. Search (bare phase only): `--search-users` user entities, then prefix
 *    searches on name and email, median and p95 (goal < 200 ms).
 *
 * The emulator reports SES's sandbox quota (1 message/s, 200 a day): the
 * product paces below MaxSendRate, which would make this a measure of that
 * number, so the bench passes sendRate = unlimited and says so.
 *
 * Two emulator costs DynamoDB does not have are kept out, and the output says
 * so: moto copies the whole table for every item of a TransactWriteItems, so
 * (a) the bench's emulator loads scripts/bench-invites/sitecustomize.py, which
 * takes a copy of the item maps instead for transactions of puts and deletes
 * (`--moto-deep-copy` runs moto as it is: a 1,000-invite run is then
 * quadratic, about 20 minutes a phase on a 2-core machine), and (b) the 10,000
 * search users are written with BatchWriteItem, the same rows createEntity
 * writes in its transaction (through createEntity they took hours: this is
 * why earlier runs never finished). Emails are counted from the emulator's
 * state dump (/moto-api/data.json) before the search users are written,
 * while the state is still small; the read's time is printed.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator, type RunningEmulator } from "./sandbox/emulator.mjs";
import { startFaultProxy, type FaultProxy } from "./support/fault-proxy";

const LATENCY_MS = 50;
const CONCURRENCY = 16;
const GOAL_RATIO = 3;
const GOAL_SEARCH_P95_MS = 200;
const PHASE_TIMEOUT_MS = 45 * 60 * 1000;
const MOTO_PATCH_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "bench-invites");

const progress = (line: string) => process.stderr.write(`${line}\n`);
const round = (n: number) => Math.round(n * 10) / 10;
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const arg = (name: string, fallback: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const n = hit ? Number(hit.slice(name.length + 3)) : fallback;
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number`);
  return n;
};

/** One phase, in this process: the endpoint and table are given by the parent. */
async function phase(endpoint: string, emulatorUrl: string, latencyMs: number, users: number, searchUsers: number) {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    TT_MODE: "sandbox",
    TT_CONSOLE_TABLE: `tt_bench_inv_${latencyMs}`,
    TT_CONSOLE_SECRET: "bench-secret-bench-secret-bench-secret-01",
  });
  const { resetConfigForTests } = await import("@/lib/config/env");
  resetConfigForTests();
  const { environmentCreateSchema } = await import("@/lib/environments/schema");
  const { createEnvironment } = await import("@/lib/environments/write");
  const { prepareProvision } = await import("@/lib/provisioning/apply");
  const { planEnvironment } = await import("@/lib/provisioning/service");
  const { readProvisioningRecord } = await import("@/lib/provisioning/record");
  const { contextFor } = await import("@/lib/entities/context");
  const { listEntities, newEntityItem } = await import("@/lib/entities/store");
  const { createWrites } = await import("@/lib/entities/rows");
  const { startBulk } = await import("@/lib/invites/bulk");
  const { readRun } = await import("@/lib/invites/bulk-store");
  const { inviteUser, mapBounded } = await import("@/lib/invites/service");
  const { ListUsersCommand } = await import("@aws-sdk/client-cognito-identity-provider");
  const { BatchWriteCommand, QueryCommand } = await import("@aws-sdk/lib-dynamodb");
  const { parseMotoMailbox } = await import("@/lib/mailbox/parse");

  const provisioned = async (name: string) => {
    const env = await createEnvironment(environmentCreateSchema.parse({ name, region: "us-east-1", credentials: { type: "default" }, sesSender: `no-reply@${name}.example` }), "bench");
    const plan = await planEnvironment(env);
    const result = await (await prepareProvision(env, plan.fingerprint, "bench")).run(() => {});
    if (!result.ok) throw new Error(`provisioning ${name} failed`);
    return contextFor(env);
  };
  type Ctx = Awaited<ReturnType<typeof provisioned>>;
  const mailboxReadMs: number[] = [];

  async function count(ctx: Ctx, domain: string) {
    const { userPoolId } = await readProvisioningRecord(ctx.env.name);
    const cognito: string[] = [];
    let PaginationToken: string | undefined;
    do {
      const page = await ctx.clients.cognito.send(new ListUsersCommand({ UserPoolId: userPoolId ?? "", Limit: 60, PaginationToken }));
      for (const u of page.Users ?? []) cognito.push(u.Attributes?.find((a) => a.Name === "email")?.Value ?? "");
      PaginationToken = page.PaginationToken;
    } while (PaginationToken);
    const rows = async (index: string, field: string) => {
      const out: string[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await ctx.clients.documents.send(new QueryCommand({ TableName: ctx.tables.entities, KeyConditionExpression: "#i = :i", ExpressionAttributeNames: { "#i": "index" }, ExpressionAttributeValues: { ":i": index }, ExclusiveStartKey }));
        for (const item of page.Items ?? []) out.push(String(item[field] ?? ""));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return out;
    };
    const entities = await rows("user", "email");
    const unique = await rows("email", "_id");
    const dumpStarted = performance.now();
    const data: unknown = await (await fetch(`${emulatorUrl}/moto-api/data.json`)).json();
    mailboxReadMs.push(performance.now() - dumpStarted);
    const emails = parseMotoMailbox(data).flatMap((m) => m.to).filter((to) => to.endsWith(`@${domain}`));
    const tally = (xs: string[]) => {
      const mine = xs.filter((x) => x.endsWith(`@${domain}`));
      return { found: mine.length, distinct: new Set(mine).size };
    };
    return { cognito: tally(cognito), entities: tally(entities), uniquenessRows: tally(unique), emails: tally(emails) };
  }

  const verdict = (c: Awaited<ReturnType<typeof count>>, expected: number) => {
    const parts = Object.values(c);
    return { lost: Math.max(...parts.map((p) => expected - p.distinct)), duplicated: Math.max(...parts.map((p) => p.found - p.distinct)) };
  };

  // Bulk.
  progress(`[latency ${latencyMs} ms] provisioning two fresh environments…`);
  const bulkCtx = await provisioned(`bulk-${latencyMs}`);
  const baseCtx = await provisioned(`base-${latencyMs}`);
  const bulkDomain = `bulk${latencyMs}.bench`;
  const csv = ["email,name", ...Array.from({ length: users }, (_, i) => `user${i}@${bulkDomain},User ${i}`)].join("\n");
  progress(`[latency ${latencyMs} ms] bulk-inviting ${users} users (concurrency ${CONCURRENCY})…`);
  const bulkStarted = performance.now();
  const { head, work } = await startBulk(bulkCtx, csv, "bench", true, { concurrency: CONCURRENCY, sendRate: Number.POSITIVE_INFINITY });
  await work();
  const bulkMs = performance.now() - bulkStarted;
  const run = await readRun(bulkCtx.env.name, head.id);
  const bulkCounts = await count(bulkCtx, bulkDomain);

  // One at a time.
  const baseUsers = Math.max(1, Math.round(users / 10));
  const baseDomain = `base${latencyMs}.bench`;
  progress(`[latency ${latencyMs} ms] inviting ${baseUsers} users one at a time…`);
  const baseStarted = performance.now();
  for (let i = 0; i < baseUsers; i++) await inviteUser(baseCtx, { email: `user${i}@${baseDomain}`, name: `User ${i}`, teams: [] }, "bench");
  const baseMs = performance.now() - baseStarted;
  const baseCounts = await count(baseCtx, baseDomain);

  const bulkRate = users / (bulkMs / 1000);
  const baseRate = baseUsers / (baseMs / 1000);
  const result = {
    latencyMs,
    bulk: { users, ms: Math.round(bulkMs), perSecond: round(bulkRate), invited: run.invited, failed: run.failed, counts: bulkCounts, ...verdict(bulkCounts, users) },
    baseline: { users: baseUsers, ms: Math.round(baseMs), perSecond: round(baseRate), counts: baseCounts, ...verdict(baseCounts, baseUsers) },
    ratio: round(bulkRate / baseRate),
    search: null as null | { users: number; rows: number; searches: number; medianMs: number; p95Ms: number; maxMs: number; firstMs: number; emptyMedianMs: number },
    mailboxReadMs: mailboxReadMs.map(Math.round),
  };

  if (searchUsers > 0) {
    const searchCtx = await provisioned(`search-${latencyMs}`);
    progress(`[latency ${latencyMs} ms] creating ${searchUsers} user entities for search…`);
    // The rows createEntity writes (entity, uniqueness and lookup rows), 25 a request instead of one transaction each.
    const seeded = performance.now();
    const now = new Date().toISOString();
    const rowsOf = (i: number) =>
      createWrites(newEntityItem(searchCtx, { type: "user", name: `Person ${String(i).padStart(5, "0")} ${["Ada", "Alan", "Grace", "Linus", "Barbara"][i % 5]}`, email: `p${i}@search.bench` }, undefined, now)).flatMap((op) =>
        op.kind === "put" ? [op.item] : [],
      );
    const all = Array.from({ length: searchUsers }, (_, i) => rowsOf(i)).flat();
    const batches = Array.from({ length: Math.ceil(all.length / 25) }, (_, b) => all.slice(b * 25, b * 25 + 25));
    await mapBounded(batches, 4, async (batch) => {
      let pending: Record<string, unknown>[] | undefined = batch.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending && pending.length > 0; attempt++) {
        if (attempt > 8) throw new Error("search seeding: unprocessed items after 8 attempts");
        const out = await searchCtx.clients.documents.send(new BatchWriteCommand({ RequestItems: { [searchCtx.tables.entities]: pending as never } }));
        pending = out.UnprocessedItems?.[searchCtx.tables.entities] as Record<string, unknown>[] | undefined;
      }
    });
    progress(`[latency ${latencyMs} ms] ${all.length} rows written in ${Math.round(performance.now() - seeded)} ms; searching…`);
    const times: number[] = [];
    const prefixes = ["person 0", "person 12", "person 999", "p1", "p42@", "person 05", "p9999@", "person 7"];
    for (let i = 0; i < 40; i++) {
      const q = prefixes[i % prefixes.length] ?? "p";
      const started = performance.now();
      await listEntities(searchCtx, { type: "user", q, by: q.startsWith("person") ? "name" : "email", order: "asc", limit: 25 });
      times.push(performance.now() - started);
    }
    // The same Query on a key with no rows (no apps exist): what the emulator spends walking the table, whatever the answer.
    const empty: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      await listEntities(searchCtx, { type: "app", q: "x", by: "name", order: "asc", limit: 25 });
      empty.push(performance.now() - started);
    }
    result.search = {
      users: searchUsers,
      rows: all.length,
      searches: times.length,
      medianMs: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      maxMs: round(Math.max(...times)),
      firstMs: round(times[0] ?? NaN),
      emptyMedianMs: round(percentile(empty, 50)),
    };
  }
  return result;
}

type PhaseResult = Awaited<ReturnType<typeof phase>>;

function report(results: PhaseResult[], deepCopy: boolean): string {
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
  const out: string[] = [
    `Bulk invites: one bulk run of N users against N/10 invites one at a time (the baseline), compared in invites per second.`,
    `Machine: ${os.cpus().length} cores, shared with other work (load average at the end ${load}); the emulator runs mutations one at a time.`,
    "The emulator's SES send rate of 1/s is not applied: sendRate = unlimited.",
    deepCopy
      ? "moto as it is: every TransactWriteItems deep-copies the whole table once per item (quadratic over a run)."
      : "moto's whole-table copy per transaction item is replaced by a copy of the item maps (scripts/bench-invites/sitecustomize.py; --moto-deep-copy to keep moto's).",
    "",
  ];
  for (const r of results) {
    out.push(r.latencyMs ? `With ${r.latencyMs} ms added to every AWS request:` : "Bare emulator:");
    out.push(`  bulk      ${r.bulk.users} users in ${r.bulk.ms} ms = ${r.bulk.perSecond}/s (invited ${r.bulk.invited}, failed ${r.bulk.failed})`);
    out.push(`  baseline  ${r.baseline.users} users one at a time in ${r.baseline.ms} ms = ${r.baseline.perSecond}/s`);
    out.push(`  ratio     ${r.ratio}×`);
    const c = r.bulk.counts;
    out.push(`  counted   Cognito ${c.cognito.distinct}, entities ${c.entities.distinct}, uniqueness rows ${c.uniquenessRows.distinct}, emails ${c.emails.distinct}; lost ${r.bulk.lost}, duplicated ${r.bulk.duplicated}`);
    const b = r.baseline.counts;
    out.push(`  baseline counted   Cognito ${b.cognito.distinct}, entities ${b.entities.distinct}, uniqueness rows ${b.uniquenessRows.distinct}, emails ${b.emails.distinct}; lost ${r.baseline.lost}, duplicated ${r.baseline.duplicated}`);
    out.push(`  mailbox   read of the emulator's state dump: ${r.mailboxReadMs.join(" ms, ")} ms`);
    if (r.search) {
      out.push(`  search    ${r.search.searches} prefix searches over ${r.search.users} users (rows written with BatchWriteItem): median ${r.search.medianMs} ms, p95 ${r.search.p95Ms} ms, max ${r.search.maxMs} ms`);
      out.push(`            first search ${r.search.firstMs} ms: the sandbox emulator sorts a partition's keys on its first Query (the users' lookup rows share one), then keeps them sorted, as DynamoDB always does`);
      out.push(`            the same Query on a key with no rows: median ${r.search.emptyMedianMs} ms (the emulator's cost of a request, whatever the answer)`);
    }
    out.push("");
  }
  const withLatency = results.find((r) => r.latencyMs > 0);
  const bare = results.find((r) => r.latencyMs === 0);
  const goals = [
    withLatency ? [`bulk / one-at-a-time ≥ ${GOAL_RATIO}× with latency`, withLatency.ratio >= GOAL_RATIO, `${withLatency.ratio}×`] : null,
    [`0 lost, 0 duplicated`, results.every((r) => r.bulk.lost === 0 && r.bulk.duplicated === 0 && r.baseline.lost === 0 && r.baseline.duplicated === 0), ""],
    bare?.search ? [`search p95 < ${GOAL_SEARCH_P95_MS} ms over ${bare.search.users} users`, bare.search.p95Ms < GOAL_SEARCH_P95_MS, `${bare.search.p95Ms} ms`] : null,
  ].filter((g): g is [string, boolean, string] => g !== null);
  for (const [goal, met, value] of goals) out.push(`${met ? "MET    " : "NOT MET"}  ${goal}${value ? ` (${value})` : ""}`);
  return out.join("\n");
}

async function runPhase(latencyMs: number, users: number, searchUsers: number, deepCopy: boolean): Promise<PhaseResult> {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), "tt-bench-inv-"));
  let emulator: RunningEmulator | undefined;
  let proxy: FaultProxy | undefined;
  const pythonPath = process.env.PYTHONPATH;
  try {
    // The emulator inherits this process's environment.
    if (!deepCopy) process.env.PYTHONPATH = [MOTO_PATCH_DIR, pythonPath].filter(Boolean).join(path.delimiter);
    emulator = await startEmulator({ port: 0, stateDir, log: () => {} });
    if (pythonPath === undefined) delete process.env.PYTHONPATH;
    else process.env.PYTHONPATH = pythonPath;
    if (latencyMs > 0) proxy = await startFaultProxy(emulator.url, { latencyMs });
    const self = fileURLToPath(import.meta.url);
    // Asynchronously: the latency proxy lives in this process and must go on serving while the phase runs
    // (a spawnSync here froze it, and the latency phase waited for ever: why earlier runs never finished).
    const child = spawn(process.execPath, [...process.execArgv, self, "--phase", `--endpoint=${proxy?.url ?? emulator.url}`, `--emulator=${emulator.url}`, `--latency=${latencyMs}`, `--users=${users}`, `--search-users=${searchUsers}`], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    const timer = setTimeout(() => child.kill("SIGTERM"), PHASE_TIMEOUT_MS);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("close", (c, s) => resolve([c, s])));
    clearTimeout(timer);
    if (code !== 0) throw new Error(`the ${latencyMs} ms phase failed${signal ? ` (${signal})` : ""}`);
    return JSON.parse(stdout) as PhaseResult;
  } finally {
    await proxy?.close();
    await emulator?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const users = arg("users", 1000);
  const searchUsers = arg("search-users", 10_000);
  if (process.argv.includes("--phase")) {
    const value = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? "";
    const result = await phase(value("endpoint"), value("emulator"), arg("latency", 0), users, searchUsers);
    process.stdout.write(JSON.stringify(result));
    return 0;
  }
  const deepCopy = process.argv.includes("--moto-deep-copy");
  progress("bare emulator phase…");
  const bare = await runPhase(0, users, searchUsers, deepCopy);
  progress(`latency phase (${LATENCY_MS} ms)…`);
  const slow = await runPhase(LATENCY_MS, users, 0, deepCopy);
  const results = [bare, slow];
  if (process.argv.includes("--json")) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(`${report(results, deepCopy)}\n`);
  const clean = results.every((r) => r.bulk.lost === 0 && r.bulk.duplicated === 0);
  return clean ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
