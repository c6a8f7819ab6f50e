/**
 * Faults an apply must survive, against a real emulator behind the fault
 * proxy (scripts/support/fault-proxy.ts): throttling on a share of calls, the
 * emulator stopped mid-apply and restarted, and the server draining on
 * SIGTERM (lib/server/shutdown.ts; the process-level signal handling is
 * checked by scripts/standalone/check.mjs).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { homeClients } from "@/lib/aws/clients";
import { resetConfigForTests } from "@/lib/config/env";
import { resetKeysForTests } from "@/lib/crypto/sealed";
import type { EnvironmentRecord } from "@/lib/environments/record";
import { environmentCreateSchema } from "@/lib/environments/schema";
import { createEnvironment } from "@/lib/environments/write";
import { prepareProvision } from "@/lib/provisioning/apply";
import type { ProvisionEvent } from "@/lib/provisioning/model";
import { planEnvironment } from "@/lib/provisioning/service";
import { drainBackgroundWork, resetDrainForTests } from "@/lib/server/shutdown";
import { registryTableName } from "@/lib/registry/table";
import { startEmulator, type RunningEmulator } from "../../scripts/sandbox/emulator.mjs";
import { startFaultProxy, type FaultProxy } from "../../scripts/support/fault-proxy";

let emulator: RunningEmulator;
let proxy: FaultProxy;
let stateDir = "";

beforeAll(async () => {
  stateDir = mkdtempSync(path.join(os.tmpdir(), "tt-faults-"));
  emulator = await startEmulator({ port: 0, stateDir, log: () => {} });
  proxy = await startFaultProxy(emulator.url);
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: proxy.url,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    TT_MODE: "sandbox",
    TT_CONSOLE_TABLE: `tt_faults_${Math.random().toString(36).slice(2, 8)}`,
    TT_CONSOLE_SECRET: "faults-9f8e7d6c5b4a39281706f5e4d3c2b1a0zyxwvu",
  });
  resetConfigForTests();
  resetKeysForTests();
});

afterAll(async () => {
  await proxy?.close();
  await emulator?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

const make = (name: string) =>
  createEnvironment(environmentCreateSchema.parse({ name, region: "us-east-1", credentials: { type: "default" }, sesSender: `no-reply@${name}.example` }), "tester");

async function apply(env: EnvironmentRecord, onEvent: (e: ProvisionEvent) => void = () => {}) {
  const plan = await planEnvironment(env);
  const prepared = await prepareProvision(env, plan.fingerprint, "tester");
  const events: ProvisionEvent[] = [];
  const result = await prepared.run((e) => {
    events.push(e);
    onEvent(e);
  });
  return { plan, result, events };
}

const doneIds = (events: ProvisionEvent[]) => events.flatMap((e) => (e.type === "change" && e.status === "done" ? [e.id] : []));

async function lockItem(env: string) {
  const out = await homeClients().documents.send(new GetCommand({ TableName: registryTableName(), Key: { pk: "LOCK", sk: env }, ConsistentRead: true }));
  return out.Item;
}

async function until(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not happen within ${ms} ms`);
}

describe("faults survived (against the emulator, through the fault proxy)", () => {
  it("finishes an apply with a tenth of all AWS calls throttled, and reports the retries", async () => {
    const env = await make("fault-throttle");
    const before = proxy.stats().throttled;
    proxy.setThrottleShare(0.1);
    let outcome;
    try {
      outcome = await apply(env);
    } finally {
      proxy.setThrottleShare(0);
    }
    const throttled = proxy.stats().throttled - before;
    expect(throttled).toBeGreaterThan(3);
    expect(outcome.result).toMatchObject({ ok: true, failed: [] });
    expect(outcome.result.retries).toBeGreaterThan(0);
    expect(outcome.events.at(-1)).toMatchObject({ type: "done", ok: true, retries: outcome.result.retries });
    expect((await planEnvironment(env)).changes).toEqual([]);
  }, 180_000);

  it("emulator stopped mid-apply, then restarted: the next plan holds exactly what is left and the lock frees itself", async () => {
    const env = await make("fault-kill");
    let killed: Promise<void> | undefined;
    // A round trip of latency gives the stop time to land while changes are in flight.
    proxy.setLatency(30);
    const first = await apply(env, (e) => {
      if (!killed && e.type === "change" && e.status === "done") {
        // Requests from now on wait in the proxy until the emulator has surely stopped (it finishes
        // what it is serving first), so the rest of the run meets a dead endpoint even on a slow machine.
        proxy.setLatency(8_000);
        killed = emulator.stop().then(() => proxy.setLatency(0));
      }
    }).finally(() => proxy.setLatency(0));
    await killed;
    expect(first.result.ok).toBe(false);
    const done = doneIds(first.events);
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(first.plan.changes.length);

    emulator = await startEmulator({ port: emulator.port, stateDir, log: () => {} });
    // The run's release could not reach DynamoDB; it keeps trying and succeeds once the endpoint is back.
    await until("the lock release", async () => (await lockItem("fault-kill")) === undefined, 15_000);

    const next = await planEnvironment(env);
    const left = next.changes.map((c) => c.id);
    expect(left.length).toBeGreaterThan(0);
    for (const id of done) expect(left, `${id} was done before the stop`).not.toContain(id);
    for (const id of left) expect(first.plan.changes.map((c) => c.id)).toContain(id);

    const second = await apply(env);
    expect(second.result).toMatchObject({ ok: true, failed: [] });
    expect((await planEnvironment(env)).changes).toEqual([]);
    // Nothing was made twice.
    const pools = (await homeClients().cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? [];
    expect(pools.filter((p) => p.Name === "fault-kill")).toHaveLength(1);
  }, 180_000);

  it("drains on shutdown: no new apply, the running one stops after its steps in flight, and the next plan resumes", async () => {
    const env = await make("fault-drain");
    proxy.setLatency(40);
    let drained: ReturnType<typeof drainBackgroundWork> | undefined;
    try {
      const first = await apply(env, (e) => {
        if (!drained && e.type === "change" && e.status === "done") drained = drainBackgroundWork(20_000);
      });
      const drain = await drained;
      expect(drain).toMatchObject({ runs: 1, finished: 1, abandoned: [] });
      expect(first.result).toMatchObject({ ok: false, interrupted: true });
      expect(first.events.at(-1)).toMatchObject({ type: "done", ok: false, interrupted: true });
      const notStarted = first.events.filter((e) => e.type === "change" && e.status === "skipped");
      expect(notStarted.length).toBeGreaterThan(0);
      expect(notStarted.every((e) => e.type === "change" && /shutting down/.test(e.message ?? ""))).toBe(true);
      // Nothing failed: what was in flight finished.
      expect(first.events.some((e) => e.type === "change" && e.status === "failed")).toBe(false);
      expect(await lockItem("fault-drain")).toBeUndefined();

      // While draining, a new apply is refused before it takes the lock.
      const plan = await planEnvironment(env);
      await expect(prepareProvision(env, plan.fingerprint, "tester")).rejects.toMatchObject({ status: 503 });
      expect(await lockItem("fault-drain")).toBeUndefined();

      // The next server (here: the same process, started again) plans exactly what was not done.
      resetDrainForTests();
      const done = doneIds(first.events);
      const left = (await planEnvironment(env)).changes.map((c) => c.id).sort();
      expect(left).toEqual(first.plan.changes.map((c) => c.id).filter((id) => !done.includes(id)).sort());
      expect((await apply(env)).result).toMatchObject({ ok: true });
    } finally {
      resetDrainForTests();
      proxy.setLatency(0);
    }
  }, 120_000);
});
