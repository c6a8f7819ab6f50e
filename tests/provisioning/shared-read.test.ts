import { describe, expect, it } from "vitest";
import { SharedReads } from "@/lib/provisioning/shared-read";

function deferred<T>() {
  let resolve: (v: T) => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("shared reads", () => {
  it("concurrent callers of one key share one read, and nothing is kept after it settles", async () => {
    const reads = new SharedReads<number>();
    let started = 0;
    const d = deferred<number>();
    const fn = () => {
      started++;
      return d.promise;
    };
    const a = reads.run("env", "v1", fn);
    const b = reads.run("env", "v1", fn);
    expect(started).toBe(1);
    d.resolve(7);
    expect(await Promise.all([a, b])).toEqual([7, 7]);
    expect(reads.size).toBe(0);
    await reads.run("env", "v1", async () => {
      started++;
      return 8;
    });
    expect(started).toBe(2);
  });

  it("another key or another variant (the record changed) starts its own read", async () => {
    const reads = new SharedReads<string>();
    const calls: string[] = [];
    const fn = (tag: string) => () => {
      calls.push(tag);
      return new Promise<string>((r) => setTimeout(() => r(tag), 5));
    };
    const all = await Promise.all([reads.run("a", "1", fn("a1")), reads.run("b", "1", fn("b1")), reads.run("a", "2", fn("a2")), reads.run("a", "2", fn("again"))]);
    expect(calls).toEqual(["a1", "b1", "a2"]);
    expect(all).toEqual(["a1", "b1", "a2", "a2"]);
  });

  it("a failed read is shared as a failure, then forgotten; forget makes the next caller start afresh", async () => {
    const reads = new SharedReads<number>();
    const d = deferred<number>();
    const first = reads.run("env", "v", () => d.promise);
    const second = reads.run("env", "v", () => Promise.resolve(1));
    d.reject(new Error("throttled"));
    await expect(first).rejects.toThrow("throttled");
    await expect(second).rejects.toThrow("throttled");
    expect(await reads.run("env", "v", () => Promise.resolve(2))).toBe(2);

    const slow = deferred<number>();
    const stale = reads.run("env", "v", () => slow.promise);
    reads.forget("env");
    expect(await reads.run("env", "v", () => Promise.resolve(3))).toBe(3);
    slow.resolve(4);
    expect(await stale).toBe(4);
    expect(reads.size).toBe(0);
  });
});
