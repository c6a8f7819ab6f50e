import type { SourceSearch } from "@/lib/blueprints/source";

/**
 * An in-browser document list for the preview page's source-backed select
 * (120 "demo jobs", 20 per page, with a short delay), so the combobox's search,
 * paging and caching can be seen before real documents exist. Preview only.
 */
const JOBS = Array.from({ length: 120 }, (_, i) => ({
  value: `job-${String(i + 1).padStart(3, "0")}`,
  label: `${["Nightly", "Hourly", "Weekly", "Ad hoc"][i % 4]} job ${i + 1}`,
}));
const PAGE = 20;

export const demoSourceSearch: SourceSearch = async (_blueprint, _valueField, _labelField, query, cursor) => {
  await new Promise((resolve) => setTimeout(resolve, 150));
  const q = query.trim().toLowerCase();
  const matches = q ? JOBS.filter((job) => job.label.toLowerCase().includes(q) || job.value === q) : JOBS;
  const start = cursor ? Number(cursor) : 0;
  const items = matches.slice(start, start + PAGE);
  return { items, nextCursor: start + PAGE < matches.length ? String(start + PAGE) : null };
};
