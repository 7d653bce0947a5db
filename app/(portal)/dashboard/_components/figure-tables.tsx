"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
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
