import { execFile, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ListUsersCommand } from "@aws-sdk/client-cognito-identity-provider";
import { homeClients } from "@/lib/aws/clients";
import { readMailbox } from "@/lib/mailbox/read";
import { readProvisioningRecord } from "@/lib/provisioning/record";
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

  it("Ctrl-C stops a CSV run between users, recorded interrupted (exit 4); --resume invites the rest, nobody twice", async () => {
    const { userPoolId } = await readProvisioningRecord("cli-inv");
    const users = async (email?: string) => (await homeClients().cognito.send(new ListUsersCommand({ UserPoolId: userPoolId, ...(email ? { Filter: `email = "${email}"` } : {}) }))).Users?.length ?? 0;
    const before = await users();
    const emails = Array.from({ length: 6 }, (_, i) => `ctrlc${i + 1}@example.com`);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "tt-csv-")), "ctrlc.csv");
    writeFileSync(file, ["email", ...emails].join("\n"));
    // The emulator's SES allows one email a second: the run takes about six seconds; it is stopped after its first user.
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/tt.ts", "invite", "cli-inv", "--csv", file, "--json"], { env: process.env });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    for (let i = 0; i < 600 && (await users()) === before; i++) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGINT");
    expect(await exited).toBe(4);
    const stopped = JSON.parse(stdout) as { id: string; status: string; processed: number; left: number };
    expect(stopped).toMatchObject({ status: "interrupted", stale: false });
    expect(stopped.processed).toBeGreaterThanOrEqual(1);
    expect(stopped.left).toBe(6 - stopped.processed);

    const resumed = await tt("invite", "cli-inv", "--resume", stopped.id);
    expect(resumed.code).toBe(0);
    expect(resumed.json).toMatchObject({ status: "done", processed: 6, invited: 6, left: 0 });
    expect((await users()) - before).toBe(6);
    for (const email of emails) {
      expect(await users(email)).toBe(1);
      expect(await readMailbox(email)).toHaveLength(1);
    }
  });
});
