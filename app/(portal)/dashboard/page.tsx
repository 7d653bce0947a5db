import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CountrySelect } from "@/components/forms/country-select";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { readableDetainingCountries } from "@/db/dal/case-list";
import { DASHBOARD_LISTS, DASHBOARD_PREVIEW_ROWS, type DashboardList, getDashboard } from "@/db/dal/dashboard";
import { requireActorOrRedirect } from "@/db/dal/session";
import { countryName, isCountryCode } from "@/lib/countries";
import { getDateFormatters } from "@/lib/i18n/dates";
import { dateLocale } from "@/lib/i18n/format-locale";
import { can } from "@/lib/permissions";
import { getToday } from "@/lib/server/clock";
import { CaseLink } from "./_components/case-link";
import {
  CaseloadTable,
  DeadlinesTable,
  FollowUpsTable,
  PetitionsOverdueTable,
  QuietTable,
} from "./_components/case-tables";
import { DaysLeft } from "./_components/days-left";
import { FigureChartTable, PerMonthFigure } from "./_components/figure-tables";
import { casesHref, dashboardHref } from "./_lib";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Dashboard"))("title") };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 20);
const day = (v?: string) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : null);

/** A figure as a chart and, for everyone and every screen reader, as a table of links. */
function ChartCard({
  title,
  rows,
  labelHeader,
  vertical,
  testId,
}: {
  title: string;
  rows: Array<{ label: string; value: number; href: string }>;
  labelHeader: string;
  vertical?: boolean;
  testId: string;
}) {
  return (
    <Card data-testid={testId}>
      <CardHeader className="pb-2">
        <CardTitle>
          <h2 className="text-base">{title}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        <FigureChartTable
          caption={title}
          labelHeader={labelHeader}
          vertical={vertical}
          rows={rows.map((r) => ({ id: r.label, ...r }))}
        />
      </CardContent>
    </Card>
  );
}

export default async function DashboardPage({ searchParams }: PageProps<"/dashboard">) {
  const actor = await requireActorOrRedirect();
  const sp = await searchParams;
  const countryParam = first(sp.country)?.toUpperCase();
  const quietParam = Number(first(sp.quiet));
  const filter = {
    today: await getToday(),
    country: countryParam && isCountryCode(countryParam) ? countryParam : null,
    detainedFrom: day(first(sp.from)),
    detainedTo: day(first(sp.to)),
    quietDays: Number.isInteger(quietParam) && quietParam > 0 && quietParam <= 3650 ? quietParam : 30,
  };
  const showParam = first(sp.show);
  const show = DASHBOARD_LISTS.find((l) => l === showParam) ?? null;
  const [data, countriesWithCases] = await Promise.all([
    getDashboard(actor, filter, { preview: DASHBOARD_PREVIEW_ROWS, expanded: show }),
    readableDetainingCountries(actor),
  ]);
  const t = await getTranslations("Dashboard");
  const status = await getTranslations("Status");
  const risk = await getTranslations("Risk");
  const locale = await getLocale();
  const dates = await getDateFormatters();
  const mine = !can(actor.role, "dashboard:all");
  const base = { mine, country: filter.country };
  const monthFormat = new Intl.DateTimeFormat(dateLocale(locale), { month: "short", year: "2-digit", timeZone: "UTC" });
  /**
   * A list's rows as shown, and the link that shows the rest (or hides it again). A list not shown
   * in full comes with one row more than the preview when it has more.
   */
  const capped = <T,>(list: DashboardList, rows: T[], preview = DASHBOARD_PREVIEW_ROWS) => {
    const expanded = show === list;
    return {
      rows: expanded ? rows : rows.slice(0, preview),
      more:
        rows.length > preview ? (
          <Link
            href={`${dashboardHref(filter, expanded ? null : list)}#${list}`}
            className="mt-2 inline-block text-sm text-primary underline"
            data-testid={`${list}-more`}
          >
            {expanded ? t("showFirst", { count: preview }) : t("showAll")}
          </Link>
        ) : null,
    };
  };
  const highRisk = capped("high-risk", data.highRisk);
  const quiet = capped("quiet", data.quiet);
  const deadlines = capped("deadlines", data.deadlines);
  const followUps = capped("follow-ups", data.followUps);
  const petitionsOverdue = capped("petitions", data.petitionsOverdue);
  const caseload = capped("caseload", data.caseload);

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">
          {t("title")}: {mine ? t("mine") : t("all")}
        </h1>
        <p className="text-sm text-muted-foreground" data-testid="dashboard-today">
          {t("asOf", { date: dates.day(data.today) })}
        </p>
      </div>

      <section
        id="high-risk"
        aria-labelledby="high-risk-heading"
        className="rounded-lg border-2 border-destructive/60 bg-destructive/5 p-4"
        data-testid="high-risk"
      >
        <h2 id="high-risk-heading" className="mb-2 text-lg font-semibold text-destructive">
          {t("highRisk")} ({data.highRiskTotal})
        </h2>
        {data.highRiskTotal === 0 ? (
          <p className="text-sm">{t("highRiskNone")}</p>
        ) : (
          <ul className="grid gap-1 md:grid-cols-2">
            {highRisk.rows.map((c) => (
              <li key={c.ref} className="flex flex-wrap items-center gap-2 text-sm">
                <Badge variant={c.riskLevel === "critical" ? "destructive" : "warning"}>{risk(c.riskLevel)}</Badge>
                <CaseLink caseRef={c.ref} fullName={c.fullName} nativeName={c.nativeName} />
                <span className="text-muted-foreground">{status(c.status)}</span>
                {c.due ? <DaysLeft days={c.daysLeft} t={t} /> : null}
              </li>
            ))}
          </ul>
        )}
        {highRisk.more}
      </section>

      <form
        method="get"
        className="grid gap-3 rounded-lg border p-4 md:grid-cols-5 md:items-end"
        aria-label={t("filters")}
      >
        <div className="grid gap-1.5">
          <Label htmlFor="d-country">{t("country")}</Label>
          <CountrySelect
            id="d-country"
            name="country"
            defaultValue={filter.country ?? ""}
            emptyLabel={t("anyCountry")}
            only={filter.country ? [...countriesWithCases, filter.country] : countriesWithCases}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="d-from">{t("detainedFrom")}</Label>
          <Input id="d-from" type="date" name="from" defaultValue={filter.detainedFrom ?? ""} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="d-to">{t("detainedTo")}</Label>
          <Input id="d-to" type="date" name="to" defaultValue={filter.detainedTo ?? ""} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="d-quiet">{t("quietDays")}</Label>
          <Input id="d-quiet" type="number" min={1} max={3650} name="quiet" defaultValue={filter.quietDays} />
        </div>
        <div className="flex gap-2">
          <Button type="submit">{t("apply")}</Button>
          <Button variant="outline" asChild>
            <Link href="/dashboard">{t("clear")}</Link>
          </Button>
        </div>
      </form>

      <p className="text-lg">
        {t("openCases")}:{" "}
        <Link href={casesHref(base)} className="font-semibold text-primary underline" data-testid="open-cases-total">
          {data.totalOpen}
        </Link>
      </p>

      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard
          testId="by-status"
          title={t("byStatus")}
          labelHeader={t("byStatus")}
          vertical
          rows={data.byStatus.map((r) => ({
            label: status(r.key),
            value: r.n,
            href: casesHref(base, { status: r.key }),
          }))}
        />
        <ChartCard
          testId="by-country"
          title={t("byCountry")}
          labelHeader={t("country")}
          vertical
          rows={data.byCountry.map((r) => ({
            label: countryName(r.key, locale),
            value: r.n,
            href: casesHref(base, { country: r.key }),
          }))}
        />
        <ChartCard
          testId="by-facility"
          title={t("byFacility")}
          labelHeader={t("byFacility")}
          vertical
          rows={data.byFacility.map((r) => ({
            label: [r.key, r.city].filter(Boolean).join(", ") || t("unknownFacility"),
            value: r.n,
            href: casesHref(base, { place: r.key, city: r.city }),
          }))}
        />
        <ChartCard
          testId="by-risk"
          title={t("byRisk")}
          labelHeader={t("byRisk")}
          rows={[...data.byRisk]
            .sort(
              (a, b) =>
                ["critical", "high", "medium", "low"].indexOf(a.key) -
                ["critical", "high", "medium", "low"].indexOf(b.key),
            )
            .map((r) => ({ label: risk(r.key), value: r.n, href: casesHref(base, { risk: r.key }) }))}
        />
      </div>

      <Card data-testid="per-month">
        <CardHeader className="pb-2">
          <CardTitle>
            <h2 className="text-base">{t("perMonth")}</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3">
          <PerMonthFigure
            showTable={t("showTable")}
            rows={data.perMonth.map((m) => ({
              id: m.month,
              month: m.month,
              n: m.n,
              label: monthFormat.format(new Date(`${m.month}-01T00:00:00Z`)),
            }))}
          />
        </CardContent>
      </Card>

      <section id="quiet" aria-labelledby="quiet-heading" data-testid="quiet">
        <h2 id="quiet-heading" className="mb-2 text-lg font-semibold">
          {t("quiet", { days: filter.quietDays })}
        </h2>
        {data.quiet.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("quietNone", { days: filter.quietDays })}</p>
        ) : (
          <QuietTable
            caption={t("quiet", { days: filter.quietDays })}
            rows={quiet.rows.map((c) => ({
              id: c.ref,
              ref: c.ref,
              fullName: c.fullName,
              nativeName: c.nativeName,
              lastContact: c.lastContactOn ? dates.day(c.lastContactOn) : t("neverContacted"),
              lastContactSort: c.lastContactOn ?? "",
              silentDays: c.silentDays,
            }))}
          />
        )}
        {quiet.more}
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section id="deadlines" aria-labelledby="deadlines-heading" data-testid="deadlines">
          <h2 id="deadlines-heading" className="mb-2 text-lg font-semibold">
            {t("deadlines")}
          </h2>
          {data.deadlines.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("deadlinesNone")}</p>
          ) : (
            <DeadlinesTable
              rows={deadlines.rows.map((c) => ({
                id: c.ref,
                ref: c.ref,
                fullName: c.fullName,
                nativeName: c.nativeName,
                note: c.note ?? null,
                due: dates.day(c.due),
                dueSort: c.due ?? "",
                daysLeft: c.daysLeft,
              }))}
            />
          )}
          {deadlines.more}
        </section>
        <section id="follow-ups" aria-labelledby="followups-heading" data-testid="follow-ups">
          <h2 id="followups-heading" className="mb-2 text-lg font-semibold">
            {t("followUps")}
          </h2>
          {data.followUps.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("followUpsNone")}</p>
          ) : (
            <FollowUpsTable
              rows={followUps.rows.map((c) => ({
                id: `${c.ref}-${c.due}`,
                ref: c.ref,
                fullName: c.fullName,
                nativeName: c.nativeName,
                due: dates.day(c.due),
                dueSort: c.due ?? "",
                daysLeft: c.daysLeft,
              }))}
            />
          )}
          {followUps.more}
        </section>
      </div>

      <section id="petitions" aria-labelledby="petitions-heading" data-testid="petitions-overdue">
        <h2 id="petitions-heading" className="mb-2 text-lg font-semibold">
          {t("petitionsOverdue")}
        </h2>
        {data.petitionsOverdue.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("petitionsOverdueNone")}</p>
        ) : (
          <PetitionsOverdueTable
            rows={petitionsOverdue.rows.map((p) => ({
              id: `${p.ref}-${p.petitioner}-${p.due}`,
              ref: p.ref,
              fullName: p.fullName,
              nativeName: p.nativeName,
              petitioner: p.petitioner,
              addressee: p.addressee,
              due: dates.day(p.due),
              dueSort: p.due ?? "",
              daysLeft: p.daysLeft,
            }))}
          />
        )}
        {petitionsOverdue.more}
      </section>

      <section id="caseload" aria-labelledby="caseload-heading" data-testid="caseload">
        <h2 id="caseload-heading" className="mb-2 text-lg font-semibold">
          {t("caseload")}
        </h2>
        <CaseloadTable
          rows={caseload.rows.map((c) => ({ id: c.id, name: c.name, openCases: c.openCases, overdue: c.overdue }))}
        />
        {caseload.more}
      </section>
    </div>
  );
}
