import type { BlueprintDiff } from "@/lib/blueprints/diff";

/** The changes from one version to the next, breaking ones marked. */
export function DiffView({ diff }: { diff: BlueprintDiff }) {
  if (diff.fields.length === 0 && diff.metadata.length === 0) return <p className="text-sm">No differences between {diff.from} and {diff.to}.</p>;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <h3 className="font-semibold">Changes from {diff.from} to {diff.to}</h3>
      <ul className="flex flex-col gap-1" aria-label={`Changes from ${diff.from} to ${diff.to}`}>
        {diff.metadata.map((m) => (
          <li key={`meta-${m.property}`}>
            <span className="font-mono">{m.property}</span> changed
          </li>
        ))}
        {diff.fields.map((c, i) => (
          <li key={`${c.kind}-${c.field}-${i}`} className="flex flex-wrap items-center gap-2">
            {c.breaking ? (
              <span className="rounded bg-red-100 px-1.5 text-xs font-medium text-red-800 dark:bg-red-900/50 dark:text-red-100">may break documents</span>
            ) : (
              <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200">safe</span>
            )}
            <span>{c.summary}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
