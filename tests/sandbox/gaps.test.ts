// Sign-out calls Cognito RevokeToken, which moto lacks: the sandbox answers it
// the way AWS does (200, {}), so the SDK parses the answer and the emulator
// writes no traceback to the dev output.
import { CognitoIdentityProviderClient, ListUserPoolsCommand, RevokeTokenCommand } from "@aws-sdk/client-cognito-identity-provider";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmulator } from "../../scripts/sandbox/emulator.mjs";

const lines: string[] = [];
let stop: (() => Promise<void>) | undefined;
let url = "";
let dir = "";

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "tt-gaps-"));
  const emulator = await startEmulator({ port: 0, stateDir: dir, log: (line) => lines.push(line) });
  stop = emulator.stop;
  url = emulator.url;
});

afterAll(async () => {
  await stop?.();
  rmSync(dir, { recursive: true, force: true });
});

it("answers RevokeToken quietly, and other Cognito calls still reach moto", async () => {
  const cognito = new CognitoIdentityProviderClient({ endpoint: url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  await expect(cognito.send(new RevokeTokenCommand({ ClientId: "client", Token: "refresh-token" }))).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
  await expect(cognito.send(new ListUserPoolsCommand({ MaxResults: 10 }))).resolves.toMatchObject({ UserPools: [] });
  // Give the emulator's stderr a moment to arrive, then check nothing was printed.
  await new Promise((r) => setTimeout(r, 300));
  expect(lines.join("\n")).not.toMatch(/Traceback|NotImplemented/);
});
