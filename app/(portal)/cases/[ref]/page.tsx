import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { getCase } from "@/db/dal/cases";
import { DalError } from "@/db/dal/errors";
import { requireActorOrRedirect } from "@/db/dal/session";
import { getCaseRecord } from "@/db/dal/timeline";
import { getDateFormatters } from "@/lib/i18n/dates";
import { getToday } from "@/lib/server/clock";
import { CaseHeader } from "./_components/case-header";
import { ContactsTable } from "./_components/contacts-table";
import { PetitionsTable } from "./_components/petitions-table";
import { RecordPanel } from "./_components/record-panel";
import { SourcesSection } from "./_components/sources-section";
import { StatusHistoryTable } from "./_components/status-history-table";
import { Timeline } from "./_components/timeline";
import { caseTableOptions, caseTableRows } from "./_lib/case-tables";
import { loadCaseParams, TIMELINE_PAGE_SIZE } from "./_lib/search-params";

export async function generateMetadata({ params }: PageProps<"/cases/[ref]">): Promise<Metadata> {
  const { ref } = await params;
  return { title: decodeURIComponent(ref) };
}

/**
 * One case: its header, the forms that add to its record (for those who may write it), the
 * timeline (filtered and ordered by the URL), the tables of status changes, consular contacts and
 * petitions, and its sources. Both queries check access themselves; an unreadable case is a 404.
 */
export default async function CasePage({ params, searchParams }: PageProps<"/cases/[ref]">) {
  const [{ ref: rawRef }, query] = await Promise.all([params, searchParams]);
  let ref: string;
  try {
    ref = decodeURIComponent(rawRef);
  } catch {
    notFound(); // a malformed %-escape: no such case
  }
  const view = loadCaseParams(query);
  const { kinds, order, after } = view;
  const [actor, tableOptions] = await Promise.all([requireActorOrRedirect(), caseTableOptions(view)]);
  let loaded: [Awaited<ReturnType<typeof getCase>>, Awaited<ReturnType<typeof getCaseRecord>>];
  try {
    loaded = await Promise.all([
      getCase(actor, ref),
      getCaseRecord(actor, ref, { kinds, order, after, limit: TIMELINE_PAGE_SIZE, ...tableOptions }),
    ]);
  } catch (error) {
    if (error instanceof DalError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const [c, record] = loaded;

  const [t, dates, today] = await Promise.all([getTranslations("Records"), getDateFormatters(), getToday()]);
  const retractedLabel = (r: { by: string; at: Date; reason: string } | null) =>
    r ? t("retractedRow", { name: r.by, at: dates.stamp(r.at), reason: r.reason }) : null;
  const tables = await caseTableRows(record, { dates, today, retractedLabel });

  // The current status's and the last contact's dates as precisely as the record knows them.
  const detained =
    c.detainedOn && c.detainedPrecision
      ? { on: c.detainedOn, precision: c.detainedPrecision, approx: c.detainedApprox }
      : null;
  const statusSince = record.statusSince ?? detained;
  const lastContact = record.lastContact;

  const query1 = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const saved = query1(query.saved) === "1";

  return (
    <article className="grid gap-8">
      {saved ? (
        <Alert variant="success" data-testid="saved-banner">
          {t("saved")}
        </Alert>
      ) : null}
      <CaseHeader
        actor={actor}
        c={c}
        linked={record.linkedCases}
        today={today}
        statusSince={statusSince}
        lastContact={lastContact}
      />

      <nav aria-label={t("sectionsLabel")} className="flex flex-wrap gap-4 text-sm">
        <a href="#timeline" className="text-primary underline">
          {t("timeline")}
        </a>
        <a href="#status-history" className="text-primary underline">
          {t("statusHistory")}
        </a>
        <a href="#contacts" className="text-primary underline">
          {t("contacts")}
        </a>
        <a href="#petitions" className="text-primary underline">
          {t("petitions")}
        </a>
        <a href="#sources" className="text-primary underline">
          {t("sources")}
        </a>
      </nav>

      {c.canWrite ? <RecordPanel caseRef={c.ref} /> : null}

      <Timeline
        caseRef={c.ref}
        items={record.items}
        counts={record.counts}
        listed={record.listed}
        start={record.start}
        nextCursor={record.nextCursor}
        params={view}
        canWrite={c.canWrite}
        dates={dates}
      />

      <section id="status-history" aria-labelledby="status-history-heading" className="grid gap-3">
        <h2 id="status-history-heading" className="text-lg font-semibold">
          {t("statusHistory")}
        </h2>
        <StatusHistoryTable rows={tables.history} total={record.history.total} />
      </section>

      <section id="contacts" aria-labelledby="contacts-heading" className="grid gap-3">
        <h2 id="contacts-heading" className="text-lg font-semibold">
          {t("contacts")}
        </h2>
        <ContactsTable rows={tables.contacts} total={record.contacts.total} />
      </section>

      <section id="petitions" aria-labelledby="petitions-heading" className="grid gap-3">
        <h2 id="petitions-heading" className="text-lg font-semibold">
          {t("petitions")}
        </h2>
        <PetitionsTable canWrite={c.canWrite} rows={tables.petitions} total={record.petitions.total} />
      </section>
      <SourcesSection
        sources={record.sources.rows}
        total={record.sources.total}
        choices={record.sources.choices}
        caseRef={c.ref}
        canWrite={c.canWrite}
        dates={dates}
      />
    </article>
  );
}
