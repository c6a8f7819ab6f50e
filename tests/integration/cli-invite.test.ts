import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { withEmulator } from "../support/emulator";

withEmulator();

const run = promisify(execFile);

async function tt(...args: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  try {
    const { stdout } = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/tt.ts", ...args, "--json"], { env: process.env, timeout: 180_000 });
    return { code: 0, json: JSON.parse(stdout) as Record<string, unknown> };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    return { code: e.code ?? 1, json: JSON.parse(e.stdout ?? "{}") as Record<string, unknown> };
  }
}

describe("tt invite (against the emulator)", { timeout: 180_000 }, () => {
  it("invites one user, refuses a duplicate naming the field, and runs a CSV reporting each row", async () => {
    expect((await tt("env", "add", "cli-inv", "--region", "us-east-1", "--ses-sender", "no-reply@cli-inv.example")).code).toBe(0);
    expect((await tt("provision", "cli-inv", "--yes")).code).toBe(0);

    const one = await tt("invite", "cli-inv", "one@example.com", "--name", "One");
    expect(one.code).toBe(0);
    expect(one.json).toMatchObject({ email: "one@example.com", status: "pending" });
    const dup = await tt("invite", "cli-inv", "ONE@example.com");
    expect(dup.code).toBe(2);
    expect(dup.json).toMatchObject({ error: { fieldErrors: { email: expect.any(Array) } } });
    expect((await tt("invite", "cli-inv", "two@example.com", "--team", "nope")).json).toMatchObject({ error: { fieldErrors: { team: expect.any(Array) } } });

    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "tt-csv-")), "users.csv");
    writeFileSync(file, "email,name\nthree@example.com,Three\nbad,Bad\none@example.com,Again\n");
    const bulk = await tt("invite", "cli-inv", "--csv", file);
    expect(bulk.code).toBe(3);
    expect(bulk.json).toMatchObject({ status: "done", invited: 1, failed: 0 });
    expect((bulk.json.problems as unknown[]).length).toBe(2);
    // A finished run has nothing to resume.
    const resumed = await tt("invite", "cli-inv", "--resume", String(bulk.json.id));
    expect(resumed.code).not.toBe(0);
    expect(resumed.json).toMatchObject({ error: { message: "This run has finished; there is nothing left to resume." } });
  });
});
