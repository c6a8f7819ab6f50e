// The sandbox emulator answers a Query from the one partition it names, pre-sorted and narrowed to the
// sort-key range (scripts/sandbox/partition_query.py). It must answer exactly what moto answers:
// the same items, counts and cursors, page after page, for the table and for its indexes.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { ensureVenv } from "../../scripts/sandbox/venv.mjs";

const script = path.join(__dirname, "../../scripts/sandbox/check_partition_query.py");

function answers(python: string, patched: boolean): unknown {
  const run = spawnSync(python, [script, ...(patched ? ["--patched"] : [])], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

it("answers every Query exactly as moto does", { timeout: 240_000 }, async () => {
  const python = await ensureVenv({ log: () => {} });
  const plain = answers(python, false);
  expect(Array.isArray(plain) && plain.length).toBe(250);
  expect(answers(python, true)).toEqual(plain);
});
