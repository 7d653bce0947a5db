import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { requireActorOrRedirect } from "@/db/dal/session";
import { PasswordForm } from "./_components/password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Account"))("passwordTitle") };
}

export default async function PasswordPage() {
  const actor = await requireActorOrRedirect();
  const t = await getTranslations("Account");
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-semibold">{t("passwordTitle")}</h1>
      {actor.mustChangePassword ? <Alert>{t("mustChange")}</Alert> : null}
      <PasswordForm />
    </div>
  );
}
