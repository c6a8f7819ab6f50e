import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

/**
 * E2E runs against a real sandbox of its own: global-setup starts an emulator
 * on a free port with a throwaway state dir, builds the console and serves it
 * with `next start`. Playwright's own Chromium is used when installed,
 * otherwise Debian's /usr/bin/chromium.
 */
// Test code talks to the emulator with the AWS SDK too.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

function browserPath(): string | undefined {
  if (process.env.TT_E2E_CHROMIUM) return process.env.TT_E2E_CHROMIUM;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser
  }
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

const executablePath = browserPath();

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // The json report feeds `npm test`'s closing line (scripts/test/run.mjs).
  reporter: [
    ["list"],
    ["json", { outputFile: ".test-counts/playwright-report.json" }],
    ...(process.env.CI ? [["html", { open: "never" }] as const] : []),
  ],
  use: {
    baseURL: process.env.TT_E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "console",
      dependencies: ["setup"],
      testIgnore: /persistence\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], storageState: "e2e/.auth/operator.json" },
    },
    {
      // Restarts the emulator under the running console, so it goes last.
      name: "persistence",
      dependencies: ["console"],
      testMatch: /persistence\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], storageState: "e2e/.auth/operator.json" },
    },
  ],
});
