"use client";

import { Button, DropIndicator, GridList, GridListItem, useDragAndDrop, type Key, type Selection } from "react-aria-components";
import type { EditorAction, Row } from "@/components/blueprints/editor/editor-state";
import { text } from "@/lib/blueprints/raw-fields";

/**
 * The blueprint's fields as a reorderable list: drag with a pointer, or with
 * the keyboard (focus a row's handle, Enter, arrows to the place, Enter), or
 * use the move buttons. React Aria announces each step to screen readers.
 */
const iconButton =
  "rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-200 disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-200 dark:hover:bg-slate-700";

export function FieldList({
  rows,
  selected,
  errorRows,
  dispatch,
  onSelect,
}: {
  rows: Row[];
  selected: string | undefined;
  errorRows: ReadonlySet<string>;
  dispatch: (action: EditorAction) => void;
  onSelect: (id: string) => void;
}) {
  const { dragAndDropHooks } = useDragAndDrop<Row>({
    getItems: (keys) => [...keys].map((key) => ({ "text/plain": String(key) })),
    onReorder: (e) => {
      if (e.target.dropPosition === "on") return;
      dispatch({ type: "reorder", ids: [...e.keys].map(String), target: String(e.target.key), position: e.target.dropPosition });
    },
    renderDropIndicator: (target) => <DropIndicator target={target} className="h-0.5 bg-blue-600 outline-none data-[drop-target]:h-1 dark:bg-blue-400" />,
  });

  const onSelectionChange = (keys: Selection) => {
    if (keys === "all") return;
    const [first] = [...keys];
    if (first !== undefined) onSelect(String(first));
  };

  return (
    <GridList
      aria-label="Fields, in form order"
      items={rows}
      selectionMode="single"
      selectionBehavior="replace"
      disallowEmptySelection
      selectedKeys={selected ? [selected as Key] : []}
      onSelectionChange={onSelectionChange}
      dragAndDropHooks={dragAndDropHooks}
      renderEmptyState={() => <p className="p-4 text-sm text-slate-600 dark:text-slate-300">No fields yet.</p>}
      className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-700 dark:border-slate-700 dark:bg-slate-900"
    >
      {(row) => {
        const index = rows.findIndex((r) => r.id === row.id);
        const name = text(row.field.name) || "(no name)";
        const label = text(row.field.label);
        const hasError = errorRows.has(row.id);
        return (
          <GridListItem
            id={row.id}
            textValue={`${name} ${label}`}
            className="flex items-center gap-2 px-2 py-1.5 text-sm outline-none data-[focus-visible]:ring-2 data-[focus-visible]:ring-inset data-[focus-visible]:ring-blue-600 data-[selected]:bg-blue-50 data-[dragging]:opacity-50 dark:data-[selected]:bg-blue-950"
          >
            <Button slot="drag" aria-label={`Drag ${name} to reorder`} className={`${iconButton} cursor-grab`}>
              <span aria-hidden>⠿</span>
            </Button>
            <span className="w-8 shrink-0 text-right font-mono text-xs text-slate-600 dark:text-slate-300">{text(row.field.order)}</span>
            <span className="min-w-0 flex-1 truncate">
              <span className="font-mono" data-field-name>{name}</span>
              {label ? <span className="ml-2 text-slate-600 dark:text-slate-300">{label}</span> : null}
              <span className="ml-2 text-xs text-slate-600 dark:text-slate-300">{text(row.field.widget)}</span>
              {hasError ? <span className="ml-2 rounded bg-red-100 px-1.5 text-xs font-medium text-red-800 dark:bg-red-900/50 dark:text-red-100">error</span> : null}
            </span>
            <Button aria-label={`Move ${name} up`} isDisabled={index <= 0} onPress={() => dispatch({ type: "move", id: row.id, by: -1 })} className={iconButton}>
              <span aria-hidden>↑</span>
            </Button>
            <Button aria-label={`Move ${name} down`} isDisabled={index >= rows.length - 1} onPress={() => dispatch({ type: "move", id: row.id, by: 1 })} className={iconButton}>
              <span aria-hidden>↓</span>
            </Button>
            <Button aria-label={`Remove ${name}`} onPress={() => dispatch({ type: "remove", id: row.id })} className={`${iconButton} text-red-700 dark:text-red-300`}>
              <span aria-hidden>✕</span>
            </Button>
          </GridListItem>
        );
      }}
    </GridList>
  );
}
