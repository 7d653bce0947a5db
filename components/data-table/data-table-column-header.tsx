"use client";

import type { Column, RowData } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";
import { SortIcon } from "./sort-icon";
import type { DataTableFeatures } from "./types";

/** aria-sort for a column's <th>: "none" when sortable but not sorted, nothing when not sortable. */
export function ariaSortOf<Row extends RowData>(column: Column<DataTableFeatures, Row, unknown>) {
  if (!column.getCanSort()) return undefined;
  const dir = column.getIsSorted();
  return dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none";
}

/**
 * A column's header: its label, and for a sortable column a button that cycles ascending,
 * descending, then the list's default. The state is announced by aria-sort on the <th>.
 */
export function DataTableColumnHeader<Row extends RowData>({
  column,
  className,
}: {
  column: Column<DataTableFeatures, Row, unknown>;
  className?: string;
}) {
  const t = useTranslations("DataTable");
  const label = column.columnDef.meta?.label ?? column.id;
  if (!column.getCanSort()) return <span className={className}>{label}</span>;
  const dir = column.getIsSorted();
  const next = column.getNextSortingOrder();
  return (
    <button
      type="button"
      onClick={column.getToggleSortingHandler()}
      title={next === "asc" ? t("sortAsc") : next === "desc" ? t("sortDesc") : t("sortDefault")}
      className={cn(
        "-ml-2 inline-flex h-8 items-center gap-1 rounded-md px-2 font-medium hover:bg-accent hover:text-accent-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
        dir && "text-foreground",
        className,
      )}
    >
      {label}
      <SortIcon dir={dir} className={cn("size-3.5", !dir && "opacity-40")} />
    </button>
  );
}
