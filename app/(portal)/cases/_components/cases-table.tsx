"use client";

import { useTranslations } from "next-intl";
import { use, useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import type { DataTableFilter } from "@/components/data-table/types";
import { useDataTable } from "@/components/data-table/use-data-table";
import type { CaseListFacets, CaseListRow } from "@/db/dal/case-list";
import type { ListPage } from "@/db/dal/lists";
import { CASE_FILTER_KEYS, type CaseSort, caseListParsers, effectiveCaseSort } from "@/lib/schemas/case-list";
import type { SortState } from "@/lib/schemas/lists";
import { useCaseColumns } from "./case-columns";

const rowId = (row: CaseListRow) => row.id;
const sortOf = (params: Record<string, unknown>) =>
  effectiveCaseSort({ q: String(params.q ?? ""), sort: (params.sort as SortState<CaseSort> | null) ?? null });

/** The /cases table: reads the page the server started loading, keeps its view in the URL. */
export function CasesTable({
  pagePromise,
  facetsPromise,
  today,
  canFilterRestricted,
}: {
  pagePromise: Promise<ListPage<CaseListRow>>;
  facetsPromise: Promise<CaseListFacets>;
  /** YYYY-MM-DD, from the server, so that "days left" is the same in both renders. */
  today: string;
  /** Offer the restricted filter only to roles that see restricted cases by role. */
  canFilterRestricted: boolean;
}) {
  const page = use(pagePromise);
  const facets = use(facetsPromise);
  const t = useTranslations("CasesList");
  const columns = useCaseColumns({ today, facets });
  const controller = useDataTable({
    data: page.rows,
    columns,
    getRowId: rowId,
    parsers: caseListParsers,
    filterKeys: CASE_FILTER_KEYS,
    sortOf,
  });
  const filters = useMemo<DataTableFilter[]>(
    () => [
      { kind: "toggle", param: "mine", label: t("mine") },
      ...(canFilterRestricted
        ? [
            {
              kind: "select" as const,
              param: "restricted",
              label: t("restrictedFilter"),
              allLabel: t("restrictedAny"),
              options: [
                { value: "only", label: t("restrictedOnly") },
                { value: "exclude", label: t("restrictedExclude") },
              ],
            },
          ]
        : []),
    ],
    [t, canFilterRestricted],
  );
  return (
    <DataTable
      controller={controller}
      page={page}
      caption={t("caption")}
      emptyMessage={t("empty")}
      testId="cases-table"
    >
      <DataTableToolbar
        controller={controller}
        searchLabel={t("searchLabel")}
        searchPlaceholder={t("searchPlaceholder")}
        filters={filters}
      />
    </DataTable>
  );
}
