/** Shared class names for the entities pages (light and dark). */
export const card = "rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900";
export const link = "text-blue-700 underline underline-offset-2 hover:no-underline dark:text-blue-300";
export const input =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-200 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100";
export const muted = "text-slate-600 dark:text-slate-400";
export const row = "border-b border-slate-100 last:border-0 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800";
export const badge = "inline-block rounded px-2 py-0.5 text-xs font-medium";
export const tabs = (active: boolean) =>
  `whitespace-nowrap rounded px-3 py-1.5 text-sm ${active ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`;
