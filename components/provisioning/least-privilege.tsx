"use client";

import { Alert } from "@/components/ui/alert";
import { Disclosure } from "@/components/ui/disclosure";
import type { Checklist } from "@/lib/provisioning/model";

/**
 * The least-privilege check says what it evaluated: the policy as the console
 * renders it, which is the one in AWS only when step 4 is done.
 */
export function LeastPrivilege({ env, checklist }: { env: string; checklist: Checklist }) {
  const denied = checklist.leastPrivilege.filter((l) => !l.allowed);
  const policyStatus = checklist.rows.find((r) => r.id === "4")?.status;
  const total = checklist.leastPrivilege.length;
  const evaluated =
    policyStatus === "done"
      ? `${env}_tt_policy as it is in AWS (it matches the rendered one)`
      : policyStatus === "drifted"
        ? `${env}_tt_policy as the console renders it; the one in AWS differs (step 4) until you apply`
        : `${env}_tt_policy as the console will create it; it does not exist in AWS yet`;
  return (
    <section aria-labelledby="lp-heading" className="mt-8 min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <h2 id="lp-heading" className="text-lg font-semibold">Least privilege</h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Evaluated: {evaluated}, against the {total} AWS actions the TankTower app performs,
        {checklist.leastPrivilegeBy === "iam" ? " by IAM's policy simulator." : " by the console's own policy evaluator (IAM's simulator could not be asked)."}
      </p>
      <div className="mt-2">
        {denied.length ? (
          <Alert tone="warning" title={`${denied.length} action${denied.length === 1 ? " would be" : "s would be"} denied`}>
            <ul className="list-disc pl-5 font-mono text-xs [overflow-wrap:anywhere]">{denied.map((d) => <li key={`${d.action} ${d.resource}`}>{d.action} on {d.resource} ({d.why})</li>)}</ul>
          </Alert>
        ) : policyStatus === "done" ? (
          <p className="text-sm text-green-800 dark:text-green-300">Every action the app performs is allowed.</p>
        ) : (
          <p className="text-sm text-slate-700 dark:text-slate-300">Once applied, the policy will allow every action the app performs.</p>
        )}
      </div>
      <div className="mt-3">
        <Disclosure summary="Corrections made to the setup document">
          <ul className="list-disc pl-5 text-sm">{checklist.fixes.map((f) => <li key={f.text}><strong>{f.step}:</strong> {f.text}</li>)}</ul>
        </Disclosure>
      </div>
    </section>
  );
}
