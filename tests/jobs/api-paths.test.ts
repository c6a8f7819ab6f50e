import { describe, expect, it } from "vitest";
import { allowedMethods } from "@/lib/http/api-paths";

/** The proxy's method guard must not take the jobs API's literal paths for a template's parameter. */
describe("jobs API paths in the method guard", () => {
  it.each([
    ["/api/environments/sandbox/jobs/schedule", "GET"],
    ["/api/environments/sandbox/jobs/0b8e3f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "PUT"],
    ["/api/environments/sandbox/runs/stats", "GET"],
    ["/api/environments/sandbox/runs/rerun-failed", "POST"],
    ["/api/environments/sandbox/runs/rerun-failed/0b8e3f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "GET"],
    ["/api/environments/sandbox/runs/0b8e3f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "GET"],
    ["/api/environments/sandbox/runs/0b8e3f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/fail", "POST"],
  ])("%s answers %s", (path, method) => {
    expect(allowedMethods(path)).toContain(method);
  });
});
