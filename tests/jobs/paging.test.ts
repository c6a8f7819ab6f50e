import { describe, expect, it } from "vitest";
import { olderPage, requestKey } from "@/components/jobs/paging";

describe("runs paging", () => {
  it("follows the cursor of the page that answered the current filters", () => {
    const page = { request: requestKey({ job: "j1" }), nextCursor: "c1" };
    expect(olderPage({ job: "j1" }, page)).toEqual({ job: "j1", cursor: "c1" });
  });

  it("gives no older page while the page on screen is the previous filter's placeholder", () => {
    // The flake: unfiltered page on screen (kept while the filtered one loads), filter applied, Older clicked.
    const unfiltered = { request: requestKey({}), nextCursor: "cursor-of-sys#runs#all" };
    expect(olderPage({ job: "j1" }, unfiltered)).toBeUndefined();
    // Also a page of the same filter but another cursor (the older page still loading).
    expect(olderPage({ job: "j1", cursor: "c1" }, { request: requestKey({ job: "j1" }), nextCursor: "c1" })).toBeUndefined();
  });

  it("has no older page at the end of the list", () => {
    expect(olderPage({}, { request: requestKey({}), nextCursor: null })).toBeUndefined();
    expect(olderPage({}, undefined)).toBeUndefined();
  });

  it("keys a request independently of the order and of empty values", () => {
    expect(requestKey({ status: "failed", job: "j1", author: "" })).toBe(requestKey({ job: "j1", status: "failed" }));
    expect(requestKey({ job: "j1" })).not.toBe(requestKey({ job: "j1", cursor: "c" }));
  });
});
