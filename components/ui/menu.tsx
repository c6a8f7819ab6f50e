"use client";

import type { ReactNode } from "react";
import {
  Button as AriaButton,
  Menu as AriaMenu,
  MenuItem as AriaMenuItem,
  MenuTrigger,
  Popover,
  type Key,
  type MenuItemProps,
  type Selection,
} from "react-aria-components";
import { buttonClass } from "@/components/ui/button";

/**
 * A button that opens a menu of actions or links (React Aria: arrow keys,
 * typeahead, Escape, focus restore). Items are <MenuItem>s.
 */
export function Menu({
  label,
  trigger,
  children,
  onAction,
  selectedKeys,
  onSelectionChange,
  variant = "secondary",
  placement = "bottom end",
}: {
  /** The accessible name of the trigger. */
  label: string;
  /** What the trigger shows (defaults to the label). */
  trigger?: ReactNode;
  children: ReactNode;
  onAction?: (key: Key) => void;
  /** Single selection (e.g. the theme): checked items are announced. */
  selectedKeys?: Iterable<Key>;
  onSelectionChange?: (keys: Selection) => void;
  variant?: "secondary" | "ghost";
  placement?: "bottom end" | "bottom start";
}) {
  return (
    <MenuTrigger>
      <AriaButton aria-label={trigger ? label : undefined} className={buttonClass(variant, "px-2.5")}>
        {trigger ?? label}
      </AriaButton>
      <Popover
        placement={placement}
        className="min-w-44 rounded-md border border-slate-200 bg-white p-1 text-sm text-slate-900 shadow-lg outline-none dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <AriaMenu
          aria-label={label}
          onAction={onAction}
          selectionMode={selectedKeys ? "single" : undefined}
          selectedKeys={selectedKeys}
          onSelectionChange={onSelectionChange}
          disallowEmptySelection={Boolean(selectedKeys)}
          className="outline-none"
        >
          {children}
        </AriaMenu>
      </Popover>
    </MenuTrigger>
  );
}

export function MenuItem(props: MenuItemProps & { children: ReactNode }) {
  return (
    <AriaMenuItem
      {...props}
      className="flex cursor-pointer items-center gap-2 rounded px-3 py-2 outline-none data-[focused]:bg-slate-100 data-[disabled]:text-slate-500 dark:data-[focused]:bg-slate-800"
    >
      {({ isSelected }) => (
        <>
          <span aria-hidden className="w-4 text-blue-700 dark:text-blue-300">{isSelected ? "✓" : ""}</span>
          <span>{props.children}</span>
        </>
      )}
    </AriaMenuItem>
  );
}
