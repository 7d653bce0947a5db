"use client";

import {
  type ColumnDef,
  type ColumnVisibilityState,
  functionalUpdate,
  type OnChangeFn,
  type RowData,
  type SortingState,
  useTable,
} from "@tanstack/react-table";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { createLoader, createSerializer, type ParserMap } from "nuqs";
import { useCallback, useEffect, useMemo, useOptimistic, useRef, useState, useTransition } from "react";
import type { SortState } from "@/lib/schemas/lists";
import { type DataTableFeatures, dataTableFeatures } from "./types";

/** Typing in a search or text filter reaches the URL (and the server) this long after the last key. */
export const TEXT_DEBOUNCE_MS = 300;

export interface UseDataTableOptions<Row extends RowData> {
  /** The page of rows the server returned; pass it as is (a stable reference). */
  data: Row[];
  /** From a use…Columns() factory, memoized. Each column id is its sort key in the URL. */
  columns: ColumnDef<DataTableFeatures, Row, unknown>[];
  /** A stable function (module level): a row's id. */
  getRowId: (row: Row) => string;
  /**
   * The list's URL params: nuqs parsers including `q`, `size`, `cursor` and `sort` (lib/schemas),
   * the same ones the page reads with createLoader, so both agree on every value.
   */
  parsers: ParserMap;
  /** The params "Clear filters" resets; sort and page size stay. */
  filterKeys: readonly string[];
  /**
   * The sort in force for these params: the URL's, else the list's default (which may depend on the
   * params: best match while searching). The same function the DAL uses, so header and rows agree.
   */
  sortOf: (params: Record<string, unknown>) => SortState;
  /** Columns hidden until the user shows them. */
  initialColumnVisibility?: ColumnVisibilityState;
}

const sameSort = (a: SortState | null, b: SortState | null) => a?.id === b?.id && a?.desc === b?.desc;

/** An empty filter value: what "no filter" looks like for each kind of param. */
export function isEmptyFilterValue(value: unknown): boolean {
  return (
    value === null || value === undefined || value === "" || value === false || (Array.isArray(value) && !value.length)
  );
}

/**
 * A server-driven table whose state lives in the URL.
 *
 * The URL is the one owner of search, filters, sort, page size and position. It is read with the
 * list's nuqs parsers and written with nuqs's serializer (one view, one URL, keys in a fixed order),
 * and only by a user's action: TanStack Table gets the sort from it and reports changes back, and
 * no pagination state or auto-reset is registered, which keeps away from the render-to-URL loop of
 * TanStack/table#6158. Any change of filter, search, sort or page size drops the cursor: back to the
 * first page.
 *
 * Changes are Next.js navigations (`router.push`, so the server renders the new page, like nuqs's
 * `shallow: false`) in a transition: the old rows stay, marked busy, and the controls show the new
 * state at once (useOptimistic). The history entry is written when the new page commits. nuqs's own
 * setter pushes the entry first, carrying the old page's tree; when a second change supersedes the
 * first before the server answers, Back then restores the old rows under the new URL (seen in
 * e2e/cases-list.spec.ts), which this avoids.
 */
export function useDataTable<Row extends RowData>(options: UseDataTableOptions<Row>) {
  const { data, columns, getRowId, parsers, filterKeys, sortOf } = options;
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const load = useMemo(() => createLoader(parsers), [parsers]);
  const serialize = useMemo(() => createSerializer(parsers), [parsers]);
  const committed = useMemo(() => load(searchParams) as Record<string, unknown>, [load, searchParams]);
  const [params, applyPatch] = useOptimistic(committed, (state, patch: Record<string, unknown>) => ({
    ...state,
    ...patch,
  }));

  const navigate = useCallback(
    (patch: Record<string, unknown>) => {
      const href = `${pathname}${serialize({ ...params, ...patch })}`;
      startTransition(() => {
        applyPatch(patch);
        router.push(href, { scroll: false });
      });
    },
    [params, pathname, serialize, router, applyPatch],
  );

  /** Sets params and returns to the first page. */
  const setParams = useCallback((patch: Record<string, unknown>) => navigate({ ...patch, cursor: null }), [navigate]);
  /** Moves to another page: the only change that keeps the position's meaning (same filters, same sort). */
  const setCursor = useCallback((cursor: string | null) => navigate({ cursor }), [navigate]);

  const effective = sortOf(params);
  const fallbackSort = sortOf({ ...params, sort: null });
  const columnIds = useMemo(() => new Set(columns.map((c) => c.id)), [columns]);
  // A sort that is no column (best match) shows as no sorted column.
  const sorting = useMemo<SortingState>(
    () => (columnIds.has(effective.id) ? [{ id: effective.id, desc: effective.desc }] : []),
    [columnIds, effective.id, effective.desc],
  );
  const onSortingChange = useCallback<OnChangeFn<SortingState>>(
    (updater) => {
      const [first] = functionalUpdate(updater, sorting);
      const next: SortState | null = first ? { id: first.id, desc: first.desc } : null;
      // Back to the default: no param, so that the URL stays clean and the default can follow the search.
      setParams({ sort: next && !sameSort(next, fallbackSort) ? next : null });
    },
    [sorting, fallbackSort, setParams],
  );

  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>(
    options.initialColumnVisibility ?? {},
  );

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    state: { sorting, columnVisibility },
    onSortingChange,
    onColumnVisibilityChange: setColumnVisibility,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: true,
    sortDescFirst: false,
  });

  const filtersActive = filterKeys.some((key) => !isEmptyFilterValue(params[key]));
  const clearFilters = useCallback(
    () => setParams(Object.fromEntries(filterKeys.map((key) => [key, null]))),
    [filterKeys, setParams],
  );

  return { table, params, setParams, setCursor, filtersActive, clearFilters, isPending, sort: effective };
}

export type DataTableController<Row extends RowData> = ReturnType<typeof useDataTable<Row>>;

/**
 * A text field bound to a URL param: shows each key at once, writes the param `delay` ms after the
 * last one, and follows the param when it changes from elsewhere (Back, "Clear filters") without
 * undoing what is being typed when its own write comes back.
 */
export function useDebouncedParam(value: string, commit: (value: string) => void, delay = TEXT_DEBOUNCE_MS) {
  const [text, setText] = useState(value);
  const written = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });
  useEffect(() => {
    if (value === written.current) return;
    written.current = value;
    clearTimeout(timer.current);
    setText(value);
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onChange = useCallback(
    (next: string) => {
      setText(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        written.current = next;
        commitRef.current(next);
      }, delay);
    },
    [delay],
  );
  return [text, onChange] as const;
}
