import { expect, type Page } from "@playwright/test";

/**
 * Every page of the console, for the checks that run on all of them (overflow
 * at phone and desktop widths, axe in both themes). Add a page here when you
 * add one: `path` to open, `heading` that says it has loaded.
 */
export type ConsolePage = { path: string; heading: string | RegExp; status?: number };

export const CONSOLE_PAGES: ConsolePage[] = [
  { path: "/environments", heading: "Environments" },
  { path: "/environments/new", heading: "Add environment" },
  { path: "/environments/sandbox", heading: "sandbox" },
  { path: "/environments/sandbox/provisioning", heading: "Provisioning sandbox" },
  { path: "/audit", heading: "Audit" },
  { path: "/blueprints", heading: "Blueprints" },
  { path: "/environments/sandbox/blueprints", heading: "Blueprints of sandbox" },
  { path: "/environments/sandbox/blueprints/new", heading: "New blueprint in sandbox" },
  { path: "/environments/sandbox/portfolios/sys/docs/schd_jobs", heading: "Job Types documents" },
  { path: "/environments/sandbox/portfolios/sys/docs/schd_jobs/new", heading: "New Job Types document" },
  { path: "/forms/preview", heading: "Form preview" },
  { path: "/entities", heading: "Entities" },
  { path: "/environments/sandbox/entities", heading: "Entities of sandbox" },
  { path: "/environments/sandbox/invites", heading: "Invites of sandbox" },
  { path: "/console-users", heading: "Console users" },
  { path: "/mailbox", heading: "Mailbox" },
  { path: "/jobs", heading: "Jobs" },
  { path: "/environments/sandbox/jobs", heading: "Jobs of sandbox" },
  { path: "/environments/sandbox/jobs/tokens", heading: "API tokens of sandbox" },
  { path: "/environments/no-such-env", heading: "Environment not found", status: 404 },
  { path: "/no-such-page", heading: "Page not found", status: 404 },
];

/** Opens a page and waits until its heading (and, for lists, its data) shows. */
export async function openConsolePage(page: Page, p: ConsolePage): Promise<void> {
  const response = await page.goto(p.path);
  expect(response?.status(), p.path).toBe(p.status ?? 200);
  await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
  // Loading skeletons are gone (a page is checked as people see it, not half-loaded).
  await expect(page.getByTestId("skeleton")).toHaveCount(0);
}
