"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { Button } from "react-aria-components/Button";
import { Collection } from "react-aria-components/Collection";
import { ComboBox } from "react-aria-components/ComboBox";
import { Input } from "react-aria-components/Input";
import { ListBox, ListBoxItem, ListBoxLoadMoreItem } from "react-aria-components/ListBox";
import { Popover } from "react-aria-components/Popover";
import { inputClass } from "@/components/blueprints/form/styles";
import { asText, type WidgetProps } from "@/components/blueprints/form/widgets/types";
import type { FieldSource, SourceOption, SourceSearch } from "@/lib/blueprints/source";

/**
 * A select fed by another blueprint's documents: a searchable combobox whose
 * options come page by page from `sourceSearch` (React Query caches each
 * search). The stored value is always one of the items, labelled as soon as a
 * search has returned it (or by an exact-value search), so a value whose
 * option has not loaded yet still shows and still validates.
 */

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function sourceKey(source: FieldSource) {
  return ["blueprint-source", source.blueprint, source.valueField, source.labelField] as const;
}

function useSourceOptions(source: FieldSource, search: SourceSearch, query: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...sourceKey(source), "search", query],
    queryFn: ({ pageParam }) => search(source.blueprint, source.valueField, source.labelField, query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
    staleTime: 30_000,
    // While the next search loads, the options already shown stay (and stay clickable) instead of
    // unmounting for a moment under the pointer.
    placeholderData: keepPreviousData,
  });
}

/** The label of the stored value, by an exact search for it. */
function useValueLabel(source: FieldSource, search: SourceSearch, value: string, known: string | undefined) {
  const { data } = useQuery({
    queryKey: [...sourceKey(source), "value", value],
    queryFn: async () => {
      const page = await search(source.blueprint, source.valueField, source.labelField, value, null);
      return page.items.find((item) => item.value === value)?.label ?? null;
    },
    enabled: value !== "" && known === undefined,
    staleTime: 60_000,
  });
  return known ?? data ?? undefined;
}

export function SourceSelect(props: WidgetProps) {
  const { id, field, value, onChange, onBlur, invalid, describedBy, ariaLabel, labelId, required, disabled, readOnly, sourceSearch } = props;
  const source = field.source;
  const current = asText(value);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState<string | null>(null);
  const query = useDebounced(typed ?? "", 250);
  const options = useSourceOptions(source ?? { blueprint: "", valueField: "", labelField: "" }, sourceSearch ?? noSearch, query, Boolean(source && sourceSearch) && open);
  const loaded = useMemo(() => options.data?.pages.flatMap((page) => page.items) ?? [], [options.data]);
  const knownLabel = loaded.find((item) => item.value === current)?.label;
  const label = useValueLabel(source ?? { blueprint: "", valueField: "", labelField: "" }, sourceSearch ?? noSearch, current, sourceSearch ? knownLabel : current);
  const items: SourceOption[] = useMemo(() => {
    if (current === "" || loaded.some((item) => item.value === current)) return loaded;
    return [{ value: current, label: label ?? current }, ...loaded];
  }, [loaded, current, label]);
  const shown = typed ?? (current === "" ? "" : (label ?? current));

  return (
    <ComboBox
      id={`${id}-combobox`}
      aria-label={ariaLabel}
      aria-labelledby={ariaLabel ? undefined : labelId}
      items={items}
      selectedKey={current === "" ? null : current}
      onSelectionChange={(key) => {
        onChange(key === null ? "" : String(key));
        setTyped(null);
      }}
      inputValue={shown}
      onInputChange={(text) => setTyped(text)}
      onOpenChange={(isOpen) => {
        setOpen(isOpen);
        if (!isOpen) setTyped(null);
      }}
      menuTrigger="focus"
      allowsEmptyCollection
      isDisabled={disabled}
      isReadOnly={readOnly}
      isInvalid={invalid}
      isRequired={required}
      className="relative flex w-full"
    >
      <Input
        id={id}
        onBlur={onBlur}
        aria-describedby={describedBy}
        placeholder="Search…"
        className={inputClass(invalid)}
      />
      <Button aria-label="Show options" className="absolute inset-y-0 right-0 px-2 text-slate-500 dark:text-slate-400">
        <span aria-hidden>▾</span>
      </Button>
      <Popover className="w-(--trigger-width) rounded-md border border-slate-300 bg-white shadow-lg dark:border-slate-600 dark:bg-slate-900">
        <ListBox className="max-h-64 overflow-auto p-1 text-sm outline-none" renderEmptyState={() => <p className="px-2 py-1.5 text-slate-500">{options.isFetching ? "Loading…" : "No match"}</p>}>
          <Collection items={items}>
            {(item) => (
              <ListBoxItem
                id={item.value}
                textValue={item.label}
                className="cursor-default rounded px-2 py-1.5 text-slate-900 outline-none data-focused:bg-blue-100 data-selected:font-semibold dark:text-slate-100 dark:data-focused:bg-blue-900"
              >
                {item.label}
              </ListBoxItem>
            )}
          </Collection>
          <ListBoxLoadMoreItem
            onLoadMore={() => {
              if (options.hasNextPage && !options.isFetchingNextPage) void options.fetchNextPage();
            }}
            isLoading={options.isFetchingNextPage}
            className="px-2 py-1.5 text-slate-500"
          >
            Loading more…
          </ListBoxLoadMoreItem>
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

const noSearch: SourceSearch = async () => ({ items: [], nextCursor: null });
