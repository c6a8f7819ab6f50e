/**
 * `npm run bench:invites [-- --users=1000 --search-users=10000 --json]`: bulk
 * invites against a throwaway emulator, twice: on the bare emulator and
 * behind a proxy that holds every AWS request 50 ms (the provisioning bench's
 * stand-in for the round trip to AWS). Each phase runs in its own process
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
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator, type RunningEmulator } from "./sandbox/emulator.mjs";

const LATENCY_MS = 50;
const CONCURRENCY = 16;
const GOAL_RATIO = 3;
const GOAL_SEARCH_P95_MS = 200;

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

async function delayingProxy(target: string, ms: number): Promise<{ url: string; close: () => Promise<void> }> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    setTimeout(() => {
      const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on("error", () => res.destroy());
      req.pipe(forward);
    }, ms);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      agent.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

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
  const { createEntity, listEntities } = await import("@/lib/entities/store");
  const { startBulk } = await import("@/lib/invites/bulk");
  const { readRun } = await import("@/lib/invites/bulk-store");
  const { inviteUser, mapBounded } = await import("@/lib/invites/service");
  const { ListUsersCommand } = await import("@aws-sdk/client-cognito-identity-provider");
  const { QueryCommand } = await import("@aws-sdk/lib-dynamodb");
  const { parseMotoMailbox } = await import("@/lib/mailbox/parse");

  const provisioned = async (name: string) => {
    const env = await createEnvironment(environmentCreateSchema.parse({ name, region: "us-east-1", credentials: { type: "default" }, sesSender: `no-reply@${name}.example` }), "bench");
    const plan = await planEnvironment(env);
    const result = await (await prepareProvision(env, plan.fingerprint, "bench")).run(() => {});
    if (!result.ok) throw new Error(`provisioning ${name} failed`);
    return contextFor(env);
  };
  type Ctx = Awaited<ReturnType<typeof provisioned>>;

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
    const data: unknown = await (await fetch(`${emulatorUrl}/moto-api/data.json`)).json();
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
    search: null as null | { users: number; searches: number; medianMs: number; p95Ms: number; maxMs: number },
  };

  if (searchUsers > 0) {
    const searchCtx = await provisioned(`search-${latencyMs}`);
    progress(`[latency ${latencyMs} ms] creating ${searchUsers} user entities for search…`);
    // The emulator is one Python process: more than a few writers at once only queue (and time out) there.
    await mapBounded(Array.from({ length: searchUsers }, (_, i) => i), 8, async (i) => {
      await createEntity(searchCtx, { type: "user", name: `Person ${String(i).padStart(5, "0")} ${["Ada", "Alan", "Grace", "Linus", "Barbara"][i % 5]}`, email: `p${i}@search.bench` });
    });
    const times: number[] = [];
    const prefixes = ["person 0", "person 12", "person 999", "p1", "p42@", "person 05", "p9999@", "person 7"];
    for (let i = 0; i < 40; i++) {
      const q = prefixes[i % prefixes.length] ?? "p";
      const started = performance.now();
      await listEntities(searchCtx, { type: "user", q, by: q.startsWith("person") ? "name" : "email", order: "asc", limit: 25 });
      times.push(performance.now() - started);
    }
    result.search = { users: searchUsers, searches: times.length, medianMs: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), maxMs: round(Math.max(...times)) };
  }
  return result;
}

type PhaseResult = Awaited<ReturnType<typeof phase>>;

function report(results: PhaseResult[]): string {
  const out: string[] = ["Bulk invites (the emulator's SES send rate of 1/s is not applied: sendRate = unlimited)", ""];
  for (const r of results) {
    out.push(r.latencyMs ? `With ${r.latencyMs} ms added to every AWS request:` : "Bare emulator:");
    out.push(`  bulk      ${r.bulk.users} users in ${r.bulk.ms} ms = ${r.bulk.perSecond}/s (invited ${r.bulk.invited}, failed ${r.bulk.failed})`);
    out.push(`  baseline  ${r.baseline.users} users one at a time in ${r.baseline.ms} ms = ${r.baseline.perSecond}/s`);
    out.push(`  ratio     ${r.ratio}×`);
    const c = r.bulk.counts;
    out.push(`  counted   Cognito ${c.cognito.distinct}, entities ${c.entities.distinct}, uniqueness rows ${c.uniquenessRows.distinct}, emails ${c.emails.distinct}; lost ${r.bulk.lost}, duplicated ${r.bulk.duplicated}`);
    if (r.search) out.push(`  search    over ${r.search.users} users: median ${r.search.medianMs} ms, p95 ${r.search.p95Ms} ms, max ${r.search.maxMs} ms`);
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

async function runPhase(latencyMs: number, users: number, searchUsers: number): Promise<PhaseResult> {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), "tt-bench-inv-"));
  let emulator: RunningEmulator | undefined;
  let proxy: Awaited<ReturnType<typeof delayingProxy>> | undefined;
  try {
    emulator = await startEmulator({ port: 0, stateDir, log: () => {} });
    if (latencyMs > 0) proxy = await delayingProxy(emulator.url, latencyMs);
    const self = fileURLToPath(import.meta.url);
    const child = spawnSync(process.execPath, [...process.execArgv, self, "--phase", `--endpoint=${proxy?.url ?? emulator.url}`, `--emulator=${emulator.url}`, `--latency=${latencyMs}`, `--users=${users}`, `--search-users=${searchUsers}`], {
      stdio: ["ignore", "pipe", "inherit"],
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`the ${latencyMs} ms phase failed`);
    return JSON.parse(child.stdout) as PhaseResult;
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
  progress("bare emulator phase…");
  const bare = await runPhase(0, users, searchUsers);
  progress(`latency phase (${LATENCY_MS} ms)…`);
  const slow = await runPhase(LATENCY_MS, users, 0);
  const results = [bare, slow];
  if (process.argv.includes("--json")) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(`${report(results)}\n`);
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
