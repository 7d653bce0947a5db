import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActorOrRedirect } from "@/db/dal/session";
import { can } from "@/lib/permissions";
import { EMPTY_CASE_FORM } from "@/lib/schemas/case";
import { CaseForm } from "../_form/case-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("CaseForm"))("newTitle") };
}

export default async function NewCasePage() {
  const actor = await requireActorOrRedirect();
  if (!can(actor.role, "case:create")) notFound();
  const t = await getTranslations("CaseForm");
  return (
    <div className="grid max-w-4xl gap-4">
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <CaseForm mode={{ kind: "create" }} defaultValues={EMPTY_CASE_FORM} />
    </div>
  );
}
