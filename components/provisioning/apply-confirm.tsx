"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { Plan } from "@/lib/provisioning/model";

/** The last look before applying: what will be created or changed, and every IAM permission newly granted. */
export function ApplyConfirm({ env, plan, open, onCancel, onConfirm }: { env: string; plan: Plan | undefined; open: boolean; onCancel: () => void; onConfirm: () => void }) {
  const changes = plan?.changes ?? [];
  const grants = changes.flatMap((c) => c.grants.map((g) => ({ g, step: c.step })));
  return (
    <ConfirmDialog
      open={open}
      title={`Apply ${changes.length} change${changes.length === 1 ? "" : "s"} to ${env}?`}
      confirmLabel="Apply"
      tone="primary"
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      <p>The console makes exactly these changes. If AWS changed since the plan, it refuses and asks you to plan again.</p>
      <h3 className="mt-3 font-semibold">Changes</h3>
      <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-5" data-testid="confirm-changes">
        {changes.map((c) => (
          <li key={c.id} className="[overflow-wrap:anywhere]">
            <span className="font-mono text-xs">{c.step}</span> {c.title}
          </li>
        ))}
      </ul>
      <h3 className="mt-3 font-semibold">New IAM permissions ({grants.length})</h3>
      {grants.length ? (
        <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-5 font-mono text-xs" data-testid="confirm-grants">
          {grants.map(({ g, step }) => (
            <li key={`${step} ${g}`} className="[overflow-wrap:anywhere]">{g}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-1">None: this plan grants nothing that was not granted before.</p>
      )}
    </ConfirmDialog>
  );
}
