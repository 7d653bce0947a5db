"use client";

import {
  type ColumnDef,
  createColumnHelper,
  createSortedRowModel,
  type RowData,
  rowSortingFeature,
  type SortingState,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

/**
 * A small client-side table for one case's records (contacts, petitions, status history): a few
 * dozen rows at most, sorted in the browser. Lists across cases use the server-side kit in
 * components/data-table instead.
 */
export const recordTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});
type Features = typeof recordTableFeatures;

export const recordColumnHelper = <T extends RowData>() => createColumnHelper<Features, T>();
// biome-ignore lint/suspicious/noExplicitAny: each column keeps its own value type (TanStack's own helper signature).
export type RecordColumns<T extends RowData> = Array<ColumnDef<Features, T, any>>;

export function RecordTable<T extends RowData & { id: string }>({
  data,
  columns,
  caption,
  empty,
  testId,
  initialSorting = [],
  rowClassName,
}: {
  data: T[];
  columns: RecordColumns<T>;
  caption: string;
  empty: string;
  testId: string;
  initialSorting?: SortingState;
  rowClassName?: (row: T) => string | undefined;
}) {
  const table = useTable({
    features: recordTableFeatures,
    columns,
    data,
    getRowId: (row) => row.id,
    initialState: { sorting: initialSorting },
  });
  if (data.length === 0) return <p className="rounded-md border p-4 text-sm text-muted-foreground">{empty}</p>;
  return (
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
        {table.getRowModel().rows.map((row) => (
          <TableRow key={row.id} className={cn("align-top", rowClassName?.(row.original))}>
            {row.getAllCells().map((cell) => (
              <TableCell key={cell.id} className="align-top">
                <table.FlexRender cell={cell} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
