import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("Errors");
  return (
    <main className="mx-auto grid max-w-lg gap-3 p-10 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-muted-foreground">{t("notFound")}</p>
      <Link href="/cases" className="text-primary underline">
        {t("back")}
      </Link>
    </main>
  );
}
