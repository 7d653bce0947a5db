"use client";

import type { SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useOptimistic, useTransition } from "react";
import type { SortState } from "@/lib/schemas/lists";
import {
  CASE_TABLE_ROWS,
  type CaseList,
  type CaseParams,
  caseHref,
  DEFAULT_SORTS,
  loadCaseParams,
  type TableSortParam,
  tableSort,
} from "../_lib/search-params";

/**
 * A record table's URL state on the case page: its sort (a header click navigates, and the server
 * answers with the rows in the new order, while the old rows stay, marked busy) and whether it shows
 * every row. Everything else in the URL (the timeline's filter and page, the other tables) stays.
 */
export function useCaseTableSort(param: TableSortParam) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [busy, startTransition] = useTransition();
  const current = useMemo(() => loadCaseParams(searchParams), [searchParams]);
  const [sort, setOptimistic] = useOptimistic(tableSort(current, param));
  const state = useMemo<SortingState>(() => [{ id: sort.id, desc: sort.desc }], [sort.id, sort.desc]);
  // TanStack hands back one of this table's own column ids.
  const change = (picked: SortState) => {
    const next = picked as typeof sort;
    const fallback = DEFAULT_SORTS[param];
    const value = next.id === fallback.id && next.desc === fallback.desc ? null : next;
    startTransition(() => {
      setOptimistic(next);
      router.push(`${pathname}${caseHref({ ...current, [param]: value })}`, { scroll: false });
    });
  };
  return { sort: { state, change }, busy };
}

/**
 * "Show all N" under a list cut to its first rows, or "Show fewer" once all are shown: links, so that
 * the server sends the rows only when they are asked for (and Back undoes it).
 */
export function ShowAllLink({ list, total }: { list: CaseList; total: number }) {
  const t = useTranslations("Records");
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const current: CaseParams = loadCaseParams(searchParams);
  const all = current.show.includes(list);
  if (total <= CASE_TABLE_ROWS) return null;
  const show = all ? current.show.filter((l) => l !== list) : [...current.show, list];
  return (
    <Link
      href={`${pathname}${caseHref({ ...current, show })}`}
      scroll={false}
      className="justify-self-start text-sm text-primary underline"
      data-testid={`show-all-${list}`}
    >
      {all
        ? t("showFewerRows", { count: CASE_TABLE_ROWS })
        : t(list === "sources" ? "showAllSources" : "showAllRows", { count: total })}
    </Link>
  );
}
