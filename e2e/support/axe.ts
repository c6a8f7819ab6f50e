import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Fails on any WCAG 2.1 A/AA violation of critical, serious or moderate
 * impact on the current page (`minor` findings are left to review).
 */
export async function expectAccessible(page: Page, context = ""): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations
    .filter((v) => v.impact !== "minor")
    .map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, context).toEqual([]);
}

/** Puts the page in a theme through the system setting (the console's default) and waits for it to apply. */
export async function setSystemTheme(page: Page, scheme: "light" | "dark"): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${scheme}\\b`));
}

/** The same check in the light and the dark theme (the page stays in light afterwards). */
export async function expectAccessibleInBothThemes(page: Page, context = ""): Promise<void> {
  await setSystemTheme(page, "light");
  await expectAccessible(page, `${context} (light)`);
  await setSystemTheme(page, "dark");
  await expectAccessible(page, `${context} (dark)`);
  await setSystemTheme(page, "light");
}
