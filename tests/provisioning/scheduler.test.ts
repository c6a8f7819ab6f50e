import { describe, expect, it } from "vitest";
import { runTasks, type TaskUpdate } from "@/lib/provisioning/scheduler";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function tracker() {
  let running = 0;
  let peak = 0;
  const order: string[] = [];
  const task = (id: string, dependsOn: string[] = [], fail = false) => ({
    id,
    dependsOn,
    run: async () => {
      running++;
      peak = Math.max(peak, running);
      order.push(id);
      await sleep(10);
      running--;
      if (fail) throw new Error(`${id} failed`);
    },
  });
  return { task, peak: () => peak, order };
}

describe("runTasks", () => {
  it("runs independent tasks together and dependants after their dependencies", async () => {
    const t = tracker();
    const updates: TaskUpdate[] = [];
    const result = await runTasks([t.task("a"), t.task("b"), t.task("c", ["a", "b"])], (u) => updates.push(u));
    expect(t.peak()).toBe(2);
    expect(t.order.indexOf("c")).toBe(2);
    expect([...result.values()]).toEqual(["done", "done", "done"]);
    expect(updates.filter((u) => u.status === "done").every((u) => typeof u.ms === "number")).toBe(true);
  });

  it("skips what depends on a failure and finishes the rest", async () => {
    const t = tracker();
    const result = await runTasks([t.task("a", [], true), t.task("b", ["a"]), t.task("c", ["b"]), t.task("d")], () => {});
    expect(Object.fromEntries(result)).toEqual({ a: "failed", b: "skipped", c: "skipped", d: "done" });
  });

  it("runs one at a time with concurrency 1, in list order among ready tasks", async () => {
    const t = tracker();
    await runTasks([t.task("a"), t.task("b"), t.task("c", ["a"]), t.task("d")], () => {}, { concurrency: 1 });
    expect(t.peak()).toBe(1);
    expect(t.order).toEqual(["a", "b", "c", "d"]);
  });
});
