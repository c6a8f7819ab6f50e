// `npm run test:fuzz`: schemathesis against the console's own OpenAPI document,
// on a sandbox of its own (emulator on a free port, throwaway state dir), signed
// in as the operator. Fails on any 5xx, response that breaks its schema,
// undocumented status code, wrong content type, or an operation that answers
// without the session it requires. Bounded in time and examples per operation.
//
// Reuses the last `next build` when TT_E2E_SKIP_BUILD is set (npm test runs it
// right after e2e, which built). Destructive operations only ever see the
// throwaway environment `fuzzbox`, never `sandbox`.
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CognitoIdentityProviderClient, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { freePort, startEmulator } from "./sandbox/emulator.mjs";
import { repoRoot, sandboxProcessEnv } from "./sandbox/env.mjs";
import { ensureVenv, venvBin } from "./sandbox/venv.mjs";
import { recordCounts, schemathesisCounts } from "./test/counts.mjs";

const MAX_TIME_S = Number(process.env.TT_FUZZ_MAX_TIME ?? 240);
const MAX_EXAMPLES = Number(process.env.TT_FUZZ_MAX_EXAMPLES ?? 40);
const TARGET_ENV = "fuzzbox";
const OPERATOR = { email: "operator@fuzz.tanktower.local", password: "Fuzz-Operator-Pass-1" };
// Signing out would end the fuzzer's own session half-way; the integration tests cover these two.
const SKIPPED_OPERATIONS = ["deleteSession", "deleteAllSessions"];
const CHECKS = [
  "not_a_server_error",
  "status_code_conformance",
  "content_type_conformance",
  "response_schema_conformance",
  "response_headers_conformance",
  "ignored_auth",
  "unsupported_method",
  // Not negative_data_rejection: with every {env} pinned to the throwaway environment, schemathesis
  // believes it sent an invalid env that the pin replaced with a valid one, and flags the 200.
];

/** @param {string} line */
const say = (line) => console.log(`[fuzz] ${line}`);

/**
 * @param {string} url
 * @param {import("node:child_process").ChildProcess} server
 */
async function waitForHealth(url, server) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("The console did not become healthy within 120 s");
}

/**
 * The operator's session cookie, the way the browser gets one.
 * @param {string} baseUrl
 * @param {string} emulatorUrl
 */
async function signIn(baseUrl, emulatorUrl) {
  const cfg = /** @type {{ clientId: string }} */ (await (await fetch(`${baseUrl}/api/auth/config`)).json());
  const cognito = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint: emulatorUrl, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  const out = await cognito.send(new InitiateAuthCommand({
    ClientId: cfg.clientId,
    AuthFlow: "USER_PASSWORD_AUTH",
    AuthParameters: { USERNAME: OPERATOR.email, PASSWORD: OPERATOR.password },
  }));
  const tokens = out.AuthenticationResult;
  if (!tokens?.IdToken) throw new Error("The operator could not sign in to the emulator's pool");
  const res = await fetch(`${baseUrl}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ idToken: tokens.IdToken, refreshToken: tokens.RefreshToken }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("tt_session="));
  if (res.status !== 201 || !cookie) throw new Error(`POST /api/session answered ${res.status}`);
  return cookie.split(";")[0]?.slice("tt_session=".length) ?? "";
}

/**
 * The throwaway environment that destructive operations may break.
 * @param {string} baseUrl
 * @param {string} cookie
 */
async function createTarget(baseUrl, cookie) {
  const res = await fetch(`${baseUrl}/api/environments`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: `tt_session=${cookie}` },
    body: JSON.stringify({ name: TARGET_ENV, region: "us-east-1", credentials: { type: "default" }, sesSender: "no-reply@fuzzbox.example" }),
  });
  if (res.status !== 201) throw new Error(`Creating ${TARGET_ENV} answered ${res.status}: ${await res.text()}`);
}

/** @param {string} dir */
function writeConfig(dir) {
  const file = path.join(dir, "schemathesis.toml");
  writeFileSync(file, [
    "[auth.openapi.session]",
    'api_key = "${TT_FUZZ_SESSION}"',
    "",
    "[parameters]",
    // Every {env} in a path is the throwaway environment (or its absence, once deleted).
    `"path.env" = "${TARGET_ENV}"`,
    "",
    "[[operations]]",
    `include-operation-id = ${JSON.stringify(SKIPPED_OPERATIONS)}`,
    "enabled = false",
    "",
  ].join("\n"));
  return file;
}

async function main() {
  await ensureVenv({ log: say });
  const stateDir = mkdtempSync(path.join(os.tmpdir(), "tt-fuzz-"));
  /** @type {import("node:child_process").ChildProcess | undefined} */
  let server;
  // The emulator's own log (a traceback behind an upstream error) lands beside the report.
  const reportDir = path.join(repoRoot, "test-results", "fuzz");
  mkdirSync(reportDir, { recursive: true });
  const emulatorLog = path.join(reportDir, "emulator.log");
  writeFileSync(emulatorLog, "");
  const emulator = await startEmulator({ port: 0, stateDir, log: (line) => appendFileSync(emulatorLog, `${line}\n`) });
  try {
    const env = {
      ...sandboxProcessEnv({ emulatorUrl: emulator.url, stateDir }),
      TT_SANDBOX_OPERATOR_EMAIL: OPERATOR.email,
      TT_SANDBOX_OPERATOR_PASSWORD: OPERATOR.password,
      NODE_ENV: "production",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    };
    const init = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/tt.ts", "sandbox", "init"], { cwd: repoRoot, env, encoding: "utf8" });
    if (init.status !== 0) throw new Error(`sandbox init failed:\n${init.stdout}\n${init.stderr}`);
    if (!process.env.TT_E2E_SKIP_BUILD) {
      say("next build (set TT_E2E_SKIP_BUILD=1 to reuse the last one)");
      const build = spawnSync(path.join(repoRoot, "node_modules/.bin/next"), ["build"], { cwd: repoRoot, env, stdio: "inherit" });
      if (build.status !== 0) throw new Error("next build failed");
    }
    const port = await freePort();
    server = spawn(path.join(repoRoot, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: repoRoot,
      env: { ...env, TT_DEBUG: "" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(baseUrl, server);
    const cookie = await signIn(baseUrl, emulator.url);
    await createTarget(baseUrl, cookie);
    // Provisioned like a real environment (tables, user pool, bucket), so the data APIs answer from it.
    say(`provisioning ${TARGET_ENV}`);
    const provision = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/tt.ts", "provision", TARGET_ENV, "--yes"], { cwd: repoRoot, env, encoding: "utf8" });
    if (provision.status !== 0) throw new Error(`provisioning ${TARGET_ENV} failed:\n${provision.stdout}\n${provision.stderr}`);
    const configFile = writeConfig(stateDir);
    /** What each schemathesis run printed, for the case counts in its summary. */
    const outputs = [];
    const schemathesis = async (/** @type {string[]} */ filter, /** @type {number} */ seconds) => {
      const child = spawn(path.join(venvBin, "schemathesis"), [
        "--config-file", configFile,
        "run", `${baseUrl}/api/openapi.json`,
        "--url", baseUrl,
        ...filter,
        "--checks", CHECKS.join(","),
        "--phases", "examples,coverage,fuzzing",
        "--max-time", String(seconds),
        "--max-examples", String(MAX_EXAMPLES),
        // One worker: Python 3.11's ast module is not thread-safe under hypothesis' lambda descriptions.
        "--workers", "1",
        "--request-timeout", "30",
        "--seed", process.env.TT_FUZZ_SEED ?? "20261128",
        "--no-color",
        "--report", "ndjson",
        "--report-dir", reportDir,
      ], {
        cwd: stateDir,
        env: { ...process.env, TT_FUZZ_SESSION: cookie },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let printed = "";
      child.stdout.on("data", (chunk) => {
        process.stdout.write(chunk);
        printed += chunk.toString("utf8");
      });
      const status = await new Promise((resolve) => child.once("close", (code) => resolve(code)));
      outputs.push(printed);
      if (status !== 0) throw new Error(`schemathesis found problems (exit ${status}); the report is in test-results/fuzz`);
    };
    // Editing the target may point it at another region, account or endpoint (then every AWS call of
    // every later operation fails, a 502 by design), and deleting it leaves every later operation a 404:
    // those two go last, each on its own.
    say(`schemathesis against ${baseUrl}/api/openapi.json: at most ${MAX_TIME_S} s, ${MAX_EXAMPLES} examples per operation`);
    await schemathesis(["--exclude-operation-id", "deleteEnvironment", "--exclude-operation-id", "updateEnvironment"], MAX_TIME_S);
    say("then PATCH /api/environments/{env}, which may repoint the throwaway environment");
    await schemathesis(["--include-operation-id", "updateEnvironment"], 30);
    say("the destructive one last: DELETE /api/environments/{env} on the throwaway environment");
    await schemathesis(["--include-operation-id", "deleteEnvironment"], 30);
    const counts = schemathesisCounts(outputs);
    recordCounts("fuzz", counts);
    say(`no failures: ${counts.passed} cases passed, ${counts.skipped} skipped`);
  } finally {
    // The server first, and only then the emulator: work the server finishes after its last response
    // (audit writes in `after()`) still has AWS to talk to.
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      // Still running (a job handler call the fuzzer started, waiting out its timeout): it ends here, before the
      // emulator, rather than logging connection errors once the emulator is gone.
      if (server.exitCode === null && server.signalCode === null) {
        server.kill("SIGKILL");
        await exited;
      }
    }
    await emulator.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`[fuzz] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
