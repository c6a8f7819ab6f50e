import type { BlueprintIssue } from "@/lib/blueprints/validate";

/** Every validation message, errors first; each names its field. */
export function IssueSummary({ issues, show }: { issues: readonly BlueprintIssue[]; show: boolean }) {
  if (!show || issues.length === 0) return null;
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  return (
    <section aria-labelledby="bp-issues-heading" aria-live="polite" className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-700 dark:bg-slate-900">
      <h2 id="bp-issues-heading" className="font-semibold">
        {errors.length} error{errors.length === 1 ? "" : "s"}, {warnings.length} warning{warnings.length === 1 ? "" : "s"}
      </h2>
      {errors.length ? (
        <ul className="mt-2 list-disc pl-5 text-red-800 dark:text-red-200">
          {errors.map((i, n) => <li key={`${i.path}-${n}`}>{i.message}</li>)}
        </ul>
      ) : null}
      {warnings.length ? (
        <ul className="mt-2 list-disc pl-5 text-amber-900 dark:text-amber-100">
          {warnings.map((i, n) => <li key={`${i.path}-${n}`}>{i.message}</li>)}
        </ul>
      ) : null}
    </section>
  );
}
