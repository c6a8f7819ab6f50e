import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { resetConfigForTests } from "@/lib/config/env";
import { resetKeysForTests } from "@/lib/crypto/sealed";
import { startEmulator } from "../../scripts/sandbox/emulator.mjs";

/**
 * Integration tests run the real services against a throwaway emulator (its
 * own port and state dir), configured the way the console is: standard SDK
 * environment variables only.
 */
export function withEmulator(table = `tt_test_${Math.random().toString(36).slice(2, 8)}`) {
  let stop: (() => Promise<void>) | undefined;
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "tt-int-"));
    const emulator = await startEmulator({ port: 0, stateDir: dir, log: () => {} });
    stop = emulator.stop;
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: emulator.url,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      TT_MODE: "sandbox",
      TT_CONSOLE_TABLE: table,
      TT_CONSOLE_SECRET: "integration-secret-integration-secret-01",
    });
    resetConfigForTests();
    resetKeysForTests();
  });
  afterAll(async () => {
    await stop?.();
    rmSync(dir, { recursive: true, force: true });
  });
}
