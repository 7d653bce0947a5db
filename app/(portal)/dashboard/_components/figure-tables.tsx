"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { BarChart } from "@/components/charts/bar-chart";
import { LocalTable, localColumnHelper } from "@/components/data-table/local-table";

/** One bar of a figure: its label, its count and the filtered cases list the count links to. */
export interface FigureRow {
  id: string;
  label: string;
  value: number;
  href: string;
}

const figure = localColumnHelper<FigureRow>();

/** A figure's bars as a table of links, for everyone and every screen reader. */
export function FigureTable({
  rows,
  labelHeader,
  caption,
}: {
  rows: FigureRow[];
  labelHeader: string;
  caption: string;
}) {
  const columns = useMemo(
    () =>
      figure.columns([
        figure.accessor("label", { header: labelHeader }),
        figure.accessor("value", {
          header: "#",
          meta: { className: "text-right" },
          cell: (c) => (
            <Link href={c.row.original.href} className="font-medium text-primary underline-offset-2 hover:underline">
              {c.getValue()}
            </Link>
          ),
        }),
      ]),
    [labelHeader],
  );
  return <LocalTable data={rows} columns={columns} caption={caption} />;
}

/** Detentions in one month ("2024-06"). */
export interface MonthRow {
  id: string;
  month: string;
  n: number;
}

const month = localColumnHelper<MonthRow>();

export function PerMonthTable({ rows }: { rows: MonthRow[] }) {
  const t = useTranslations("Dashboard");
  const columns = useMemo(
    () =>
      month.columns([
        month.accessor("month", { header: t("month") }),
        month.accessor("n", { header: t("detentions"), meta: { className: "text-right" } }),
      ]),
    [t],
  );
  return <LocalTable data={rows} columns={columns} caption={t("perMonth")} />;
}

/**
 * A figure as a chart and as a table of links, drawn from one copy of its rows: the rows cross from
 * the server to the browser once, not once per component.
 */
export function FigureChartTable({
  rows,
  labelHeader,
  caption,
  vertical,
}: {
  rows: FigureRow[];
  labelHeader: string;
  caption: string;
  vertical?: boolean;
}) {
  return (
    <>
      {rows.length > 0 ? (
        <BarChart data={rows} vertical={vertical} height={vertical ? Math.max(120, rows.length * 28) : 200} />
      ) : null}
      <FigureTable caption={caption} labelHeader={labelHeader} rows={rows} />
    </>
  );
}

/**
 * New detentions per month as a chart, and as a table behind a disclosure; `label` is the month as
 * shown. The table is rendered once the disclosure is opened: the server does not build a table
 * of 24 rows that nobody has asked to see on every visit.
 */
export function PerMonthFigure({ rows, showTable }: { rows: Array<MonthRow & { label: string }>; showTable: string }) {
  const bars = useMemo(() => rows.map((m) => ({ label: m.label, value: m.n })), [rows]);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <BarChart data={bars} />
      <details onToggle={(e) => e.currentTarget.open && setOpened(true)}>
        <summary className="cursor-pointer text-sm">{showTable}</summary>
        {opened ? <PerMonthTable rows={rows} /> : null}
      </details>
    </>
  );
}
