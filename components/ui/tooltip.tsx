"use client";

import type { ReactNode } from "react";
import { Button as AriaButton, Tooltip as AriaTooltip, TooltipTrigger } from "react-aria-components";

/**
 * A tooltip on hover and keyboard focus. Only for supplementary text: the
 * trigger's own label must already say what it is.
 */
export function Tooltip({ content, children, label }: { content: ReactNode; children: ReactNode; label?: string }) {
  return (
    <TooltipTrigger delay={400}>
      <AriaButton aria-label={label} className="inline-flex cursor-help items-center rounded outline-none">
        {children}
      </AriaButton>
      <AriaTooltip
        offset={6}
        className="max-w-xs rounded bg-slate-900 px-2 py-1 text-xs text-white shadow dark:bg-slate-100 dark:text-slate-900"
      >
        {content}
      </AriaTooltip>
    </TooltipTrigger>
  );
}
