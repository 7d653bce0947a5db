import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { DataTableViews } from "@/components/data-table/data-table-views";
import { searchPetitions } from "@/db/dal/lists";
import { requireActorOrRedirect } from "@/db/dal/session";
import { todayIso } from "@/lib/partial-date";
import { loadPetitionListParams } from "@/lib/schemas/lists";
import { PetitionsTable } from "./_components/petitions-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Petitions"))("title") };
}

/** Every petition on the cases the user may read, with the views people work from (answers overdue). */
export default async function PetitionsPage({ searchParams }: PageProps<"/petitions">) {
  const actor = await requireActorOrRedirect();
  const params = await loadPetitionListParams(searchParams);
  const today = todayIso();
  const page = searchPetitions(actor, params, { today });
  const t = await getTranslations("Petitions");
  const tTable = await getTranslations("DataTable");
  const views = [
    { href: "/petitions", label: t("presetAll"), current: !params.answer },
    { href: "/petitions?answer=overdue", label: t("presetOverdue"), current: params.answer === "overdue" },
    { href: "/petitions?answer=awaiting", label: t("presetAwaiting"), current: params.answer === "awaiting" },
  ];
  return (
    <div className="grid gap-4">
      <header className="grid gap-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </header>
      <DataTableViews label={t("presets")} views={views} />
      <Suspense fallback={<DataTableSkeleton columns={7} label={tTable("loading")} />}>
        <PetitionsTable pagePromise={page} today={today} />
      </Suspense>
    </div>
  );
}
