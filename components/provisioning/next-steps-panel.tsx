"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Disclosure } from "@/components/ui/disclosure";
import { CreateInstaller } from "@/components/provisioning/row-actions";
import { SenderForm } from "@/components/provisioning/sender-form";
import type { NextStep } from "@/lib/provisioning/next-steps";

/**
 * "N steps need you": every action left between this environment and green,
 * each with its control in place (create the installer, set the sender, the
 * permission to grant, the plan to apply), so nobody hunts for them.
 */
function Code({ text, label }: { text: string; label: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <pre tabIndex={0} aria-label={label} className="max-h-72 overflow-auto rounded bg-slate-100 p-3 text-xs text-slate-900 dark:bg-slate-800 dark:text-slate-100">{text}</pre>
      <div><CopyButton text={text} what={label} /></div>
    </div>
  );
}

function Item({ item, env, onChanged, onPlan, planBusy, applying }: { item: NextStep; env: string; onChanged: () => void; onPlan: () => void; planBusy: boolean; applying: boolean }) {
  switch (item.kind) {
    case "create-installer":
      return (
        <>
          <h3 className="font-medium">Step 1: create the installer</h3>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            The console&apos;s credentials may create an installer user with AdministratorAccess; the environment then uses its access key
            {item.also.length ? ` (this also settles step${item.also.length > 1 ? "s" : ""} ${item.also.join(" and ")})` : ""}.
          </p>
          <CreateInstaller env={env} onChanged={onChanged} />
          {item.instructions ? (
            <Disclosure summary="Or ask the account's administrator to run these commands">
              <Code text={item.instructions} label="Installer commands" />
            </Disclosure>
          ) : null}
        </>
      );
    case "set-sender":
      return (
        <>
          <h3 className="font-medium">Step 7: choose the address invitations are sent from</h3>
          <p className="text-sm text-slate-700 dark:text-slate-300">Applying the plan then asks SES to verify it.</p>
          <SenderForm env={env} onSaved={onChanged} />
        </>
      );
    case "verify-sender":
      return (
        <>
          <h3 className="font-medium">Step 7: verify the sender</h3>
          <p className="break-words text-sm text-slate-700 dark:text-slate-300">{item.text}</p>
          <div><Button variant="secondary" onClick={onChanged}>Check again</Button></div>
        </>
      );
    case "grant":
      return (
        <>
          <h3 className="font-medium">Step {item.step}: grant <code className="break-all">{item.action}</code></h3>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            The console&apos;s credentials for this environment may not call {item.action}, so {item.title.toLowerCase()} cannot be read or made.
            Add this statement to their IAM policy (narrow <code>Resource</code> if your rules ask for it), then check again.
          </p>
          <Code text={item.statement} label={`Policy statement granting ${item.action}`} />
          <div><Button variant="secondary" onClick={onChanged}>Check again</Button></div>
        </>
      );
    case "unreadable":
      return (
        <>
          <h3 className="font-medium">Step {item.step}: {item.title} could not be read</h3>
          <p className="break-words text-sm text-slate-700 dark:text-slate-300">{item.text}</p>
          <div><Button variant="secondary" onClick={onChanged}>Check again</Button></div>
        </>
      );
    case "manual":
      return (
        <>
          <h3 className="font-medium">Step {item.step}: {item.title}</h3>
          <p className="break-words text-sm text-slate-700 dark:text-slate-300">{item.text}</p>
          {item.copyText ? <Code text={item.copyText} label={`Snippet for step ${item.step}`} /> : null}
        </>
      );
    case "apply":
      return (
        <>
          <h3 className="font-medium">Apply the plan</h3>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {item.steps.length} step{item.steps.length === 1 ? "" : "s"} ({item.steps.join(", ")}) the console creates or repairs. Review the plan, then apply it.
          </p>
          <div>
            <Button busy={planBusy} disabled={applying} onClick={onPlan}>Review the plan</Button>
          </div>
        </>
      );
  }
}

export function NextStepsPanel({ env, items, onChanged, onPlan, planBusy, applying }: { env: string; items: NextStep[]; onChanged: () => void; onPlan: () => void; planBusy: boolean; applying: boolean }) {
  if (items.length === 0) {
    return <div className="mb-6"><Alert tone="success" title={`${env} is green`}>Every step of the setup document is done.</Alert></div>;
  }
  return (
    <section aria-labelledby="next-steps-heading" data-testid="next-steps" className="mb-6 rounded-lg border border-blue-300 bg-blue-50/60 p-4 dark:border-blue-800 dark:bg-blue-950/30">
      <h2 id="next-steps-heading" className="text-lg font-semibold">
        {items.length} step{items.length === 1 ? " needs" : "s need"} you
      </h2>
      <ol className="mt-3 flex flex-col gap-3">
        {items.map((item) => (
          <li key={item.kind === "apply" ? "apply" : `${item.kind}-${item.step}`} id={item.kind === "apply" ? "fix-apply" : `fix-${item.step}`} className="flex min-w-0 flex-col gap-2 rounded-md border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
            <Item item={item} env={env} onChanged={onChanged} onPlan={onPlan} planBusy={planBusy} applying={applying} />
          </li>
        ))}
      </ol>
    </section>
  );
}
