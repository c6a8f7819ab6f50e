import type { ChecklistRow, StepId } from "@/lib/provisioning/model";

/**
 * What a person must do next to take an environment to green, derived from
 * its checklist: one item per action, in the order they unblock each other.
 * Rows that only wait on another item (step 2 on the installer, 5c and 6 on
 * the apply) are folded into that item instead of being listed. Pure.
 */
export type NextStep =
  | { kind: "create-installer"; step: "1"; also: StepId[]; instructions: string | null }
  | { kind: "set-sender"; step: "7" }
  | { kind: "verify-sender"; step: "7"; text: string }
  | { kind: "grant"; step: StepId; title: string; action: string; statement: string }
  | { kind: "unreadable"; step: StepId; title: string; text: string }
  | { kind: "manual"; step: StepId; title: string; text: string; copyText: string | null }
  | { kind: "apply"; steps: StepId[] };

/** The exact IAM statement that grants one action, to paste into the console's policy. */
export function grantStatement(action: string): string {
  const sid = `TankTowerConsole${action.replace(/[^A-Za-z0-9]/g, "")}`;
  return JSON.stringify({ Sid: sid, Effect: "Allow", Action: action, Resource: "*" }, null, 2);
}

export function nextSteps(rows: ChecklistRow[], opts: { hasSender: boolean }): NextStep[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items: NextStep[] = [];
  const folded = new Set<StepId>();

  const installer = byId.get("1");
  if (installer?.status === "manual") {
    // Creating the installer gives step 2 its user and makes the environment use stored keys (step 9).
    const also = (["2", "9"] as const).filter((id) => byId.get(id)?.status === "manual");
    also.forEach((id) => folded.add(id));
    items.push({ kind: "create-installer", step: "1", also: [...also], instructions: installer.copyText });
  }

  for (const row of rows) {
    if (folded.has(row.id) || row.id === "1") continue;
    if (row.status === "blocked") {
      items.push(
        row.blockedBy
          ? { kind: "grant", step: row.id, title: row.title, action: row.blockedBy, statement: grantStatement(row.blockedBy) }
          : { kind: "unreadable", step: row.id, title: row.title, text: row.summary },
      );
    } else if (row.status === "manual") {
      if (row.id === "7") items.push(opts.hasSender ? { kind: "verify-sender", step: "7", text: row.manual ?? row.summary } : { kind: "set-sender", step: "7" });
      // 5c waits for the role, which the apply creates.
      else if (row.id !== "5c") items.push({ kind: "manual", step: row.id, title: row.title, text: row.manual ?? row.summary, copyText: row.copyText });
    }
  }

  const toApply = rows.filter((r) => r.status === "missing" || r.status === "drifted").map((r) => r.id);
  if (toApply.length) items.push({ kind: "apply", steps: toApply });
  return items;
}

/** The id of the item that settles a step (for a "how to finish" link), if any does. */
export function itemFor(items: NextStep[], step: StepId): string | undefined {
  for (const item of items) {
    if (item.kind === "apply") {
      if (item.steps.includes(step)) return "fix-apply";
    } else if (item.step === step || (item.kind === "create-installer" && item.also.includes(step))) {
      return `fix-${item.step}`;
    }
  }
  return undefined;
}
