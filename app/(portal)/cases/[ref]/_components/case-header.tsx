import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { Actor } from "@/db/dal/actor";
import type { getCase } from "@/db/dal/cases";
import type { LinkedCase } from "@/db/dal/timeline";
import { countryName } from "@/lib/countries";
import { getDateFormatters } from "@/lib/i18n/dates";
import { daysUntil, type PartialDate } from "@/lib/partial-date";
import { cn } from "@/lib/utils";
import { AssignmentPanel } from "../_assign/assignment-panel";
import { UnlinkButton } from "./link-case-form";

type CaseDetails = Awaited<ReturnType<typeof getCase>>;

/** Deadlines this close (in days) or past are shown in red. */
const URGENT_DAYS = 7;

/**
 * The case at a glance: who, where, the current status and risk, the next deadline with the days
 * left, who is assigned, whether it is restricted, and the cases linked to it.
 */
export async function CaseHeader({
  actor,
  c,
  linked,
  today,
  statusSince,
  lastContact,
}: {
  actor: Actor;
  c: CaseDetails;
  linked: LinkedCase[];
  /** YYYY-MM-DD: the day the days left are counted from. */
  today: string;
  /**
   * When the current status began and when the last contact took place, as precisely as the
   * timeline knows them ("early Mar 2024"), rather than the representative days the case row keeps.
   */
  statusSince: PartialDate | null;
  lastContact: PartialDate | null;
}) {
  const t = await getTranslations("CaseHeader");
  const status = await getTranslations("Status");
  const risk = await getTranslations("Risk");
  const linkKind = await getTranslations("LinkKind");
  const locale = await getLocale();
  const dates = await getDateFormatters();
  const days = c.nextDeadline ? daysUntil(c.nextDeadline, today) : null;
  const place = [c.facility, c.facilityCity].filter(Boolean).join(", ");
  const detained =
    c.detainedOn && c.detainedPrecision
      ? { on: c.detainedOn, precision: c.detainedPrecision, approx: c.detainedApprox }
      : null;

  return (
    <header className="grid gap-4 border-b pb-4" data-testid="case-header">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="grid gap-1">
          <p className="font-mono text-xs text-muted-foreground" data-testid="case-ref">
            {c.ref}
          </p>
          <h1 className="text-2xl font-semibold">
            {c.fullName}
            {c.nativeName ? (
              <span className="ml-3 font-normal text-muted-foreground" lang="und">
                {c.nativeName}
              </span>
            ) : null}
          </h1>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Badge data-testid="case-status">{status(c.status)}</Badge>
            {statusSince ? (
              <span className="text-muted-foreground">{t("since", { date: dates.partial(statusSince) })}</span>
            ) : null}
            <Badge
              variant={c.riskLevel === "critical" || c.riskLevel === "high" ? "destructive" : "secondary"}
              data-testid="case-risk"
            >
              {t("risk", { level: risk(c.riskLevel) })}
            </Badge>
            {c.restricted ? (
              <Badge variant="warning" data-testid="restricted-marker">
                {t("restricted")}
              </Badge>
            ) : null}
            {!c.isOpen ? <Badge variant="outline">{t("closed")}</Badge> : null}
          </div>
        </div>
        {c.canWrite ? (
          <Button asChild variant="outline">
            <Link href={`/cases/${encodeURIComponent(c.ref)}/edit`}>{t("edit")}</Link>
          </Button>
        ) : null}
      </div>

      <dl className="grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <dt className="text-muted-foreground">{t("detainingCountry")}</dt>
          <dd data-testid="detaining-country">{countryName(c.detainingCountry, locale)}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">{t("place")}</dt>
          <dd>{place || t("unknown")}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">{t("detained")}</dt>
          <dd>{dates.partial(detained)}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">{t("nextDeadline")}</dt>
          <dd data-testid="next-deadline">
            {c.nextDeadline && days !== null ? (
              <>
                <span className={cn(days <= URGENT_DAYS && "font-semibold text-destructive")}>
                  {dates.day(c.nextDeadline)} (
                  {days === 0 ? t("today") : days > 0 ? t("daysLeft", { days }) : t("overdue", { days: -days })})
                </span>
                {c.nextDeadlineNote ? (
                  <span className="block text-muted-foreground line-clamp-2">{c.nextDeadlineNote}</span>
                ) : null}
              </>
            ) : (
              t("none")
            )}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">{t("lastContact")}</dt>
          <dd>{lastContact ? dates.partial(lastContact) : t("never")}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">{t("allegations")}</dt>
          <dd>
            {c.allegations ?? t("unknown")}
            {c.chargesClassified ? (
              <Badge variant="outline" className="ml-2">
                {t("classified")}
              </Badge>
            ) : null}
          </dd>
        </div>
        {/* Names for everyone; assignment controls for coordinators and admins (../_assign). */}
        <div data-testid="assigned-slot">
          <dt className="text-muted-foreground">{t("assigned")}</dt>
          <dd>
            <AssignmentPanel actor={actor} caseRef={c.ref} assigned={c.assigned} nobodyLabel={t("nobodyAssigned")} />
          </dd>
        </div>
        <div className="sm:col-span-2 lg:col-span-3">
          <dt className="text-muted-foreground">{t("linkedCases")}</dt>
          <dd>
            {linked.length ? (
              <ul className="grid gap-1" data-testid="linked-cases">
                {linked.map((l) => (
                  <li key={l.ref} className="flex min-w-0 items-center gap-2">
                    <Link href={`/cases/${encodeURIComponent(l.ref)}`} className="shrink-0 text-primary underline">
                      {l.ref} {l.fullName}
                      {l.nativeName ? ` (${l.nativeName})` : ""}
                    </Link>
                    <Badge variant="outline" className="shrink-0">
                      {linkKind(l.kind)}
                    </Badge>
                    {l.note ? (
                      <span className="min-w-0 truncate text-muted-foreground" title={l.note}>
                        {l.note}
                      </span>
                    ) : null}
                    {c.canWrite ? <UnlinkButton caseRef={c.ref} otherRef={l.ref} /> : null}
                  </li>
                ))}
              </ul>
            ) : (
              t("noLinks")
            )}
          </dd>
        </div>
      </dl>
    </header>
  );
}
