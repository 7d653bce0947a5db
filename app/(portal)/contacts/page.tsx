import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { DataTableViews } from "@/components/data-table/data-table-views";
import { searchContacts } from "@/db/dal/lists";
import { requireActorOrRedirect } from "@/db/dal/session";
import { todayIso } from "@/lib/partial-date";
import { loadContactListParams } from "@/lib/schemas/lists";
import { ContactsTable } from "./_components/contacts-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Contacts"))("title") };
}

/** Every consular contact on the cases the user may read, with the follow-up views people work from. */
export default async function ContactsPage({ searchParams }: PageProps<"/contacts">) {
  const actor = await requireActorOrRedirect();
  const params = await loadContactListParams(searchParams);
  const today = todayIso();
  const page = searchContacts(actor, params, { today });
  const t = await getTranslations("Contacts");
  const tTable = await getTranslations("DataTable");
  const views = [
    { href: "/contacts", label: t("presetAll"), current: !params.followUp },
    { href: "/contacts?followUp=overdue", label: t("presetOverdue"), current: params.followUp === "overdue" },
    { href: "/contacts?followUp=week", label: t("presetWeek"), current: params.followUp === "week" },
  ];
  return (
    <div className="grid gap-4">
      <header className="grid gap-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </header>
      <DataTableViews label={t("presets")} views={views} />
      <Suspense fallback={<DataTableSkeleton columns={8} label={tTable("loading")} />}>
        <ContactsTable pagePromise={page} today={today} />
      </Suspense>
    </div>
  );
}
