"use client";

import { Disclosure } from "@/components/ui/disclosure";
import { DiffLines } from "@/components/provisioning/diff-lines";
import type { Plan } from "@/lib/provisioning/model";

/** A plan: every change by step, IAM grants highlighted, documents on demand. */
export function PlanView({ plan }: { plan: Plan }) {
  const grants = plan.changes.reduce((n, c) => n + c.grants.length, 0);
  return (
    <section aria-labelledby="plan-heading" className="flex min-w-0 flex-col gap-4">
      <h2 id="plan-heading" className="text-lg font-semibold">
        Plan: {plan.changes.length === 0 ? "nothing to change" : `${plan.changes.length} change${plan.changes.length === 1 ? "" : "s"}`}
      </h2>
      {grants ? (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100">
          This plan grants {grants} IAM permission{grants === 1 ? "" : "s"} that were not granted before; they are listed under each change.
        </p>
      ) : null}
      <ol className="flex min-w-0 flex-col gap-3">
        {plan.changes.map((c) => (
          <li key={c.id} className="min-w-0 rounded border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900" data-testid={`change-${c.id}`}>
            <p className="font-medium [overflow-wrap:anywhere]">
              <span className="mr-2 font-mono text-sm text-slate-600 dark:text-slate-400">Step {c.step}</span>
              {c.title}
            </p>
            {c.dependsOn.length ? <p className="text-xs text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400">After: {c.dependsOn.join(", ")}</p> : null}
            {c.grants.length ? (
              <div className="mt-2 rounded bg-amber-50 p-2 text-sm dark:bg-amber-950/40">
                <Disclosure summary={`New IAM permissions (${c.grants.length})`}>
                  <ul className="list-disc pl-5 font-mono text-xs [overflow-wrap:anywhere]">{c.grants.map((g) => <li key={g}>{g}</li>)}</ul>
                </Disclosure>
              </div>
            ) : null}
            {c.diff.length ? <div className="mt-2"><DiffLines lines={c.diff} label={`Changes made by ${c.title}`} /></div> : null}
            {c.documents.map((d) => (
              <div key={d.name} className="mt-2 text-sm">
                <Disclosure summary={`Document: ${d.name}`}>
                  <pre tabIndex={0} aria-label={d.name} className="max-h-80 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100 dark:bg-black">{d.json}</pre>
                </Disclosure>
              </div>
            ))}
          </li>
        ))}
      </ol>
      {plan.notes.length ? (
        <Disclosure summary={`Notes on the rendered documents (${plan.notes.length})`}>
          <ul className="list-disc pl-5 text-sm text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300">{plan.notes.map((n) => <li key={n}>{n}</li>)}</ul>
        </Disclosure>
      ) : null}
      {plan.warnings.length ? (
        <div role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100">
          <p className="font-medium">Left alone (repairing it would destroy data or is impossible in place):</p>
          <ul className="mt-1 list-disc pl-5 [overflow-wrap:anywhere]">{plan.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
        </div>
      ) : null}
    </section>
  );
}
