import type { ImpactView as Impact } from "@/lib/blueprints/schema";

/** How many documents a version would reject, per field, with the reasons and the changes behind them. */
export function ImpactView({ impact }: { impact: Impact }) {
  return (
    <div className="flex flex-col gap-2 text-sm">
      <h3 className="font-semibold">Impact on documents in portfolio {impact.portfolio}</h3>
      <p role="status">
        {impact.failing} of {impact.total} document{impact.total === 1 ? "" : "s"} would fail validation with {impact.version}
        {impact.partial ? " (only the first documents were read)" : ""}.
      </p>
      {impact.fields.length ? (
        <ul className="flex flex-col gap-2" aria-label="Failures by field">
          {impact.fields.map((f) => (
            <li key={f.field} className="rounded-md border border-slate-200 p-2 dark:border-slate-700">
              <p>
                <span className="font-mono">{f.field}</span>: {f.documents} document{f.documents === 1 ? "" : "s"}
              </p>
              <ul className="list-disc pl-5 text-xs">
                {f.reasons.map((r) => <li key={r.message}>{r.message} ({r.documents})</li>)}
                {f.changes.map((c) => <li key={c} className="text-slate-600 dark:text-slate-300">because {c}</li>)}
              </ul>
              {f.examples.length ? <p className="text-xs text-slate-600 dark:text-slate-400">e.g. <span className="font-mono">{f.examples.join(", ")}</span></p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
