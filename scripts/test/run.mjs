#!/usr/bin/env node
// `npm test`: every check a developer and CI run, in order, stopping at the first that fails;
// at the end one closing line adds up what each runner counted ("tests: N passed, N failed, N skipped").
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { countsDir, playwrightCounts, readCounts, vitestCounts } from "./counts.mjs";

const STEPS = [
  { script: "check:licences" },
  { script: "lint" },
  { script: "typecheck" },
  { script: "test:unit", counts: () => vitestCounts(path.join(countsDir, "vitest-report.json")) },
  { script: "test:e2e", counts: () => playwrightCounts(path.join(countsDir, "playwright-report.json")) },
  // Right after e2e, on e2e's build.
  { script: "test:fuzz", env: { TT_E2E_SKIP_BUILD: "1" }, counts: () => readCounts("fuzz") },
  { script: "test:replicas", counts: () => readCounts("replicas") },
  { script: "test:standalone", counts: () => readCounts("standalone") },
];

rmSync(countsDir, { recursive: true, force: true });
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const lines = [];
const total = { passed: 0, failed: 0, skipped: 0 };
for (const step of STEPS) {
  const run = spawnSync(npm, ["run", step.script], { stdio: "inherit", env: { ...process.env, ...step.env } });
  if (run.status !== 0) {
    process.stderr.write(`\nnpm test: ${step.script} failed (exit ${run.status ?? run.signal})\n`);
    process.exit(run.status || 1);
  }
  if (!step.counts) continue;
  const counts = step.counts();
  if (!counts) {
    process.stderr.write(`\nnpm test: ${step.script} passed but left no counts\n`);
    process.exit(1);
  }
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  lines.push(`  ${step.script.padEnd(16)} ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${counts.note ? ` (${counts.note})` : ""}`);
}
process.stdout.write(`\nnpm test: every step passed\n${lines.join("\n")}\n`);
if (total.passed === 0) {
  process.stderr.write("npm test: no test ran\n");
  process.exit(1);
}
process.stdout.write(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exit(total.failed === 0 ? 0 : 1);
