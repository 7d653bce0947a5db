"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Errors");
  return (
    <main className="mx-auto grid max-w-lg gap-3 p-10 text-center">
      <p>{t("unexpected")}</p>
      <Button onClick={reset} className="justify-self-center">
        {t("retry")}
      </Button>
    </main>
  );
}
