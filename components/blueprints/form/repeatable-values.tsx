"use client";

import { useEffect, useRef } from "react";
import { ownMessage, subError } from "@/components/blueprints/form/field-errors";
import { errorText, smallButton } from "@/components/blueprints/form/styles";
import { itemWidget } from "@/components/blueprints/form/widgets/registry";
import type { WidgetProps } from "@/components/blueprints/form/widgets/types";
import type { ItemFormValue } from "@/lib/blueprints/form-values";

type ItemProps = Omit<WidgetProps, "value" | "onChange" | "id" | "invalid" | "ariaLabel">;

/** The item buttons, in order. */
const BUTTONS = ["up", "down", "remove"] as const;

/**
 * A list of values for a `cardinality: multiple` field: add, remove, move up
 * and down, all plain buttons (so keyboard users get them for free); focus
 * follows the moved item, or goes to a sensible neighbour after a removal.
 */
export function RepeatableValues({
  id, values, onChange, empty, error, label, ...item
}: ItemProps & {
  id: string;
  values: ItemFormValue[];
  onChange: (values: ItemFormValue[]) => void;
  empty: ItemFormValue;
  error: unknown;
  /** Field label (plus language) for naming each item and button. */
  label: string;
}) {
  const Widget = itemWidget(item.field);
  const list = useRef<HTMLOListElement>(null);
  // Where focus goes after the list has re-rendered with the change: an item's input or one of its buttons, or "add".
  const pendingFocus = useRef<{ index: number; target: "input" | "up" | "down" | "remove" } | "add" | null>(null);
  const setFocusTarget = (target: typeof pendingFocus.current) => {
    pendingFocus.current = target;
  };

  useEffect(() => {
    const focusTarget = pendingFocus.current;
    if (!focusTarget) return;
    pendingFocus.current = null;
    // Found by position rather than by marker attributes: a long form has hundreds of these lists.
    if (focusTarget === "add") return void list.current?.nextElementSibling?.querySelector<HTMLElement>("button")?.focus();
    const item = list.current?.children[focusTarget.index];
    const target =
      focusTarget.target === "input"
        ? item?.querySelector<HTMLElement>("input, textarea, select")
        : item?.querySelectorAll<HTMLElement>(":scope > div:last-of-type > button")[BUTTONS.indexOf(focusTarget.target)];
    target?.focus();
  });

  const move = (from: number, to: number, button: "up" | "down") => {
    const next = [...values];
    const [moved] = next.splice(from, 1);
    if (moved === undefined) return;
    next.splice(to, 0, moved);
    onChange(next);
    // Stay on the same button of the moved item, or on the other one at the list's edge.
    const edge = (button === "up" && to === 0) || (button === "down" && to === next.length - 1);
    setFocusTarget({ index: to, target: edge ? (button === "up" ? "down" : "up") : button });
  };
  const remove = (index: number) => {
    const next = values.filter((_, i) => i !== index);
    onChange(next);
    setFocusTarget(next.length ? { index: Math.min(index, next.length - 1), target: "input" } : "add");
  };
  const add = () => {
    onChange([...values, empty]);
    setFocusTarget({ index: values.length, target: "input" });
  };

  return (
    <div className="flex flex-col gap-2">
      <ol ref={list} className="flex flex-col gap-2">
        {values.map((value, index) => {
          const itemError = ownMessage(subError(error, index));
          const itemLabel = `${label}, value ${index + 1} of ${values.length}`;
          return (
            // A grid (the value, then its buttons) rather than a wrapper around the value: a long form has hundreds of items.
            <li key={index} className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-2">
              <Widget
                {...item}
                id={`${id}-${index}`}
                value={value}
                onChange={(v) => onChange(values.map((old, i) => (i === index ? v : old)))}
                invalid={Boolean(itemError)}
                ariaLabel={itemLabel}
                describedBy={itemError ? (item.describedBy ? `${item.describedBy} ${id}-${index}-error` : `${id}-${index}-error`) : item.describedBy}
              />
              <div className="flex gap-1">
                <button type="button" className={smallButton} disabled={index === 0 || item.disabled || item.readOnly} onClick={() => move(index, index - 1, "up")} aria-label={`Move ${itemLabel} up`}>
                  ↑
                </button>
                <button type="button" className={smallButton} disabled={index === values.length - 1 || item.disabled || item.readOnly} onClick={() => move(index, index + 1, "down")} aria-label={`Move ${itemLabel} down`}>
                  ↓
                </button>
                <button type="button" className={smallButton} disabled={item.disabled || item.readOnly} onClick={() => remove(index)} aria-label={`Remove ${itemLabel}`}>
                  Remove
                </button>
              </div>
              {itemError ? (
                <p id={`${id}-${index}-error`} className={`${errorText} col-span-2`}>
                  {itemError}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div>
        <button type="button" className={smallButton} onClick={add} disabled={item.disabled || item.readOnly} aria-label={`Add a value to ${label}`}>
          + Add value
        </button>
      </div>
    </div>
  );
}
