"use client";

import { DiffLines } from "@/components/provisioning/diff-lines";
import type { Plan } from "@/lib/provisioning/model";

/** A plan: every change by step, IAM grants highlighted, documents on demand. */
export function PlanView({ plan }: { plan: Plan }) {
  const grants = plan.changes.reduce((n, c) => n + c.grants.length, 0);
  return (
    <section aria-labelledby="plan-heading" className="flex flex-col gap-4">
      <h2 id="plan-heading" className="text-lg font-semibold">
        Plan: {plan.changes.length === 0 ? "nothing to change" : `${plan.changes.length} change${plan.changes.length === 1 ? "" : "s"}`}
      </h2>
      {grants ? (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This plan grants {grants} IAM permission{grants === 1 ? "" : "s"} that were not granted before; they are listed under each change.
        </p>
      ) : null}
      <ol className="flex flex-col gap-3">
        {plan.changes.map((c) => (
          <li key={c.id} className="rounded border border-slate-200 bg-white p-3" data-testid={`change-${c.id}`}>
            <p className="font-medium">
              <span className="mr-2 font-mono text-sm text-slate-500">Step {c.step}</span>
              {c.title}
            </p>
            {c.dependsOn.length ? <p className="text-xs text-slate-500">After: {c.dependsOn.join(", ")}</p> : null}
            {c.grants.length ? (
              <details className="mt-2 rounded bg-amber-50 p-2 text-sm">
                <summary className="cursor-pointer font-medium text-amber-900">New IAM permissions ({c.grants.length})</summary>
                <ul className="mt-1 list-disc pl-5 font-mono text-xs">{c.grants.map((g) => <li key={g}>{g}</li>)}</ul>
              </details>
            ) : null}
            {c.diff.length ? <div className="mt-2"><DiffLines lines={c.diff} label={`Changes made by ${c.title}`} /></div> : null}
            {c.documents.map((d) => (
              <details key={d.name} className="mt-2 text-sm">
                <summary className="cursor-pointer text-blue-800">Document: {d.name}</summary>
                <pre className="mt-1 max-h-80 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{d.json}</pre>
              </details>
            ))}
          </li>
        ))}
      </ol>
      {plan.notes.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-blue-800">Notes on the rendered documents ({plan.notes.length})</summary>
          <ul className="mt-1 list-disc pl-5 text-slate-700">{plan.notes.map((n) => <li key={n}>{n}</li>)}</ul>
        </details>
      ) : null}
      {plan.warnings.length ? (
        <div role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">Left alone (repairing it would destroy data or is impossible in place):</p>
          <ul className="mt-1 list-disc pl-5">{plan.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
        </div>
      ) : null}
    </section>
  );
}
