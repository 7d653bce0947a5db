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
import type { ContactListRow, ListPage } from "@/db/dal/lists";
import { CONTACT_COUNTERPARTS, CONTACT_KINDS, CONTACT_OUTCOMES } from "@/lib/domain";
import { daysUntil } from "@/lib/partial-date";
import {
  CONTACT_FILTER_KEYS,
  contactListParsers,
  DEFAULT_CONTACT_SORT,
  FOLLOW_UP_VIEWS,
  type FollowUpView,
  type SortState,
} from "@/lib/schemas/lists";
import { cn } from "@/lib/utils";

const helper = createColumnHelper<DataTableFeatures, ContactListRow>();
const rowId = (row: ContactListRow) => row.id;
const sortOf = (params: Record<string, unknown>) => (params.sort as SortState | null) ?? DEFAULT_CONTACT_SORT;
const FOLLOW_UP_LABEL_KEYS: Record<FollowUpView, "followUpOverdue" | "followUpWeek" | "followUpDue"> = {
  overdue: "followUpOverdue",
  week: "followUpWeek",
  due: "followUpDue",
};

function useContactColumns(today: string) {
  const t = useTranslations("Contacts");
  const tKind = useTranslations("ContactKind");
  const tWith = useTranslations("ContactCounterpart");
  const tOutcome = useTranslations("ContactOutcome");
  const fmt = useFormatters();
  return useMemo(
    () =>
      helper.columns([
        helper.accessor("occurred", {
          id: "date",
          meta: { label: t("date"), className: "whitespace-nowrap" },
          cell: (info) => fmt.partial(info.getValue()),
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
        helper.accessor("kind", {
          id: "kind",
          meta: {
            label: t("kind"),
            filter: {
              kind: "multi",
              param: "kind",
              label: t("kind"),
              options: CONTACT_KINDS.map((k) => ({ value: k, label: tKind(k) })),
            },
          },
          cell: (info) => tKind(info.getValue()),
        }),
        helper.accessor("counterpart", {
          id: "with",
          enableSorting: false,
          meta: {
            label: t("with"),
            filter: {
              kind: "multi",
              param: "with",
              label: t("with"),
              options: CONTACT_COUNTERPARTS.map((c) => ({ value: c, label: tWith(c) })),
            },
          },
          cell: (info) => tWith(info.getValue()),
        }),
        helper.accessor("outcome", {
          id: "outcome",
          meta: {
            label: t("outcome"),
            filter: {
              kind: "multi",
              param: "outcome",
              label: t("outcome"),
              options: CONTACT_OUTCOMES.map((o) => ({ value: o, label: tOutcome(o) })),
            },
          },
          cell: (info) => tOutcome(info.getValue()),
        }),
        helper.accessor("followUpOn", {
          id: "followUp",
          meta: {
            label: t("followUp"),
            className: "whitespace-nowrap",
            filter: {
              kind: "select",
              param: "followUp",
              label: t("followUp"),
              allLabel: t("followUpAny"),
              options: FOLLOW_UP_VIEWS.map((v) => ({ value: v, label: t(FOLLOW_UP_LABEL_KEYS[v]) })),
            },
          },
          cell: (info) => {
            const day = info.getValue();
            if (!day) return <span className="text-muted-foreground">—</span>;
            const days = daysUntil(day, today);
            return (
              <div className="grid gap-0.5">
                <span>{fmt.day(day)}</span>
                <span className={cn("text-xs", days <= 0 ? "font-medium text-destructive" : "text-muted-foreground")}>
                  {days < 0 ? t("overdueBy", { days: -days }) : days === 0 ? t("dueToday") : t("dueIn", { days })}
                </span>
              </div>
            );
          },
        }),
        helper.display({
          id: "participants",
          meta: { label: t("participants"), className: "min-w-48 text-xs" },
          cell: ({ row }) => (
            <div className="grid gap-0.5">
              {row.original.ourParticipants ? <span>{t("ours", { names: row.original.ourParticipants })}</span> : null}
              {row.original.theirParticipants ? (
                <span>{t("theirs", { names: row.original.theirParticipants })}</span>
              ) : null}
            </div>
          ),
        }),
        helper.accessor("summary", {
          id: "summary",
          enableSorting: false,
          meta: { label: t("summary"), className: "min-w-64 max-w-md" },
          cell: (info) => <p className="line-clamp-3 text-sm">{info.getValue()}</p>,
        }),
      ]),
    [t, tKind, tWith, tOutcome, fmt, today],
  );
}

/** The /contacts table: every consular contact the user may read, its view kept in the URL. */
export function ContactsTable({
  pagePromise,
  today,
}: {
  pagePromise: Promise<ListPage<ContactListRow>>;
  today: string;
}) {
  const page = use(pagePromise);
  const t = useTranslations("Contacts");
  const columns = useContactColumns(today);
  const controller = useDataTable({
    data: page.rows,
    columns,
    getRowId: rowId,
    parsers: contactListParsers,
    filterKeys: CONTACT_FILTER_KEYS,
    sortOf,
  });
  return (
    <DataTable
      controller={controller}
      page={page}
      caption={t("caption")}
      emptyMessage={t("empty")}
      testId="contacts-table"
    >
      <DataTableToolbar controller={controller} searchLabel={t("searchLabel")} />
    </DataTable>
  );
}
