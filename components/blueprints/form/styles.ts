/** Class names shared by the form's widgets (light and dark). */
const inputBase = [
  "w-full min-w-0 rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm",
  "focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-200",
  "disabled:bg-slate-100 read-only:bg-slate-50",
  "dark:bg-slate-900 dark:text-slate-100 dark:focus:ring-blue-900 dark:disabled:bg-slate-800 dark:read-only:bg-slate-800",
].join(" ");
// Built once rather than joined for every input on every render (a long form has hundreds of inputs).
const inputValid = `${inputBase} border-slate-300 dark:border-slate-600`;
const inputInvalid = `${inputBase} border-red-600 dark:border-red-400`;

export function inputClass(invalid: boolean): string {
  return invalid ? inputInvalid : inputValid;
}

export const smallButton =
  "rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 " +
  "focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 disabled:cursor-not-allowed disabled:opacity-50 " +
  "dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700";

export const helpText = "text-xs text-slate-600 dark:text-slate-400";
export const errorText = "text-sm text-red-700 dark:text-red-400";
