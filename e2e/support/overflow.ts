import { expect, type Page } from "@playwright/test";

/**
 * Fails when the page is wider than the window (something forces a sideways
 * scroll), naming the widest offenders. Content that scrolls inside its own
 * box (tables, code) does not count: only the document's width does.
 */
export async function expectNoHorizontalOverflow(page: Page, context = ""): Promise<void> {
  const report = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= width) return { width, scrollWidth, offenders: [] as string[] };
    const offenders: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const rect = el.getBoundingClientRect();
      if (rect.right > width + 1 && rect.width > 0) {
        const id = el.id ? `#${el.id}` : "";
        const cls = typeof el.className === "string" && el.className ? `.${el.className.split(/\s+/).slice(0, 3).join(".")}` : "";
        offenders.push(`${el.tagName.toLowerCase()}${id}${cls} (right ${Math.round(rect.right)})`);
      }
      if (offenders.length >= 8) break;
    }
    return { width, scrollWidth, offenders };
  });
  expect(report.scrollWidth, `${context}: page is ${report.scrollWidth} px wide in a ${report.width} px window; ${report.offenders.join(", ")}`).toBeLessThanOrEqual(report.width);
}
