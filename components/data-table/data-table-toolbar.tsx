"use client";

import type { RowData } from "@tanstack/react-table";
import { CirclePlus, Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { CheckMenu, CheckMenuAction } from "./data-table-check-menu";
import { DataTableViewOptions } from "./data-table-view-options";
import type { DataTableFilter } from "./types";
import { type DataTableController, useDebouncedParam } from "./use-data-table";

/**
 * Search, the filters (each column's `meta.filter`, then `filters` that belong to no column),
 * "Clear filters" while any is set, the column menu, and the list's own actions (`children`).
 */
export function DataTableToolbar<Row extends RowData>({
  controller,
  searchLabel,
  searchPlaceholder,
  filters = [],
  children,
}: {
  controller: DataTableController<Row>;
  searchLabel: string;
  searchPlaceholder?: string;
  /** Filters that belong to no column ("assigned to me", a date window). */
  filters?: readonly DataTableFilter[];
  children?: React.ReactNode;
}) {
  const t = useTranslations("DataTable");
  const searchId = useId();
  const { table, params, setParams, filtersActive, clearFilters } = controller;
  const [query, setQuery] = useDebouncedParam(String(params.q ?? ""), (q) => setParams({ q: q || null }));
  const all = [
    ...table.getAllLeafColumns().flatMap((c) => (c.columnDef.meta?.filter ? [c.columnDef.meta.filter] : [])),
    ...filters,
  ];
  return (
    <div className="grid gap-2" data-testid="data-table-toolbar">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative w-full sm:w-72">
          <label htmlFor={searchId} className="sr-only">
            {searchLabel}
          </label>
          <Search aria-hidden className="-translate-y-1/2 absolute top-1/2 left-2.5 size-4 text-muted-foreground" />
          <Input
            id={searchId}
            type="search"
            value={query}
            placeholder={searchPlaceholder ?? searchLabel}
            onChange={(e) => setQuery(e.target.value)}
            className="h-8 pl-8"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        {all.map((filter) => (
          <FilterControl key={filter.param} filter={filter} controller={controller} />
        ))}
        {filtersActive ? (
          <Button variant="ghost" size="sm" onClick={clearFilters} data-testid="clear-filters">
            {t("clearFilters")}
            <X aria-hidden />
          </Button>
        ) : null}
        <div className="ml-auto flex items-center gap-2">
          <DataTableViewOptions table={table} />
          {children}
        </div>
      </div>
    </div>
  );
}

function FilterControl<Row extends RowData>({
  filter,
  controller,
}: {
  filter: DataTableFilter;
  controller: DataTableController<Row>;
}) {
  const t = useTranslations("DataTable");
  const id = useId();
  const { params, setParams } = controller;
  const value = params[filter.param];
  switch (filter.kind) {
    case "multi": {
      const selected = new Set(Array.isArray(value) ? value.map(String) : []);
      return (
        <CheckMenu
          trigger={
            <>
              <CirclePlus aria-hidden className="size-4" />
              {filter.label}
              {selected.size ? (
                <Badge variant="secondary" className="ml-1 rounded-sm px-1 font-normal">
                  {selected.size === 1
                    ? filter.options.find((o) => selected.has(o.value))?.label
                    : t("selected", { count: selected.size })}
                </Badge>
              ) : null}
            </>
          }
          items={filter.options.map((o) => ({ value: o.value, label: o.label, checked: selected.has(o.value) }))}
          onToggle={(v, checked) => {
            const next = new Set(selected);
            if (checked) next.add(v);
            else next.delete(v);
            // Keep the options' order in the URL, so that one view has one URL.
            const list = filter.options.map((o) => o.value).filter((o) => next.has(o));
            setParams({ [filter.param]: list.length ? list : null });
          }}
          footer={
            selected.size ? (
              <CheckMenuAction onSelect={() => setParams({ [filter.param]: null })}>{t("clear")}</CheckMenuAction>
            ) : undefined
          }
        />
      );
    }
    case "select":
      return (
        <div>
          <label htmlFor={id} className="sr-only">
            {filter.label}
          </label>
          <select
            id={id}
            value={value === null || value === undefined ? "" : String(value)}
            onChange={(e) => {
              const v = e.target.value;
              setParams({ [filter.param]: v === "" ? null : (filter.toParam ?? ((s: string) => s))(v) });
            }}
            className="h-8 rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            <option value="">{filter.allLabel}</option>
            {filter.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      );
    case "text":
      return <TextFilter filter={filter} controller={controller} />;
    case "toggle":
      return (
        <label className="inline-flex h-8 items-center gap-2 rounded-md border border-input px-3 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            checked={value === true}
            onChange={(e) => setParams({ [filter.param]: e.target.checked ? true : null })}
          />
          {filter.label}
        </label>
      );
  }
}

function TextFilter<Row extends RowData>({
  filter,
  controller,
}: {
  filter: Extract<DataTableFilter, { kind: "text" }>;
  controller: DataTableController<Row>;
}) {
  const id = useId();
  const { params, setParams } = controller;
  const [text, setText] = useDebouncedParam(String(params[filter.param] ?? ""), (v) =>
    setParams({ [filter.param]: v || null }),
  );
  return (
    <div className="w-full sm:w-48">
      <label htmlFor={id} className="sr-only">
        {filter.label}
      </label>
      <Input
        id={id}
        type="search"
        value={text}
        placeholder={filter.placeholder ?? filter.label}
        onChange={(e) => setText(e.target.value)}
        className="h-8"
        autoComplete="off"
      />
    </div>
  );
}
