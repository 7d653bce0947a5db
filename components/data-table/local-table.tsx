"use client";

import {
  type ColumnDef,
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  type RowData,
  rowSortingFeature,
  type SortingState,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

/** What a local column may tell the table: extra classes for its header and cells (e.g. "text-right"). */
export interface LocalColumnMeta {
  /** Classes for the header and every cell of the column. */
  className?: string;
  /** Classes for the cells only, e.g. "whitespace-nowrap". */
  cellClassName?: string;
}

/**
 * A small client-side table: a few dozen rows at most (one case's records, an admin list, a
 * dashboard figure), sorted in the browser. Server-paged lists use DataTable in this folder instead.
 */
export const localTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
  columnMeta: metaHelper<LocalColumnMeta>(),
});
type Features = typeof localTableFeatures;

export const localColumnHelper = <T extends RowData>() => createColumnHelper<Features, T>();
// biome-ignore lint/suspicious/noExplicitAny: each column keeps its own value type (TanStack's own helper signature).
export type LocalColumns<T extends RowData> = Array<ColumnDef<Features, T, any>>;

export function LocalTable<T extends RowData & { id: string }>({
  data,
  columns,
  caption,
  empty,
  testId,
  initialSorting = [],
  rowClassName,
  rowProps,
  limit,
  showAllLabel,
}: {
  data: T[];
  columns: LocalColumns<T>;
  caption: string;
  /** Shown instead of the table when there are no rows; without it, the table renders with no rows. */
  empty?: string;
  testId?: string;
  initialSorting?: SortingState;
  rowClassName?: (row: T) => string | undefined;
  /** Extra attributes for a row, e.g. `data-*` hooks for tests and scripts. */
  rowProps?: (row: T) => Record<string, string>;
  /**
   * Show only the first `limit` rows, in the current order, until the reader asks for all of them
   * (a button labelled `showAllLabel(count)`): a long record's tables stay small to render.
   */
  limit?: number;
  showAllLabel?: (count: number) => string;
}) {
  const [showAll, setShowAll] = useState(false);
  const table = useTable({
    features: localTableFeatures,
    columns,
    data,
    getRowId: (row) => row.id,
    initialState: { sorting: initialSorting },
  });
  if (data.length === 0 && empty !== undefined) {
    return <p className="rounded-md border p-4 text-sm text-muted-foreground">{empty}</p>;
  }
  const rows = table.getRowModel().rows;
  const shown = limit !== undefined && !showAll ? rows.slice(0, limit) : rows;
  const more =
    shown.length < rows.length ? (
      <Button type="button" variant="outline" size="sm" className="justify-self-start" onClick={() => setShowAll(true)}>
        {showAllLabel?.(rows.length) ?? `${rows.length}`}
      </Button>
    ) : null;
  const tableElement = (
    <Table data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              return (
                <TableHead
                  key={header.id}
                  className={header.column.columnDef.meta?.className}
                  aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                >
                  {header.isPlaceholder ? null : header.column.getCanSort() ? (
                    <button
                      type="button"
                      className="inline-flex items-center gap-1 hover:text-foreground"
                      onClick={header.column.getToggleSortingHandler()}
                    >
                      <table.FlexRender header={header} />
                      {sorted === "asc" ? (
                        <ArrowUp className="size-3" aria-hidden />
                      ) : sorted === "desc" ? (
                        <ArrowDown className="size-3" aria-hidden />
                      ) : (
                        <ArrowUpDown className="size-3 opacity-40" aria-hidden />
                      )}
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {shown.map((row) => (
          <TableRow
            key={row.id}
            {...rowProps?.(row.original)}
            className={cn("align-top", rowClassName?.(row.original))}
          >
            {row.getAllCells().map((cell) => {
              const meta = cell.column.columnDef.meta;
              return (
                <TableCell key={cell.id} className={cn("align-top", meta?.className, meta?.cellClassName)}>
                  <table.FlexRender cell={cell} />
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
  return more ? (
    <div className="grid gap-2">
      {tableElement}
      {more}
    </div>
  ) : (
    tableElement
  );
}
