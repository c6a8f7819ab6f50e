// Types for counts.mjs, for TypeScript tests (tsconfig has allowJs off).

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  note?: string;
}
export const countsDir: string;
export function recordCounts(runner: string, counts: Counts): void;
export function readCounts(runner: string): Counts | undefined;
export function vitestCounts(file: string): Counts;
export function playwrightCounts(file: string): Counts;
export function schemathesisCounts(outputs: string[]): Counts;
