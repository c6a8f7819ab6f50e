import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { startFaultProxy } from "../../scripts/support/fault-proxy";
import { withEmulator } from "../support/emulator";

withEmulator();

const run = promisify(execFile);

/** The CLI as a user runs it: a separate process, standard AWS configuration from the environment. */
async function tt(...args: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  try {
    const { stdout } = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/tt.ts", ...args, "--json"], {
      env: process.env,
      timeout: 120_000,
    });
    return { code: 0, json: JSON.parse(stdout) as Record<string, unknown> };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    return { code: e.code ?? 1, json: JSON.parse(e.stdout ?? "{}") as Record<string, unknown> };
  }
}

describe("tt CLI (against the emulator)", () => {
  it("adds an environment, plans, provisions, and re-plans to zero", async () => {
    expect((await tt("env", "add", "cli-env", "--region", "us-east-1", "--ses-sender", "no-reply@cli.example")).code).toBe(0);
    const bad = await tt("env", "add", "Bad_Name");
    expect(bad.code).toBe(2);
    expect(JSON.stringify(bad.json)).toContain("DynamoDB table names");

    const plan = await tt("plan", "cli-env");
    expect(plan.code).toBe(0);
    expect(plan.json.changes).toBe(14);
    expect(plan.json.steps).toMatchObject({ "3": "missing", "4a": "missing" });

    const dry = await tt("provision", "cli-env");
    expect(dry.code).toBe(2);
    expect(dry.json).toMatchObject({ applied: false, changes: 14 });

    const applied = await tt("provision", "cli-env", "--yes");
    expect(applied.code).toBe(0);
    expect(applied.json).toMatchObject({ applied: true, ok: true, changes: 14, failed: [] });

    const again = await tt("plan", "cli-env");
    expect(again.json.changes).toBe(0);
    expect(again.json.steps).toMatchObject({ "3": "done", "4a": "done", "4": "done", "5": "done", "8": "done" });

    const rerun = await tt("provision", "cli-env", "--yes");
    expect(rerun.json).toMatchObject({ ok: true, changes: 0, mutatingCalls: 0 });

    const list = await tt("env", "list");
    expect((list.json.items as { name: string }[]).map((e) => e.name)).toContain("cli-env");
    expect((await tt("env", "remove", "cli-env", "--yes")).code).toBe(0);
  }, 180_000);

  it("Ctrl-C stops an apply between changes (exit 4, the rest left for the next plan), and a second run finishes it", async () => {
    expect((await tt("env", "add", "cli-stop", "--region", "us-east-1", "--ses-sender", "no-reply@stop.example")).code).toBe(0);
    // 150 ms per AWS call, so the apply is still going when the signal comes.
    const proxy = await startFaultProxy(process.env.AWS_ENDPOINT_URL ?? "", { latencyMs: 150 });
    try {
      const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/tt.ts", "provision", "cli-stop", "--yes"], {
        env: { ...process.env, AWS_ENDPOINT_URL: proxy.url },
      });
      let stdout = "";
      let stderr = "";
      let signalled = false;
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        // The first finished change: stop there.
        if (!signalled && /^done /m.test(stderr)) {
          signalled = true;
          child.kill("SIGINT");
        }
      });
      const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
      expect(signalled).toBe(true);
      expect(code).toBe(4);
      expect(stdout).toMatch(/cli-stop: stopped; \d+ of 14 change\(s\) done, \d+ left/);
      expect(stderr).toContain("Not started: the run was stopped");
    } finally {
      await proxy.close();
    }

    const left = await tt("plan", "cli-stop");
    expect(left.json.changes).toBeGreaterThan(0);
    expect(left.json.changes).toBeLessThan(14);
    expect((await tt("provision", "cli-stop", "--yes")).json).toMatchObject({ ok: true, interrupted: false, failed: [] });
    expect((await tt("plan", "cli-stop")).json.changes).toBe(0);
    expect((await tt("env", "remove", "cli-stop", "--yes")).code).toBe(0);
  }, 180_000);
});
