"use client";

import type { RowData, Table } from "@tanstack/react-table";
import { Settings2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { CheckMenu } from "./data-table-check-menu";
import type { DataTableFeatures } from "./types";

/** Shows or hides columns (those that allow it); the choice lasts while the page is open. */
export function DataTableViewOptions<Row extends RowData>({ table }: { table: Table<DataTableFeatures, Row> }) {
  const t = useTranslations("DataTable");
  const columns = table.getAllLeafColumns().filter((c) => c.getCanHide());
  return (
    <CheckMenu
      trigger={
        <>
          <Settings2 aria-hidden className="size-4" />
          {t("columns")}
        </>
      }
      label={t("toggleColumns")}
      items={columns.map((c) => ({ value: c.id, label: c.columnDef.meta?.label ?? c.id, checked: c.getIsVisible() }))}
      onToggle={(id, checked) => table.getColumn(id)?.toggleVisibility(checked)}
    />
  );
}
