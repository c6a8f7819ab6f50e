import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Route handlers and services are marked server-only; tests run them in plain Node.
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
    testTimeout: 30_000,
    // The json report feeds `npm test`'s closing line (scripts/test/run.mjs).
    reporters: ["default", "json"],
    outputFile: { json: ".test-counts/vitest-report.json" },
    hookTimeout: 240_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
