import { describe, expect, it } from "vitest";
import { runPageUrl } from "@/lib/jobs/run-page";

describe("a run's page address (tt run)", () => {
  it("opens the jobs dashboard with the run's drawer, on the public origin or the local console", () => {
    expect(runPageUrl("https://console.example.com", "prod-eu", "0a0a0a0a-0000-4000-a000-00000000abcd")).toBe(
      "https://console.example.com/environments/prod-eu/jobs?run=0a0a0a0a-0000-4000-a000-00000000abcd",
    );
    expect(runPageUrl(undefined, "sandbox", "r1")).toBe("http://localhost:3000/environments/sandbox/jobs?run=r1");
  });
});
