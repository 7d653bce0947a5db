"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { LocalTable, localColumnHelper } from "@/components/data-table/local-table";
import { ShowAllLink, useCaseTableSort } from "./case-list-url";

/** One status change as the table shows it: labels and dates already formatted on the server. */
export interface StatusHistoryRow {
  id: string;
  when: string;
  status: string;
  place: string;
  deadline: string;
  note: string;
  recordedBy: string;
  retracted: string | null;
}

const helper = localColumnHelper<StatusHistoryRow>();

/** One page of the case's status changes, sorted by the server as the URL says (`historySort`). */
export function StatusHistoryTable({ rows, total }: { rows: StatusHistoryRow[]; total: number }) {
  const t = useTranslations("Records");
  const { sort, busy } = useCaseTableSort("historySort");
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("when", { header: t("colDate") }),
        helper.accessor("status", {
          header: t("colStatus"),
          cell: (c) => (
            <span className={c.row.original.retracted ? "line-through" : undefined}>
              {c.getValue()}
              {c.row.original.retracted ? <span className="sr-only"> ({t("retractedShort")})</span> : null}
            </span>
          ),
        }),
        helper.accessor("place", { header: t("colPlace"), enableSorting: false }),
        helper.accessor("deadline", { header: t("colDeadline"), enableSorting: false }),
        helper.accessor("note", {
          header: t("colNote"),
          enableSorting: false,
          cell: (c) => <span className="line-clamp-3 max-w-md">{c.getValue()}</span>,
        }),
        helper.accessor("recordedBy", { header: t("colRecordedBy") }),
      ]),
    [t],
  );
  return (
    <LocalTable
      data={rows}
      columns={columns}
      caption={t("statusHistory")}
      empty={t("noStatusChanges")}
      testId="status-history-table"
      sort={sort}
      busy={busy}
      footer={<ShowAllLink list="history" total={total} />}
      rowClassName={(r) => (r.retracted ? "text-muted-foreground" : undefined)}
    />
  );
}
