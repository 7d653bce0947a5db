"use client";

import { FlexRender, type RowData } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { ariaSortOf, DataTableColumnHeader } from "./data-table-column-header";
import { DataTablePagination } from "./data-table-pagination";
import type { DataTablePage } from "./types";
import type { DataTableController } from "./use-data-table";

/**
 * The one table: a real <table> with sortable headers (aria-sort), the rows of one server page,
 * an empty state that offers to clear the filters, and the pagination bar. Put the toolbar in
 * `children`. While a new page loads, the old rows stay, dimmed and marked aria-busy.
 */
export function DataTable<Row extends RowData>({
  controller,
  page,
  caption,
  emptyMessage,
  testId,
  children,
}: {
  controller: DataTableController<Row>;
  page: DataTablePage<Row>;
  /** Names the table for screen readers. */
  caption: string;
  /** Shown when the list is empty without any filter. */
  emptyMessage: string;
  testId?: string;
  children?: React.ReactNode;
}) {
  const { table, isPending, params, setCursor, setParams } = controller;
  const rows = table.getRowModel().rows;
  const visibleColumns = table.getVisibleLeafColumns().length;
  return (
    <div className="grid gap-3">
      {children}
      <div className="rounded-md border" aria-busy={isPending}>
        <Table data-testid={testId} className={cn("transition-opacity", isPending && "opacity-60")}>
          <caption className="sr-only">{caption}</caption>
          <TableHeader>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id} className="hover:bg-transparent">
                {group.headers.map((header) => (
                  <TableHead key={header.id} scope="col" aria-sort={ariaSortOf(header.column)}>
                    {header.isPlaceholder ? null : <DataTableColumnHeader column={header.column} />}
                  </TableHead>
                ))}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {rows.length ? (
              rows.map((row) => (
                <TableRow key={row.id} data-row-id={row.id}>
                  {row.getVisibleCells().map((cell) => (
                    <TableCell key={cell.id} className={cell.column.columnDef.meta?.className}>
                      <FlexRender cell={cell} />
                    </TableCell>
                  ))}
                </TableRow>
              ))
            ) : (
              <TableRow className="hover:bg-transparent">
                <TableCell colSpan={visibleColumns} className="p-0">
                  <DataTableEmpty controller={controller} message={emptyMessage} />
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </div>
      <DataTablePagination
        page={page}
        size={Number(params.size)}
        onCursor={setCursor}
        onSize={(size) => setParams({ size })}
      />
    </div>
  );
}

/** Nothing to show: with filters set, say so and offer to clear them; otherwise the list's own message. */
export function DataTableEmpty<Row extends RowData>({
  controller,
  message,
}: {
  controller: DataTableController<Row>;
  message: string;
}) {
  const t = useTranslations("DataTable");
  return (
    <div className="grid justify-items-center gap-3 px-6 py-10 text-center" data-testid="data-table-empty">
      <p className="text-muted-foreground">{controller.filtersActive ? t("noMatches") : message}</p>
      {controller.filtersActive ? (
        <Button variant="outline" size="sm" onClick={controller.clearFilters}>
          {t("clearFilters")}
        </Button>
      ) : null}
    </div>
  );
}
