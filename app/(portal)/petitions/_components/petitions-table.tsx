"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { use, useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import type { DataTableFeatures } from "@/components/data-table/types";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useFormatters } from "@/components/data-table/use-formatters";
import { Badge } from "@/components/ui/badge";
import type { ListPage, PetitionListRow } from "@/db/dal/lists";
import { AWAITING_PETITION_STATES, PETITION_ASKS, PETITION_STATES } from "@/lib/domain";
import { daysUntil } from "@/lib/partial-date";
import {
  ANSWER_VIEWS,
  type AnswerView,
  DEFAULT_PETITION_SORT,
  PETITION_FILTER_KEYS,
  petitionListParsers,
  type SortState,
} from "@/lib/schemas/lists";
import { cn } from "@/lib/utils";

const helper = createColumnHelper<DataTableFeatures, PetitionListRow>();
const rowId = (row: PetitionListRow) => row.id;
const sortOf = (params: Record<string, unknown>) => (params.sort as SortState | null) ?? DEFAULT_PETITION_SORT;
const ANSWER_LABEL_KEYS: Record<AnswerView, "answerAwaiting" | "answerOverdue"> = {
  awaiting: "answerAwaiting",
  overdue: "answerOverdue",
};

function usePetitionColumns(today: string) {
  const t = useTranslations("Petitions");
  const tState = useTranslations("PetitionState");
  const tAsk = useTranslations("PetitionAsk");
  const fmt = useFormatters();
  return useMemo(
    () =>
      helper.columns([
        helper.accessor("filed", {
          id: "filed",
          meta: { label: t("filed"), className: "whitespace-nowrap" },
          cell: (info) => {
            const value = info.getValue();
            return value ? fmt.partial(value) : <span className="text-muted-foreground">{t("notFiled")}</span>;
          },
        }),
        helper.accessor("caseRef", {
          id: "case",
          enableSorting: false,
          enableHiding: false,
          meta: { label: t("case"), className: "min-w-44" },
          cell: ({ row }) => (
            <div className="grid gap-0.5">
              <span className="flex flex-wrap items-center gap-2">
                <Link href={`/cases/${row.original.caseRef}`} className="font-medium hover:underline">
                  {row.original.caseName}
                </Link>
                {row.original.caseRestricted ? <Badge variant="warning">{t("restricted")}</Badge> : null}
              </span>
              <span className="font-mono text-muted-foreground text-xs">{row.original.caseRef}</span>
            </div>
          ),
        }),
        helper.accessor("petitioner", {
          id: "petitioner",
          enableSorting: false,
          meta: { label: t("petitioner"), className: "min-w-40" },
        }),
        helper.accessor("addressee", {
          id: "addressee",
          enableSorting: false,
          meta: { label: t("addressee"), className: "min-w-40" },
        }),
        helper.accessor("asks", {
          id: "asks",
          meta: {
            label: t("asks"),
            filter: {
              kind: "multi",
              param: "asks",
              label: t("asks"),
              options: PETITION_ASKS.map((a) => ({ value: a, label: tAsk(a) })),
            },
          },
          cell: (info) => tAsk(info.getValue()),
        }),
        helper.accessor("state", {
          id: "state",
          meta: {
            label: t("state"),
            filter: {
              kind: "multi",
              param: "state",
              label: t("state"),
              options: PETITION_STATES.map((s) => ({ value: s, label: tState(s) })),
            },
          },
          cell: (info) => tState(info.getValue()),
        }),
        helper.accessor("answerDue", {
          id: "due",
          meta: {
            label: t("answerDue"),
            className: "whitespace-nowrap",
            filter: {
              kind: "select",
              param: "answer",
              label: t("answerDue"),
              allLabel: t("answerAny"),
              options: ANSWER_VIEWS.map((v) => ({ value: v, label: t(ANSWER_LABEL_KEYS[v]) })),
            },
          },
          cell: ({ row }) => {
            const day = row.original.answerDue;
            if (!day) return <span className="text-muted-foreground">—</span>;
            const awaiting = AWAITING_PETITION_STATES.includes(row.original.state);
            const days = daysUntil(day, today);
            return (
              <div className="grid gap-0.5">
                <span>{fmt.day(day)}</span>
                {awaiting ? (
                  <span className={cn("text-xs", days <= 0 ? "font-medium text-destructive" : "text-muted-foreground")}>
                    {days < 0 ? t("overdueBy", { days: -days }) : days === 0 ? t("dueToday") : t("dueIn", { days })}
                  </span>
                ) : null}
              </div>
            );
          },
        }),
      ]),
    [t, tState, tAsk, fmt, today],
  );
}

/** The /petitions table: every petition the user may read, its view kept in the URL. */
export function PetitionsTable({
  pagePromise,
  today,
}: {
  pagePromise: Promise<ListPage<PetitionListRow>>;
  today: string;
}) {
  const page = use(pagePromise);
  const t = useTranslations("Petitions");
  const columns = usePetitionColumns(today);
  const controller = useDataTable({
    data: page.rows,
    columns,
    getRowId: rowId,
    parsers: petitionListParsers,
    filterKeys: PETITION_FILTER_KEYS,
    sortOf,
  });
  return (
    <DataTable
      controller={controller}
      page={page}
      caption={t("caption")}
      emptyMessage={t("empty")}
      testId="petitions-table"
    >
      <DataTableToolbar controller={controller} searchLabel={t("searchLabel")} />
    </DataTable>
  );
}
