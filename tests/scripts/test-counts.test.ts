import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { playwrightCounts, schemathesisCounts, vitestCounts } from "../../scripts/test/counts.mjs";

const dir = mkdtempSync(path.join(os.tmpdir(), "tt-counts-"));
const file = (name: string, body: unknown) => {
  const at = path.join(dir, name);
  writeFileSync(at, JSON.stringify(body));
  return at;
};

describe("npm test's closing counts", () => {
  it("adds up schemathesis' summaries, skipped included", () => {
    const first = "Test cases:\n  3903 generated, 3903 passed, 129 skipped\n\nReports:";
    const second = "Test cases:\n  38 generated, 36 passed, 2 failed\n";
    expect(schemathesisCounts([first, second])).toMatchObject({ passed: 3939, failed: 2, skipped: 129 });
  });

  it("refuses a schemathesis run that printed no summary", () => {
    expect(() => schemathesisCounts(["Schemathesis v4\nerror: connection refused\n"])).toThrow(/no 'Test cases:'/);
  });

  it("reads vitest's and Playwright's json reports; a flaky test counts as passed", () => {
    expect(vitestCounts(file("v.json", { numPassedTests: 10, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1, numTotalTestSuites: 4 }))).toMatchObject({ passed: 10, failed: 1, skipped: 3 });
    expect(playwrightCounts(file("p.json", { stats: { expected: 70, unexpected: 0, flaky: 2, skipped: 1 } }))).toMatchObject({ passed: 72, failed: 0, skipped: 1, note: "2 flaky" });
  });
});
