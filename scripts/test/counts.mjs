// Each of `npm test`'s runners leaves how many checks it ran in .test-counts/<runner>.json;
// scripts/test/run.mjs clears them first and adds them up at the end into one closing line.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const countsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.test-counts");

/**
 * @typedef {{ passed: number, failed: number, skipped: number, note?: string }} Counts
 */

/** @param {string} runner @param {Counts} counts */
export function recordCounts(runner, counts) {
  mkdirSync(countsDir, { recursive: true });
  writeFileSync(path.join(countsDir, `${runner}.json`), `${JSON.stringify(counts)}\n`);
}

/** @param {string} runner @returns {Counts | undefined} */
export function readCounts(runner) {
  try {
    return JSON.parse(readFileSync(path.join(countsDir, `${runner}.json`), "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Vitest's JSON report (`numPassedTests`…), as written by its json reporter.
 * @param {string} file
 * @returns {Counts}
 */
export function vitestCounts(file) {
  const r = JSON.parse(readFileSync(file, "utf8"));
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    note: `${r.testResults?.length ?? "?"} files`,
  };
}

/**
 * Playwright's JSON report: a flaky test (failed, then passed on retry) counts as passed and is named.
 * @param {string} file
 * @returns {Counts}
 */
export function playwrightCounts(file) {
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  return {
    passed: stats.expected + stats.flaky,
    failed: stats.unexpected,
    skipped: stats.skipped,
    note: `${stats.flaky} flaky`,
  };
}

/**
 * Schemathesis' summary ("Test cases: 3903 generated, 3903 passed, 129 skipped"), added up over its runs.
 * @param {string[]} outputs
 * @returns {Counts}
 */
export function schemathesisCounts(outputs) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const out of outputs) {
    const line = /Test cases:\s*\n?\s*(\d+) generated([^\n]*)/.exec(out);
    if (!line) throw new Error("schemathesis printed no 'Test cases:' summary");
    const of = (/** @type {string} */ word) => Number(new RegExp(`(\\d+) ${word}`).exec(line[2])?.[1] ?? 0);
    total.passed += of("passed");
    total.failed += of("failed");
    total.skipped += of("skipped");
  }
  return { ...total, note: "generated cases" };
}
