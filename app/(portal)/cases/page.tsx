import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { Button } from "@/components/ui/button";
import { caseListFacets, searchCases } from "@/db/dal/case-list";
import { requireActorOrRedirect } from "@/db/dal/session";
import { todayIso } from "@/lib/partial-date";
import { can } from "@/lib/permissions";
import { loadCaseListParams } from "@/lib/schemas/case-list";
import { CasesTable } from "./_components/cases-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("CasesList"))("title") };
}

/**
 * The cases list: search, filters, sort and position come from the URL (the same parsers as the
 * client table), the queries start here and stream to the table, which re-renders this page on
 * every change of view.
 */
export default async function CasesPage({ searchParams }: PageProps<"/cases">) {
  const actor = await requireActorOrRedirect();
  const params = await loadCaseListParams(searchParams);
  const today = todayIso();
  const page = searchCases(actor, params, { today });
  const facets = caseListFacets(actor);
  const t = await getTranslations("CasesList");
  const tTable = await getTranslations("DataTable");
  return (
    <div className="grid gap-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-muted-foreground">{t("description")}</p>
        </div>
        {can(actor.role, "case:create") ? (
          <Button asChild size="sm">
            <Link href="/cases/new">
              <Plus aria-hidden />
              {t("newCase")}
            </Link>
          </Button>
        ) : null}
      </header>
      <Suspense fallback={<DataTableSkeleton columns={10} label={tTable("loading")} />}>
        <CasesTable
          pagePromise={page}
          facetsPromise={facets}
          today={today}
          canFilterRestricted={can(actor.role, "case:read-restricted")}
        />
      </Suspense>
    </div>
  );
}
