import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { getCase } from "@/db/dal/cases";
import { DalError } from "@/db/dal/errors";
import { requireActorOrRedirect } from "@/db/dal/session";
import { getDateFormatters } from "@/lib/i18n/dates";
import { daysUntil, todayIso } from "@/lib/partial-date";

async function load(ref: string) {
  const actor = await requireActorOrRedirect();
  try {
    return await getCase(actor, ref);
  } catch (error) {
    if (error instanceof DalError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: PageProps<"/cases/[ref]">): Promise<Metadata> {
  const { ref } = await params;
  return { title: ref };
}

export default async function CasePage({ params }: PageProps<"/cases/[ref]">) {
  const { ref } = await params;
  const c = await load(decodeURIComponent(ref));
  const t = await getTranslations("Case");
  const status = await getTranslations("Status");
  const risk = await getTranslations("Risk");
  const dates = await getDateFormatters();
  const days = c.nextDeadline ? daysUntil(c.nextDeadline, todayIso()) : null;
  return (
    <article className="grid gap-4">
      <header className="grid gap-2 border-b pb-4">
        <p className="font-mono text-xs text-muted-foreground">{c.ref}</p>
        <h1 className="text-2xl font-semibold">
          {c.fullName}
          {c.nativeName ? <span className="ml-3 font-normal text-muted-foreground">{c.nativeName}</span> : null}
        </h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Badge>{status(c.status)}</Badge>
          <Badge variant={c.riskLevel === "critical" || c.riskLevel === "high" ? "destructive" : "secondary"}>
            {risk(c.riskLevel)}
          </Badge>
          <span>
            {c.detainingCountry}
            {c.facility ? ` · ${[c.facility, c.facilityCity].filter(Boolean).join(", ")}` : ""}
          </span>
          {c.nextDeadline && days !== null ? (
            <span className={days <= 7 ? "font-semibold text-destructive" : undefined}>
              {dates.day(c.nextDeadline)} ({days >= 0 ? t("daysLeft", { days }) : t("overdue", { days: -days })})
            </span>
          ) : null}
        </div>
        <p className="text-sm text-muted-foreground">
          {t("assigned")}: {c.assigned.length ? c.assigned.map((a) => a.name).join(", ") : t("nobodyAssigned")}
        </p>
      </header>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-muted-foreground">{t("detained")}</dt>
        <dd>
          {dates.partial(
            c.detainedOn && c.detainedPrecision
              ? { on: c.detainedOn, precision: c.detainedPrecision, approx: c.detainedApprox }
              : null,
          )}
        </dd>
        <dt className="text-muted-foreground">{t("allegations")}</dt>
        <dd>{c.allegations ?? "—"}</dd>
      </dl>
    </article>
  );
}
