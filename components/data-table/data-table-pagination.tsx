"use client";

import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { LAST_PAGE, PAGE_SIZES } from "@/lib/schemas/lists";
import type { DataTablePage } from "./types";

/**
 * Moves through a keyset-paged list: first, previous, next, last, and the page size. There are no
 * page numbers: a position is a cursor (a row's sort key), which stays fast at any depth and does
 * not shift when rows are added ahead of it. The total is counted up to a cap ("more than 1,000").
 */
export function DataTablePagination({
  page,
  size,
  onCursor,
  onSize,
}: {
  page: DataTablePage<unknown>;
  size: number;
  onCursor: (cursor: string | null) => void;
  onSize: (size: number) => void;
}) {
  const t = useTranslations("DataTable");
  const sizeId = useId();
  const hasPrev = page.prevCursor !== null;
  const hasNext = page.nextCursor !== null;
  return (
    <nav
      aria-label={t("pagination")}
      className="flex flex-wrap items-center justify-between gap-3 text-sm"
      data-testid="data-table-pagination"
    >
      <p className="text-muted-foreground" data-testid="data-table-total" aria-live="polite">
        {page.total.exact ? t("results", { count: page.total.value }) : t("resultsMore", { count: page.total.value })}
      </p>
      <div className="flex items-center gap-4">
        <div className="flex items-center gap-2">
          <label htmlFor={sizeId} className="text-muted-foreground">
            {t("rowsPerPage")}
          </label>
          <select
            id={sizeId}
            value={size}
            onChange={(e) => onSize(Number(e.target.value))}
            className="h-8 rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-1">
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            disabled={!hasPrev}
            onClick={() => onCursor(null)}
            aria-label={t("firstPage")}
          >
            <ChevronsLeft aria-hidden />
          </Button>
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            disabled={!hasPrev}
            onClick={() => onCursor(page.prevCursor)}
            aria-label={t("previousPage")}
          >
            <ChevronLeft aria-hidden />
          </Button>
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            disabled={!hasNext}
            onClick={() => onCursor(page.nextCursor)}
            aria-label={t("nextPage")}
          >
            <ChevronRight aria-hidden />
          </Button>
          <Button
            variant="outline"
            size="icon"
            className="size-8"
            disabled={!hasNext}
            onClick={() => onCursor(LAST_PAGE)}
            aria-label={t("lastPage")}
          >
            <ChevronsRight aria-hidden />
          </Button>
        </div>
      </div>
    </nav>
  );
}
