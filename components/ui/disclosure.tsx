"use client";

import type { ReactNode } from "react";
import { Button as AriaButton, Disclosure as AriaDisclosure, DisclosurePanel, Heading } from "react-aria-components";

/**
 * A section that opens and closes, with a visible chevron (React Aria:
 * aria-expanded on a real button, the panel hidden from the accessibility
 * tree when closed). `summary` is the always-visible header.
 */
export function Disclosure({
  summary,
  children,
  defaultExpanded,
  expanded,
  onExpandedChange,
  level = 3,
  className = "",
}: {
  summary: ReactNode;
  children: ReactNode;
  defaultExpanded?: boolean;
  expanded?: boolean;
  onExpandedChange?: (expanded: boolean) => void;
  level?: 2 | 3 | 4;
  className?: string;
}) {
  return (
    <AriaDisclosure defaultExpanded={defaultExpanded} isExpanded={expanded} onExpandedChange={onExpandedChange} className={`group min-w-0 ${className}`}>
      <Heading level={level} className="m-0 text-sm font-normal">
        <AriaButton
          slot="trigger"
          className="flex w-full min-w-0 cursor-pointer items-start gap-2 rounded text-left text-blue-800 outline-none hover:underline dark:text-blue-300"
        >
          <svg aria-hidden viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 transition-transform group-data-[expanded]:rotate-90" fill="currentColor">
            <path d="M7.5 4.5 13 10l-5.5 5.5-1.4-1.4L10.2 10 6.1 5.9z" />
          </svg>
          <span className="min-w-0 flex-1">{summary}</span>
        </AriaButton>
      </Heading>
      <DisclosurePanel className="min-w-0 pt-2">{children}</DisclosurePanel>
    </AriaDisclosure>
  );
}
