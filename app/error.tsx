"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * What a page shows when rendering failed, most often because the database went away between the
 * proxy's check and the page's query: the same plain "try again in a moment" as the 503 page.
 * Never the error itself (in production Next.js passes only a digest anyway).
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Errors");
  return (
    <main className="mx-auto grid max-w-lg gap-3 p-10 text-center">
      <h1 className="text-2xl font-semibold">{t("unavailableTitle")}</h1>
      <p>{t("unavailable")}</p>
      <Button onClick={reset} className="justify-self-center">
        {t("retry")}
      </Button>
    </main>
  );
}
