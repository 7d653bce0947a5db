"use client";

import {
  type ColumnDef,
  createColumnHelper,
  createSortedRowModel,
  flexRender,
  functionalUpdate,
  metaHelper,
  type RowData,
  rowSortingFeature,
  type SortingState,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import type { ReactNode } from "react";
import {
  TABLE_CELL_CLASS,
  TABLE_ROW_CLASS,
  Table,
  TableBody,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { SortIcon } from "./sort-icon";

/** What a local column may tell the table: extra classes for its header and cells (e.g. "text-right"). */
export interface LocalColumnMeta {
  /** Classes for the header and every cell of the column. */
  className?: string;
  /** Classes for the cells only, e.g. "whitespace-nowrap". */
  cellClassName?: string;
}

/**
 * A small table: a few dozen rows at most (an admin list, a dashboard figure), sorted in the
 * browser; or, given `sort`, a page of rows the server sorted and cut (one case's records), whose
 * header clicks ask the server for another order. Server-paged lists use DataTable in this folder.
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
  sort,
  footer,
  busy,
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
   * Sorting done by the server: the rows come sorted as `sort.state` says, and a header click calls
   * `sort.change` with the column's next order (one column at a time, never unsorted).
   */
  sort?: { state: SortingState; change: (next: { id: string; desc: boolean }) => void };
  /** Under the table, e.g. a link to every row. */
  footer?: ReactNode;
  /** A new page of rows is on its way (aria-busy, dimmed). */
  busy?: boolean;
}) {
  const table = useTable({
    features: localTableFeatures,
    columns,
    data,
    getRowId: (row) => row.id,
    ...(sort
      ? {
          state: { sorting: sort.state },
          manualSorting: true,
          enableMultiSort: false,
          enableSortingRemoval: false,
          onSortingChange: (updater) => {
            const [first] = functionalUpdate(updater, sort.state);
            if (first) sort.change({ id: first.id, desc: first.desc });
          },
        }
      : { initialState: { sorting: initialSorting } }),
  });
  if (data.length === 0 && empty !== undefined) {
    return <p className="rounded-md border p-4 text-sm text-muted-foreground">{empty}</p>;
  }
  const rows = table.getRowModel().rows;
  // Each column's cell classes, merged once per render rather than once per cell: the rows are
  // plain <tr>/<td> with TableRow's and TableCell's classes (a dashboard renders a hundred rows).
  const cellClass = new Map<string, string>(
    table
      .getAllLeafColumns()
      .map((column) => [
        column.id,
        cn(TABLE_CELL_CLASS, "align-top", column.columnDef.meta?.className, column.columnDef.meta?.cellClassName),
      ]),
  );
  const rowClass = cn(TABLE_ROW_CLASS, "align-top");
  const tableElement = (
    <Table data-testid={testId} aria-busy={busy || undefined} className={busy ? "opacity-60" : undefined}>
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
                      <SortIcon dir={sorted} className={sorted ? "size-3" : "size-3 opacity-40"} />
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
        {rows.map((row) => {
          const extra = rowClassName?.(row.original);
          return (
            <tr
              key={row.id}
              data-slot="table-row"
              {...rowProps?.(row.original)}
              className={extra ? cn(rowClass, extra) : rowClass}
            >
              {row.getAllCells().map((cell) => (
                <td key={cell.id} data-slot="table-cell" className={cellClass.get(cell.column.id)}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          );
        })}
      </TableBody>
    </Table>
  );
  return footer ? (
    <div className="grid gap-2">
      {tableElement}
      {footer}
    </div>
  ) : (
    tableElement
  );
}
