import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { getCaseForEdit } from "@/db/dal/cases";
import { DalError } from "@/db/dal/errors";
import { requireActorOrRedirect } from "@/db/dal/session";
import { CaseForm } from "../../_form/case-form";

export async function generateMetadata({ params }: PageProps<"/cases/[ref]/edit">): Promise<Metadata> {
  const { ref } = await params;
  return { title: (await getTranslations("CaseForm"))("editTitle", { ref }) };
}

export default async function EditCasePage({ params }: PageProps<"/cases/[ref]/edit">) {
  const { ref } = await params;
  const actor = await requireActorOrRedirect();
  const t = await getTranslations("CaseForm");
  let loaded: Awaited<ReturnType<typeof getCaseForEdit>>;
  try {
    loaded = await getCaseForEdit(actor, decodeURIComponent(ref));
  } catch (error) {
    if (error instanceof DalError && error.code === "NOT_FOUND") notFound();
    if (error instanceof DalError && error.code === "FORBIDDEN") {
      return <Alert variant="destructive">{error.message}</Alert>;
    }
    throw error;
  }
  return (
    <div className="grid max-w-4xl gap-4">
      <h1 className="text-2xl font-semibold">{t("editTitle", { ref: loaded.ref })}</h1>
      {/* key: a reload after a conflict remounts the form with the newer version */}
      <CaseForm
        key={loaded.version}
        mode={{ kind: "edit", ref: loaded.ref, version: loaded.version }}
        defaultValues={loaded.values}
      />
    </div>
  );
}
