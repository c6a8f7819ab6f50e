"use client";

import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { Dialog as AriaDialog, Modal, ModalOverlay } from "react-aria-components";
import { useEnvironments } from "@/components/environments/queries";
import type { NavItem } from "@/components/layout/nav";

/**
 * Ctrl/⌘-K: jump to a page, an environment, or a frequent action, by typing.
 * cmdk filters and handles arrows/Enter; React Aria's modal traps focus and
 * restores it to where it was.
 */
type Entry = { id: string; label: string; hint?: string; href: string; keywords?: string[] };

const itemClass =
  "flex cursor-pointer items-baseline justify-between gap-3 rounded px-3 py-2 text-sm data-[selected=true]:bg-blue-700 data-[selected=true]:text-white dark:data-[selected=true]:bg-blue-600";

export function CommandPalette({ open, onOpenChange, items, isOperator }: { open: boolean; onOpenChange: (open: boolean) => void; items: readonly NavItem[]; isOperator: boolean }) {
  const router = useRouter();
  const environments = useEnvironments(isOperator && open);
  const names = environments.data?.map((e) => e.name) ?? [];

  const pages: Entry[] = items.filter((n) => !n.soon).map((n) => ({ id: `page:${n.href}`, label: n.label, hint: n.description, href: n.href }));
  const actions: Entry[] = [
    { id: "action:add", label: "Add environment", href: "/environments/new", keywords: ["new", "create", "register"] },
    ...names.flatMap((name) => [
      { id: `action:plan:${name}`, label: `Plan changes for ${name}`, href: `/environments/${name}/provisioning?plan=1`, keywords: ["provision", "apply"] },
      { id: `action:audit:${name}`, label: `Audit of ${name}`, href: `/audit?environment=${encodeURIComponent(name)}`, keywords: ["history", "log"] },
    ]),
  ];
  const envs: Entry[] = names.flatMap((name) => [
    { id: `env:${name}`, label: name, hint: "Settings and connection", href: `/environments/${name}` },
    { id: `env:${name}:checklist`, label: `${name} checklist`, hint: "Provisioning", href: `/environments/${name}/provisioning`, keywords: ["provisioning", "steps"] },
  ]);

  function go(href: string) {
    onOpenChange(false);
    router.push(href);
  }

  const group = (heading: string, entries: Entry[]) =>
    entries.length ? (
      <Command.Group heading={heading} className="px-1 py-1 text-slate-900 dark:text-slate-100 [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-slate-600 dark:[&_[cmdk-group-heading]]:text-slate-400">
        {entries.map((e) => (
          <Command.Item key={e.id} value={e.id} keywords={[e.label, ...(e.keywords ?? [])]} onSelect={() => go(e.href)} className={itemClass}>
            <span className="min-w-0 truncate">{e.label}</span>
            {e.hint ? <span className="hidden shrink-0 text-xs opacity-80 sm:inline">{e.hint}</span> : null}
          </Command.Item>
        ))}
      </Command.Group>
    ) : null;

  return (
    <ModalOverlay isOpen={open} onOpenChange={onOpenChange} isDismissable className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/50 p-4 pt-[12vh]">
      <Modal className="w-full max-w-lg overflow-hidden rounded-lg border border-slate-200 bg-white shadow-2xl dark:border-slate-700 dark:bg-slate-900">
        <AriaDialog aria-label="Go to" className="outline-none">
          <Command label="Go to a page, environment or action" loop>
            <Command.Input
              autoFocus
              placeholder="Go to… (environment, page, action)"
              className="w-full border-b border-slate-200 bg-transparent px-4 py-3 text-sm text-slate-900 outline-none placeholder:text-slate-500 dark:border-slate-700 dark:text-slate-100 dark:placeholder:text-slate-400"
            />
            <Command.List className="max-h-80 overflow-y-auto py-1">
              <Command.Empty className="px-4 py-6 text-center text-sm text-slate-600 dark:text-slate-300">Nothing matches.</Command.Empty>
              {environments.isPending && isOperator ? (
                <Command.Loading>
                  <p className="px-4 py-2 text-sm text-slate-600 dark:text-slate-300">Loading environments…</p>
                </Command.Loading>
              ) : null}
              {group("Pages", pages)}
              {group("Environments", envs)}
              {group("Actions", actions)}
            </Command.List>
          </Command>
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
