"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { DataTableFeatures } from "@/components/data-table/types";
import { useFormatters } from "@/components/data-table/use-formatters";
import { Badge } from "@/components/ui/badge";
import type { CaseListFacets, CaseListRow } from "@/db/dal/case-list";
import { CASE_STATUSES, RISK_LEVELS, type RiskLevel } from "@/lib/domain";
import { daysUntil } from "@/lib/partial-date";
import { DUE_WITHIN_CHOICES } from "@/lib/schemas/case-list";
import { cn } from "@/lib/utils";
import { DEADLINE_WARNING_DAYS } from "../_lib/deadline";

const helper = createColumnHelper<DataTableFeatures, CaseListRow>();

const RISK_BADGE: Record<RiskLevel, "outline" | "secondary" | "warning" | "destructive"> = {
  low: "outline",
  medium: "secondary",
  high: "warning",
  critical: "destructive",
};

/**
 * The /cases columns. Each id is also its sort key in the URL (lib/schemas/case-list.ts), and each
 * filterable column carries its filter in `meta`, from which the toolbar builds itself.
 */
export function useCaseColumns({ today, facets }: { today: string; facets: CaseListFacets }) {
  const t = useTranslations("CasesList");
  const tStatus = useTranslations("Status");
  const tRisk = useTranslations("Risk");
  const fmt = useFormatters();

  return useMemo(() => {
    const countryOptions = (codes: string[]) =>
      [...codes].sort(fmt.compareCountries).map((code) => ({ value: code, label: `${fmt.country(code)} (${code})` }));
    return helper.columns([
      helper.accessor("ref", {
        id: "ref",
        meta: { label: t("ref"), className: "whitespace-nowrap font-mono text-xs" },
        cell: (info) => (
          <Link href={`/cases/${info.getValue()}`} className="text-primary underline-offset-2 hover:underline">
            {info.getValue()}
          </Link>
        ),
      }),
      helper.accessor("fullName", {
        id: "name",
        enableHiding: false,
        meta: { label: t("name"), className: "min-w-48" },
        cell: ({ row }) => (
          <div className="grid gap-0.5">
            <span className="flex flex-wrap items-center gap-2">
              <Link href={`/cases/${row.original.ref}`} className="font-medium hover:underline">
                {row.original.fullName}
              </Link>
              {row.original.restricted ? <Badge variant="warning">{t("restricted")}</Badge> : null}
            </span>
            {row.original.nativeName ? (
              <span className="text-muted-foreground text-xs">{row.original.nativeName}</span>
            ) : null}
          </div>
        ),
      }),
      helper.accessor("status", {
        id: "status",
        meta: {
          label: t("status"),
          filter: {
            kind: "multi",
            param: "status",
            label: t("status"),
            options: CASE_STATUSES.map((s) => ({ value: s, label: tStatus(s) })),
          },
        },
        cell: (info) => tStatus(info.getValue()),
      }),
      helper.accessor("detainingCountry", {
        id: "country",
        meta: {
          label: t("country"),
          filter: {
            kind: "select",
            param: "country",
            label: t("country"),
            allLabel: t("anyCountry"),
            options: countryOptions(facets.countries),
          },
        },
        cell: (info) => <span title={info.getValue()}>{fmt.country(info.getValue())}</span>,
      }),
      helper.accessor("nationality", {
        id: "nationality",
        meta: {
          label: t("nationality"),
          filter: {
            kind: "select",
            param: "nationality",
            label: t("nationality"),
            allLabel: t("anyNationality"),
            options: countryOptions(facets.nationalities),
          },
        },
        cell: (info) => {
          const code = info.getValue();
          return code ? <span title={code}>{fmt.country(code)}</span> : <Muted>{t("none")}</Muted>;
        },
      }),
      helper.accessor("facility", {
        id: "facility",
        meta: {
          label: t("facility"),
          filter: { kind: "text", param: "facility", label: t("facility"), placeholder: t("facilityPlaceholder") },
        },
        cell: ({ row }) => {
          const place = [row.original.facility, row.original.facilityCity].filter(Boolean).join(", ");
          return place || <Muted>{t("none")}</Muted>;
        },
      }),
      helper.accessor("riskLevel", {
        id: "risk",
        meta: {
          label: t("risk"),
          filter: {
            kind: "multi",
            param: "risk",
            label: t("risk"),
            options: RISK_LEVELS.map((r) => ({ value: r, label: tRisk(r) })),
          },
        },
        cell: (info) => <Badge variant={RISK_BADGE[info.getValue()]}>{tRisk(info.getValue())}</Badge>,
      }),
      helper.accessor("nextDeadline", {
        id: "deadline",
        meta: {
          label: t("deadline"),
          className: "whitespace-nowrap",
          filter: {
            kind: "select",
            param: "due",
            label: t("dueFilter"),
            allLabel: t("dueAny"),
            options: DUE_WITHIN_CHOICES.map((days) => ({ value: String(days), label: t("dueWithin", { days }) })),
            toParam: Number,
          },
        },
        cell: (info) => {
          const day = info.getValue();
          if (!day) return <Muted>{t("none")}</Muted>;
          const days = daysUntil(day, today);
          const urgent = days <= DEADLINE_WARNING_DAYS;
          return (
            <div className="grid gap-0.5">
              <span>{fmt.day(day)}</span>
              <span
                className={cn("text-xs", urgent ? "font-medium text-destructive" : "text-muted-foreground")}
                data-urgent={urgent || undefined}
              >
                {days < 0 ? t("overdue", { days: -days }) : t("daysLeft", { days })}
              </span>
            </div>
          );
        },
      }),
      helper.accessor("detained", {
        id: "detained",
        meta: { label: t("detained"), className: "whitespace-nowrap" },
        cell: (info) => {
          const value = info.getValue();
          return value ? fmt.partial(value) : <Muted>{fmt.partial(null)}</Muted>;
        },
      }),
      helper.accessor("assigned", {
        id: "assigned",
        enableSorting: false,
        meta: { label: t("assigned") },
        cell: (info) => {
          const people = info.getValue();
          return people.length ? people.map((p) => p.name).join(", ") : <Muted>{t("unassigned")}</Muted>;
        },
      }),
    ]);
  }, [t, tStatus, tRisk, fmt, today, facets]);
}

function Muted({ children }: { children: React.ReactNode }) {
  return <span className="text-muted-foreground">{children}</span>;
}
