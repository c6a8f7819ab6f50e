import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobType } from "@/lib/jobs/job-types";
import { getRun } from "@/lib/jobs/runs-read";
import { jobTypeInputSchema } from "@/lib/jobs/schema";
import { jobStore } from "@/lib/jobs/store";
import { withEmulator } from "../support/emulator";
import { jobsEnvironment } from "../support/jobs-env";
import { startSampleApp } from "../../scripts/sample-app/server.mjs";

withEmulator();

const exec = promisify(execFile);

async function tt(...args: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  try {
    const { stdout } = await exec(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/tt.ts", ...args, "--json"], { env: process.env, timeout: 120_000 });
    return { code: 0, json: JSON.parse(stdout) as Record<string, unknown> };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    return { code: e.code ?? 1, json: JSON.parse(e.stdout ?? "{}") as Record<string, unknown> };
  }
}

let app: { url: string; stop: () => Promise<void> };
beforeAll(async () => {
  app = await startSampleApp();
  await jobsEnvironment("clijobs", { appApiUrl: app.url });
  const store = await jobStore("clijobs");
  await createJobType(store, jobTypeInputSchema.parse({ name: "echo", status: "available", handler: "/jobs/echo", type: "control" }), "a@x.io");
  await createJobType(store, jobTypeInputSchema.parse({ name: "fail", status: "available", handler: "/jobs/fail", type: "control" }), "a@x.io");
  await createJobType(store, jobTypeInputSchema.parse({ name: "slow", status: "available", handler: "/jobs/slow", type: "control" }), "a@x.io");
});
afterAll(async () => app?.stop());

describe("tt run / tt runs (against the emulator and the sample app)", () => {
  it("runs a job by name with parameters, waits, and exits non-zero when it failed", async () => {
    const ok = await tt("run", "clijobs", "echo", "--params", '{"n": 3}', "--wait");
    expect(ok.code).toBe(0);
    expect(ok.json).toMatchObject({ status: "executed", trigger: "manual", params: { n: 3 } });
    const failed = await tt("run", "clijobs", "fail", "--wait");
    expect(failed.code).toBe(1);
    expect(failed.json).toMatchObject({ status: "failed", reason: expect.stringMatching(/HTTP 500/) });
    const bad = await tt("run", "clijobs", "echo", "--params", "[1]");
    expect(bad.code).toBe(2);

    const listed = await tt("runs", "clijobs", "--status", "failed");
    expect((listed.json.items as Array<{ status: string }>).map((r) => r.status)).toEqual(["failed"]);
    // Four CLI processes, each starting tsx: slow on a loaded 2-core machine.
  }, 240_000);

  it("without --wait answers with the queued run and its page, and a process of its own records the end", async () => {
    // The handler sleeps 5 s: a command that waited would answer "executed".
    const queued = await tt("run", "clijobs", "slow", "--params", '{"seconds": 5}');
    expect(queued.code).toBe(0);
    const id = String(queued.json.id);
    expect(queued.json).toMatchObject({ status: "new", jobName: "slow", trigger: "manual", timeExecuted: null });
    expect(String(queued.json.page)).toMatch(new RegExp(`/environments/clijobs/jobs\\?run=${id}$`));

    const store = await jobStore("clijobs");
    let run = await getRun(store, id);
    for (let i = 0; i < 120 && run.status === "new"; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      run = await getRun(store, id);
    }
    expect(run).toMatchObject({ status: "executed", output: expect.stringContaining("sleptSeconds") });

    // As text: the run, "queued", and the address of its page.
    const { stdout } = await exec(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/tt.ts", "run", "clijobs", "echo"], { env: process.env, timeout: 120_000 });
    expect(stdout).toMatch(/^Run [0-9a-f-]{36} of echo: queued\nhttps?:\/\/[^/]+\/environments\/clijobs\/jobs\?run=[0-9a-f-]{36}\n$/);
    // Its detached process ends before the emulator and the sample app stop.
    const echoId = /^Run ([0-9a-f-]{36})/.exec(stdout)?.[1] ?? "";
    for (let i = 0; i < 120 && (await getRun(store, echoId)).status === "new"; i++) await new Promise((r) => setTimeout(r, 1000));
    expect((await getRun(store, echoId)).status).toBe("executed");
  }, 240_000);
});
