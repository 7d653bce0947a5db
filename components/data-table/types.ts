/**
 * The table kit's shared types: the TanStack Table features every list registers, the column meta
 * that drives headers and the filter toolbar, and the page of rows a server list returns.
 */
import { columnVisibilityFeature, metaHelper, rowSortingFeature, tableFeatures } from "@tanstack/react-table";

export interface FilterOption {
  value: string;
  label: string;
}

/** A filter in the toolbar, bound to one URL param. */
export type DataTableFilter =
  /** Several values at once (a menu of checkboxes); the param is an array. */
  | { kind: "multi"; param: string; label: string; options: readonly FilterOption[] }
  /** One value or none (a select); `toParam` turns the option's value into the param's type. */
  | {
      kind: "select";
      param: string;
      label: string;
      options: readonly FilterOption[];
      allLabel: string;
      toParam?: (value: string) => unknown;
    }
  /** Free text, debounced; the param is a string. */
  | { kind: "text"; param: string; label: string; placeholder?: string }
  /** On or off; the param is a boolean. */
  | { kind: "toggle"; param: string; label: string };

/** What a column tells the kit: its name (for the header, the view menu) and its filter, if any. */
export interface DataTableColumnMeta {
  label: string;
  filter?: DataTableFilter;
  /** Extra classes for the column's cells, e.g. "whitespace-nowrap". */
  className?: string;
}

/** Server-side everything: the table only sorts state, never rows; visibility is local. */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});
export type DataTableFeatures = typeof dataTableFeatures;

/** One page of a server list (the DAL's ListPage). */
export interface DataTablePage<Row> {
  rows: Row[];
  nextCursor: string | null;
  prevCursor: string | null;
  /** Counted up to a cap: `exact` is false when there are more than `value` rows. */
  total: { value: number; exact: boolean };
}
