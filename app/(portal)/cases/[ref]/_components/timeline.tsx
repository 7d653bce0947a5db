import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ItemSource, TimelineItem, TimelineKind } from "@/db/dal/timeline";
import type { getDateFormatters } from "@/lib/i18n/dates";
import { TIMELINE_KINDS } from "@/lib/schemas/records";
import { cn } from "@/lib/utils";
import { type CaseParams, caseHref } from "../_lib/search-params";
import { RetractButton } from "./retract-button";
import styles from "./timeline.module.css";

type Dates = Awaited<ReturnType<typeof getDateFormatters>>;

/**
 * The case's timeline, rendered on the server: one list item per record, no client component per
 * item beyond the small "Retract" button, `content-visibility: auto` so that only what is on screen
 * is laid out, and one page of items at a time (the page says which: `listed`, `start`), with a
 * link to the next page (`nextCursor`) and back to the first.
 */
export async function Timeline({
  caseRef,
  items,
  counts,
  listed,
  start,
  nextCursor,
  params,
  canWrite,
  dates,
}: {
  caseRef: string;
  items: TimelineItem[];
  counts: Record<TimelineKind, number>;
  /** How many items the filter lists on all pages; this page starts at `start` (0-based). */
  listed: number;
  start: number;
  nextCursor: string | null;
  /** The page's URL state: the timeline's filter and order, and the rest, which its links keep. */
  params: CaseParams;
  canWrite: boolean;
  dates: Dates;
}) {
  const tr = await timelineTranslators();
  const t = tr.t;
  const { kinds, order } = params;
  const base = `/cases/${encodeURIComponent(caseRef)}`;
  /** A link to the first page of a filter and order, or (with `after`) to a later page of this one. */
  const href = (next: { kinds?: TimelineKind[]; order?: "asc" | "desc"; after?: string | null }) =>
    `${base}${caseHref({ ...params, kinds: next.kinds ?? kinds, order: next.order ?? order, after: next.after ?? null })}#timeline`;
  const toggle = (kind: TimelineKind) => (kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind]);
  const total = TIMELINE_KINDS.reduce((n, k) => n + counts[k], 0);
  const pill = (active: boolean) =>
    cn(
      "rounded-full border px-3 py-1 text-sm",
      active ? "border-primary bg-primary text-primary-foreground" : "hover:bg-accent",
    );

  return (
    <section id="timeline" aria-labelledby="timeline-heading" className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <nav aria-label={t("orderLabel")} className="flex gap-2" data-testid="timeline-order">
          <Link
            href={href({ order: "desc" })}
            aria-current={order === "desc" ? "true" : undefined}
            className={pill(order === "desc")}
          >
            {t("newestFirst")}
          </Link>
          <Link
            href={href({ order: "asc" })}
            aria-current={order === "asc" ? "true" : undefined}
            className={pill(order === "asc")}
          >
            {t("oldestFirst")}
          </Link>
        </nav>
      </div>
      <nav aria-label={t("filterLabel")} className="flex flex-wrap gap-2" data-testid="timeline-filter">
        <Link
          href={href({ kinds: [] })}
          aria-current={kinds.length === 0 ? "true" : undefined}
          className={pill(kinds.length === 0)}
        >
          {t("all", { count: total })}
        </Link>
        {TIMELINE_KINDS.map((kind) => (
          <Link
            key={kind}
            href={href({ kinds: toggle(kind) })}
            aria-current={kinds.includes(kind) ? "true" : undefined}
            className={pill(kinds.includes(kind))}
          >
            {t(`kinds.${kind}`, { count: counts[kind] })}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <p className="rounded-md border p-6 text-center text-muted-foreground">{t("empty")}</p>
      ) : (
        <ol className={styles.list} data-testid="timeline">
          {items.map((item) => (
            <TimelineEntry key={`${item.kind}:${item.id}`} item={item} canWrite={canWrite} dates={dates} tr={tr} />
          ))}
        </ol>
      )}
      {start > 0 || nextCursor ? (
        <nav
          aria-label={t("pagesLabel")}
          className="flex flex-wrap items-center gap-4 text-sm"
          data-testid="timeline-pages"
        >
          <p className="text-muted-foreground">
            {t("showing", { from: start + 1, to: start + items.length, total: listed })}
          </p>
          {start > 0 ? (
            <Link href={href({})} className="text-primary underline">
              {order === "desc" ? t("backToNewest") : t("backToOldest")}
            </Link>
          ) : null}
          {nextCursor ? (
            <Link href={href({ after: nextCursor })} className="text-primary underline" data-testid="timeline-next">
              {order === "desc" ? t("olderItems") : t("laterItems")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

type Values = Record<string, string | number>;

/** Every translator an entry needs, resolved once for the whole list (not once per item). */
async function timelineTranslators() {
  const [t, status, kind, counterpart, outcome, state, asks] = await Promise.all([
    getTranslations("Timeline"),
    getTranslations("Status"),
    getTranslations("ContactKind"),
    getTranslations("ContactCounterpart"),
    getTranslations("ContactOutcome"),
    getTranslations("PetitionState"),
    getTranslations("PetitionAsk"),
  ]);
  return {
    t: (key: string, values?: Values) => t(key, values),
    status: (key: string) => status(key),
    contactKind: (key: string) => kind(key),
    counterpart: (key: string) => counterpart(key),
    outcome: (key: string) => outcome(key),
    state: (key: string) => state(key),
    asks: (key: string) => asks(key),
  };
}
type Translators = Awaited<ReturnType<typeof timelineTranslators>>;

function TimelineEntry({
  item,
  canWrite,
  dates,
  tr,
}: {
  item: TimelineItem;
  canWrite: boolean;
  dates: Dates;
  tr: Translators;
}) {
  const { t } = tr;
  const retracted = item.retracted;
  return (
    <li
      className={styles.item}
      data-testid="timeline-item"
      data-kind={item.kind}
      data-retracted={retracted ? "true" : undefined}
    >
      <div className={styles.body} data-testid="timeline-body">
        <div className={styles.head}>
          <time dateTime={item.when.on} className={styles.date} data-testid="timeline-date">
            {dates.partial(item.when)}
          </time>
          <span className={styles.kind}>{t(`kind.${item.kind}`)}</span>
          <EntryTitle item={item} tr={tr} />
        </div>
        <EntryBody item={item} dates={dates} tr={tr} />
      </div>
      {retracted ? (
        <p className={styles.retraction} data-testid="retraction">
          {t("retractedBy", { name: retracted.by, at: dates.stamp(retracted.at), reason: retracted.reason })}
        </p>
      ) : null}
      {item.sources.length ? <Sources sources={item.sources} label={t("sources")} /> : null}
      <div className={styles.foot}>
        <p>{t("recordedBy", { name: item.recordedBy, at: dates.stamp(item.recordedAt) })}</p>
        {canWrite && !retracted && item.kind !== "petition_event" ? (
          <RetractButton kind={item.kind} id={item.id} version={item.version} className={styles.button} />
        ) : null}
      </div>
    </li>
  );
}

function EntryTitle({ item, tr }: { item: TimelineItem; tr: Translators }) {
  switch (item.kind) {
    case "status_change":
      return <span className={styles.title}>{tr.status(item.status)}</span>;
    case "contact":
      return (
        <>
          <span className={styles.title}>
            {tr.t("contactTitle", {
              kind: tr.contactKind(item.contactKind),
              counterpart: tr.counterpart(item.counterpart),
            })}
          </span>
          <span className={styles.outcome}>{tr.outcome(item.outcome)}</span>
        </>
      );
    case "petition_event":
      return (
        <span className={styles.title}>
          {item.fromState
            ? tr.t("petitionMoved", {
                petitioner: item.petitioner,
                from: tr.state(item.fromState),
                to: tr.state(item.toState),
              })
            : tr.t("petitionOpened", {
                petitioner: item.petitioner,
                addressee: item.addressee,
                state: tr.state(item.toState),
              })}
        </span>
      );
    case "note":
      return null;
  }
}

function EntryBody({ item, dates, tr }: { item: TimelineItem; dates: Dates; tr: Translators }) {
  const { t } = tr;
  switch (item.kind) {
    case "status_change":
      return (
        <>
          {item.place ? <p>{t("place", { place: item.place })}</p> : null}
          {item.deadlineOn ? <p>{t("deadline", { date: dates.day(item.deadlineOn) })}</p> : null}
          {item.note ? <p className={styles.text}>{item.note}</p> : null}
        </>
      );
    case "contact":
      return (
        <>
          {item.ourParticipants ? <p>{t("ourSide", { who: item.ourParticipants })}</p> : null}
          {item.theirParticipants ? <p>{t("theirSide", { who: item.theirParticipants })}</p> : null}
          {item.summary ? <p className={styles.text}>{item.summary}</p> : null}
          {item.detaineeCondition ? <p>{t("condition", { condition: item.detaineeCondition })}</p> : null}
          {item.followUpOn ? <p>{t("followUp", { date: dates.day(item.followUpOn) })}</p> : null}
        </>
      );
    case "petition_event":
      return (
        <>
          {item.fromState ? null : <p>{t("petitionAsks", { asks: tr.asks(item.asks) })}</p>}
          {item.note ? <p className={styles.text}>{item.note}</p> : null}
        </>
      );
    case "note":
      return <p className={styles.text}>{item.body}</p>;
  }
}

function Sources({ sources, label }: { sources: ItemSource[]; label: string }) {
  return (
    <div className={styles.sources} data-testid="item-sources">
      <span className={styles.muted}>{`${label}:`}</span>
      <ul>
        {sources.map((s) => (
          <li key={s.linkId}>
            {s.url ? (
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
              </a>
            ) : (
              s.title
            )}
            {s.publisher ? <span className={styles.muted}>{` (${s.publisher})`}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
