#!/usr/bin/env node
/**
 * `npm run test:replicas`: two console servers (`next start`) on one registry
 * and one emulator, checked over HTTP the way browsers use them:
 *
 * 1. a session from A is valid on B;
 * 2. a stale edit: A saves version n, B's save of version n is a 409;
 * 3. two applies of one environment, one sent to each: one runs, the other is refused (423 or 409);
 * 4. audit records of mutations made on A and on B appear in one log, read from either;
 * 5. SIGTERM to A during an apply: A stops within its grace period, the run ends
 *    "interrupted" with its lock released, and B's next plan holds exactly what
 *    A did not do, which B then applies;
 * 6. sign-out on A ends the session on B (server-side session records);
 * 7. SIGTERM to A during a bulk invite run: A exits 0, the run is recorded
 *    "interrupted" (not just stale) with its progress, B resumes it, and each
 *    address ends with one invite and one email.
 *
 * Uses the last `next build` (npm test runs it after the e2e build), or builds.
 */
import { api, ensureBuild, signIn, startReplicaSet, startServer } from "./support/replicas.mjs";
import { recordCounts } from "./test/counts.mjs";

let checksPassed = 0;
/** Prints a line; a numbered one ("3. …") reports a check that passed. */
const say = (line) => {
  if (/^\d+\. /.test(line)) checksPassed += 1;
  process.stdout.write(`${line}\n`);
};

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Reads an NDJSON apply stream; `onEvent` may return true to stop reading early. */
async function readEvents(res, onEvent = () => false) {
  const events = [];
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let nl;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (!line) continue;
      const event = JSON.parse(line);
      events.push(event);
      if (onEvent(event)) {
        // keep draining in the background: the caller wants to act now
      }
    }
  }
  return events;
}

async function createEnv(server, cookie, name) {
  const res = await api(server.url, "/api/environments", {
    method: "POST",
    cookie,
    body: { name, region: "us-east-1", credentials: { type: "default" }, sesSender: `no-reply@${name}.example` },
  });
  check(res.status === 201, `creating ${name} on ${server.url} answered ${res.status}`);
  return { requestId: res.headers.get("x-request-id"), body: await res.json() };
}

async function plan(server, cookie, env) {
  const res = await api(server.url, `/api/environments/${env}/plan`, { method: "POST", cookie, body: {} });
  check(res.status === 200, `plan of ${env} on ${server.url} answered ${res.status}`);
  return res.json();
}

async function main() {
  ensureBuild(process.argv.includes("--build"));
  const set = await startReplicaSet({ count: 2, serverEnv: { TT_SHUTDOWN_GRACE_SECONDS: "20" } });
  const [a, b] = set.servers;
  try {
    const cookie = await signIn(a.url, set.emulator.url, set.operator);

    // 1. One session, both servers.
    const onB = await api(b.url, "/api/session", { cookie });
    check(onB.status === 200, `B does not accept A's session (${onB.status})`);
    say("1. a session from A is valid on B");

    // 2. Stale edit across replicas.
    const created = await createEnv(a, cookie, "rep-edit");
    const version = created.body.version;
    const saveA = await api(a.url, "/api/environments/rep-edit", { method: "PATCH", cookie, body: { version, description: "saved on A" } });
    check(saveA.status === 200, `A's save answered ${saveA.status}`);
    const saveB = await api(b.url, "/api/environments/rep-edit", { method: "PATCH", cookie, body: { version, description: "stale save on B" } });
    check(saveB.status === 409, `B's stale save answered ${saveB.status}, not 409`);
    const current = await (await api(b.url, "/api/environments/rep-edit", { cookie })).json();
    check(current.description === "saved on A", "B's stale save overwrote A's");
    say("2. a stale edit on B after a save on A: 409, nothing overwritten");

    // 3. Two applies at once, one per replica.
    await createEnv(b, cookie, "rep-apply");
    const { fingerprint } = await plan(a, cookie, "rep-apply");
    const send = (s) => api(s.url, "/api/environments/rep-apply/provision", { method: "POST", cookie, body: { fingerprint } });
    const [ra, rb] = await Promise.all([send(a), send(b)]);
    const ran = [ra, rb].filter((r) => r.status === 200);
    const refused = [ra, rb].filter((r) => r.status === 423 || r.status === 409);
    check(ran.length === 1 && refused.length === 1, `two applies answered ${ra.status} and ${rb.status}: expected one 200 and one 423/409`);
    const events = await readEvents(ran[0]);
    check(events.at(-1)?.type === "done" && events.at(-1)?.ok === true, `the apply that ran did not finish ok: ${JSON.stringify(events.at(-1))}`);
    say(`3. two applies of one environment from A and B: one ran, the other answered ${refused[0].status}`);

    // 4. One audit log.
    const wanted = [created.requestId, saveA.headers.get("x-request-id"), saveB.headers.get("x-request-id"), ra.headers.get("x-request-id"), rb.headers.get("x-request-id")];
    const seen = new Set();
    let cursor = null;
    for (let page = 0; page < 20; page++) {
      const res = await api(b.url, `/api/audit?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { cookie });
      check(res.status === 200, `audit list answered ${res.status}`);
      const body = await res.json();
      for (const item of body.items) if (item.requestId) seen.add(item.requestId);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    const missing = wanted.filter((id) => id && !seen.has(id));
    check(wanted.every(Boolean) && missing.length === 0, `audit records missing for request ids ${missing.join(", ")}`);
    say("4. audit records of mutations on A and on B appear in one log");

    // 5. SIGTERM to A during an apply.
    await createEnv(a, cookie, "rep-sigterm");
    const p1 = await plan(a, cookie, "rep-sigterm");
    const stream = await api(a.url, "/api/environments/rep-sigterm/provision", { method: "POST", cookie, body: { fingerprint: p1.fingerprint } });
    check(stream.status === 200, `apply on A answered ${stream.status}`);
    let signalled = 0;
    const drained = await readEvents(stream, (e) => {
      if (!signalled && e.type === "change" && e.status === "done") {
        signalled = Date.now();
        a.child.kill("SIGTERM");
      }
      return false;
    });
    const exit = await a.exited;
    const stopMs = Date.now() - signalled;
    check(signalled > 0, "no step finished before the stream ended");
    check(exit.code === 0, `A exited with ${exit.code} on SIGTERM:\n${a.output()}`);
    check(stopMs < 20_000 + 5_000, `A took ${stopMs} ms to stop`);
    const last = drained.at(-1);
    const doneIds = drained.filter((e) => e.type === "change" && e.status === "done").map((e) => e.id);
    check(last?.type === "done", `A's stream ended without a final event: ${JSON.stringify(last)}\n${a.output().slice(-3000)}`);
    const p2 = await plan(b, cookie, "rep-sigterm");
    const left = p2.changes.map((c) => c.id).sort();
    const expected = p1.changes.map((c) => c.id).filter((id) => !doneIds.includes(id)).sort();
    check(JSON.stringify(left) === JSON.stringify(expected), `B's plan after A stopped: ${left.join(", ")}; expected ${expected.join(", ")}`);
    if (left.length) {
      const resumed = await api(b.url, "/api/environments/rep-sigterm/provision", { method: "POST", cookie, body: { fingerprint: p2.fingerprint } });
      check(resumed.status === 200, `B's apply answered ${resumed.status} (the lock was not released?)`);
      const ev = await readEvents(resumed);
      check(ev.at(-1)?.ok === true, `B's apply did not finish ok: ${JSON.stringify(ev.at(-1))}`);
    }
    say(`5. SIGTERM to A mid-apply: exit 0 after ${stopMs} ms${last.interrupted ? ", run interrupted" : ", run finished"}; B planned exactly the ${left.length} change(s) left and applied them`);

    // A second A, as an orchestrator would start, for the sign-out check.
    const a2 = await startServer(set.env);
    set.servers.push(a2);

    // 6. Sign-out on one ends the session on the other.
    const out = await api(a2.url, "/api/session", { method: "DELETE", cookie });
    check(out.status === 200 || out.status === 204, `sign-out answered ${out.status}`);
    const after = await api(b.url, "/api/session", { cookie });
    check(after.status === 401, `B still accepts the signed-out session (${after.status})`);
    say("6. sign-out on A ends the session on B");

    // 7. SIGTERM to A during a bulk invite run (the emulator's SES pace, one user a second, keeps it going).
    const a3 = await startServer(set.env);
    set.servers.push(a3);
    const cookie3 = await signIn(a3.url, set.emulator.url, set.operator);
    const emails = Array.from({ length: 6 }, (_, i) => `rep-bulk${i + 1}@example.com`);
    const started = await api(a3.url, "/api/environments/rep-apply/invites/bulk", { method: "POST", cookie: cookie3, body: { csv: ["email", ...emails].join("\n"), acceptQuota: true } });
    check(started.status === 202, `bulk invite on A answered ${started.status}`);
    const runId = (await started.json()).run.id;
    const runPath = `/api/environments/rep-apply/invites/bulk/${runId}`;
    const readRun = async () => (await api(b.url, runPath, { cookie: cookie3 })).json();
    for (let i = 0; i < 100 && (await readRun()).processed < 1; i++) await new Promise((r) => setTimeout(r, 100));
    a3.child.kill("SIGTERM");
    const a3exit = await a3.exited;
    check(a3exit.code === 0, `A exited with ${a3exit.code} on SIGTERM during a bulk run:\n${a3.output()}`);
    const stopped = await readRun();
    check(stopped.status === "interrupted" && stopped.stale === false, `after SIGTERM the bulk run reads ${stopped.status} (stale ${stopped.stale}), not recorded interrupted`);
    check(stopped.processed >= 1 && stopped.left === emails.length - stopped.processed, `the interrupted run shows ${stopped.processed} processed and ${stopped.left} left of ${emails.length}`);
    const resumed = await api(b.url, `${runPath}/resume`, { method: "POST", cookie: cookie3 });
    check(resumed.status === 202, `resume on B answered ${resumed.status}`);
    let finished = await readRun();
    for (let i = 0; i < 300 && finished.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      finished = await readRun();
    }
    check(finished.status === "done" && finished.invited === emails.length, `the resumed run ended ${finished.status} with ${finished.invited} invited`);
    for (const to of emails) {
      const mail = await (await api(b.url, `/api/mailbox?to=${encodeURIComponent(to)}`, { cookie: cookie3 })).json();
      check(mail.items.length === 1, `${to} received ${mail.items.length} invitation emails`);
    }
    say(`7. SIGTERM to A mid bulk run: exit 0, recorded interrupted after ${stopped.processed} of ${emails.length}; B resumed it, one email per address`);
  } finally {
    await set.stop();
  }
}

main().then(
  () => {
    recordCounts("replicas", { passed: checksPassed, failed: 0, skipped: 0, note: "numbered checks" });
    say("replicas check: ok");
  },
  (err) => {
    process.stderr.write(`replicas check failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
