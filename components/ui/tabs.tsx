"use client";

import type { ReactNode } from "react";
import { Tab, TabList, TabPanel, Tabs as AriaTabs, type Key } from "react-aria-components";

/** Tabs with arrow-key navigation; each tab is { id, label, content }. */
export function Tabs({
  label,
  tabs,
  selectedKey,
  onSelectionChange,
}: {
  label: string;
  tabs: { id: string; label: ReactNode; content: ReactNode }[];
  selectedKey?: string;
  onSelectionChange?: (key: Key) => void;
}) {
  return (
    <AriaTabs selectedKey={selectedKey} onSelectionChange={onSelectionChange} className="min-w-0">
      <TabList aria-label={label} className="flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-700">
        {tabs.map((t) => (
          <Tab
            key={t.id}
            id={t.id}
            className="cursor-pointer whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm text-slate-700 outline-none hover:text-slate-900 data-[selected]:border-blue-700 data-[selected]:font-medium data-[selected]:text-blue-800 dark:text-slate-300 dark:hover:text-white dark:data-[selected]:border-blue-400 dark:data-[selected]:text-blue-300"
          >
            {t.label}
          </Tab>
        ))}
      </TabList>
      {tabs.map((t) => (
        <TabPanel key={t.id} id={t.id} className="min-w-0 pt-4 outline-none">
          {t.content}
        </TabPanel>
      ))}
    </AriaTabs>
  );
}
