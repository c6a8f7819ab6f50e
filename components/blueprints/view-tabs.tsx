"use client";

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export type ViewTab = { id: string; label: ReactNode; panel: ReactNode; panelClassName?: string };

/**
 * Tabs by the WAI-ARIA Authoring Practices pattern (tablist, tabs with
 * aria-selected and a roving tabindex, arrows / Home / End moving and
 * selecting, one labelled, focusable tabpanel). Written here rather than
 * taken from React Aria because React Aria's Tabs bring its whole collection
 * and selection machinery, about 32 kB gzip, into the first load of the
 * pages that open on them (the blueprint page, the form preview); the pattern
 * itself is a few lines. Only the selected panel is mounted, so a heavy view
 * (the rendered form) loads when it is first shown.
 */
export function ViewTabs({
  label, tabs, className, tabListClassName, tabClassName,
}: {
  label: string;
  tabs: ViewTab[];
  className?: string;
  tabListClassName?: string;
  /** Styles may use `aria-selected:` for the selected tab. */
  tabClassName: string;
}) {
  const [selected, setSelected] = useState(tabs[0]?.id ?? "");
  const baseId = useId();
  const list = useRef<HTMLDivElement>(null);
  const current = tabs.find((t) => t.id === selected) ?? tabs[0];
  const tabId = (id: string) => `${baseId}-tab-${id}`;
  const panelId = (id: string) => `${baseId}-panel-${id}`;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = tabs.findIndex((t) => t.id === current?.id);
    const target = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    }[event.key];
    const next = target === undefined ? undefined : tabs[target];
    if (!next) return;
    event.preventDefault();
    setSelected(next.id);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(next.id))}`)?.focus();
  };

  return (
    <div className={className}>
      <div ref={list} role="tablist" aria-label={label} aria-orientation="horizontal" className={tabListClassName}>
        {tabs.map((tab) => {
          const isSelected = tab.id === current?.id;
          return (
            <button
              key={tab.id}
              id={tabId(tab.id)}
              type="button"
              role="tab"
              aria-selected={isSelected}
              aria-controls={isSelected ? panelId(tab.id) : undefined}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => setSelected(tab.id)}
              onKeyDown={onKeyDown}
              className={tabClassName}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {current ? (
        <div key={current.id} id={panelId(current.id)} role="tabpanel" aria-labelledby={tabId(current.id)} tabIndex={0} className={current.panelClassName}>
          {current.panel}
        </div>
      ) : null}
    </div>
  );
}
