import "server-only";
import { type AnyColumn, and, asc, eq, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type {
  CaseStatus,
  ContactCounterpart,
  ContactKind,
  ContactOutcome,
  LinkKind,
  PetitionAsk,
  PetitionState,
  SourceKind,
} from "@/lib/domain";
import type { PartialDate } from "@/lib/partial-date";
import { type SourceTarget, TIMELINE_KINDS, type TimelineKind } from "@/lib/schemas/records";
import { getDb } from "../client";
import {
  accounts,
  caseLinks,
  caseNotes,
  cases,
  consularContacts,
  petitionEvents,
  petitions,
  sourceLinks,
  sources,
  statusChanges,
} from "../schema";
import { canReadCase } from "./access";
import type { Actor } from "./actor";
import { notFound } from "./errors";

export { TIMELINE_KINDS, type TimelineKind };

/** Options of getCaseTimeline. */
export interface TimelineOptions {
  /** Which kinds of item the timeline lists; all when empty or absent. The tables always get everything. */
  kinds?: readonly TimelineKind[];
  /** Oldest first ("asc") or newest first ("desc"). */
  order: "asc" | "desc";
  /** At most this many items in `items`, a page of the timeline; all of them when absent. */
  limit?: number;
  /** Start after this item: a `nextCursor` of an earlier page. From the start when absent or malformed. */
  after?: string | null;
}

/** A source as shown beside the fact it supports. */
export interface ItemSource {
  linkId: string;
  sourceId: string;
  title: string;
  publisher: string | null;
  url: string | null;
}

export interface Retraction {
  at: Date;
  by: string;
  reason: string;
}

interface ItemBase {
  id: string;
  when: PartialDate;
  recordedAt: Date;
  recordedBy: string;
  retracted: Retraction | null;
  sources: ItemSource[];
  /** Sort key: recorded_at to the microsecond (a JS Date keeps only milliseconds). */
  order: string;
}

export interface StatusChangeItem extends ItemBase {
  kind: "status_change";
  status: CaseStatus;
  deadlineOn: string | null;
  place: string | null;
  note: string | null;
  version: number;
}

export interface ContactItem extends ItemBase {
  kind: "contact";
  contactKind: ContactKind;
  counterpart: ContactCounterpart;
  outcome: ContactOutcome;
  ourParticipants: string | null;
  theirParticipants: string | null;
  summary: string | null;
  detaineeCondition: string | null;
  followUpOn: string | null;
  version: number;
}

export interface PetitionEventItem extends ItemBase {
  kind: "petition_event";
  petitionId: string;
  petitioner: string;
  addressee: string;
  asks: PetitionAsk;
  fromState: PetitionState | null;
  toState: PetitionState;
  note: string | null;
}

export interface NoteItem extends ItemBase {
  kind: "note";
  body: string;
  version: number;
}

export type TimelineItem = StatusChangeItem | ContactItem | PetitionEventItem | NoteItem;

export interface PetitionRow {
  id: string;
  petitioner: string;
  addressee: string;
  asks: PetitionAsk;
  asksDetail: string | null;
  state: PetitionState;
  filed: PartialDate | null;
  answerDue: string | null;
  answer: string | null;
  recordedBy: string;
  retracted: Retraction | null;
  sources: ItemSource[];
  version: number;
}

export interface CaseSource {
  id: string;
  kind: SourceKind;
  title: string;
  publisher: string | null;
  published: PartialDate | null;
  url: string | null;
  note: string | null;
  /** What it supports: the case and/or items of the case. */
  attachments: Array<{ linkId: string; target: SourceTarget }>;
}

export interface LinkedCase {
  ref: string;
  fullName: string;
  nativeName: string | null;
  kind: LinkKind;
  note: string | null;
}

export interface CaseTimeline {
  caseId: string;
  ref: string;
  /** The listed items, filtered and ordered as asked: the page asked for. */
  items: TimelineItem[];
  /** How many items the filter lists on all pages, and where in them this page starts (0-based). */
  listed: number;
  start: number;
  /** The page after this one (pass as `after`), or null when this page reaches the end. */
  nextCursor: string | null;
  /** How many items of each kind the case has (before filtering). */
  counts: Record<TimelineKind, number>;
  /** For the tables and the source form: every status change, contact and note (oldest first), and petition. */
  statusHistory: StatusChangeItem[];
  contacts: ContactItem[];
  notes: NoteItem[];
  petitions: PetitionRow[];
  /** Every source of the case, with what each supports. */
  sources: CaseSource[];
  /** Sources attached to the case itself. */
  caseSources: ItemSource[];
  /** Linked cases the actor may read; links to unreadable cases are left out entirely. */
  linkedCases: LinkedCase[];
}

const retractor = alias(accounts, "retractor");
const recorder = alias(accounts, "recorder");

/** recorded_at as a sortable string with microseconds (clock_timestamp() keeps same-transaction order). */
const orderKey = (column: AnyColumn) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYYMMDDHH24MISSUS')`;

const partial = (on: string, precision: PartialDate["precision"], approx: boolean): PartialDate => ({
  on,
  precision,
  approx,
});

function retraction(at: Date | null, by: string | null, reason: string | null): Retraction | null {
  return at ? { at, by: by ?? "someone", reason: reason ?? "" } : null;
}

/** Date, then recording order; same-day items keep the order they were recorded in. */
function compareItems(a: TimelineItem, b: TimelineItem): number {
  if (a.when.on !== b.when.on) return a.when.on < b.when.on ? -1 : 1;
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** An item's place in the timeline's order, as a cursor: day, recording order, id. */
const cursorOf = (item: TimelineItem) => `${item.when.on}_${item.order}_${item.id}`;
const CURSOR = /^\d{4}-\d{2}-\d{2}_\d{14,26}_[0-9a-f-]{36}$/;

/** Where the page starting after `cursor` begins in `items` (sorted as asked); 0 for no or a malformed cursor. */
function pageStart(items: readonly TimelineItem[], cursor: string | null | undefined, order: "asc" | "desc"): number {
  if (!cursor || !CURSOR.test(cursor)) return 0;
  // Cursors compare as their parts do (fixed-width day and order, then id), in the list's direction.
  const after = (item: TimelineItem) => (order === "asc" ? cursorOf(item) > cursor : cursorOf(item) < cursor);
  const i = items.findIndex(after);
  return i === -1 ? items.length : i;
}

/**
 * Everything recorded on one case, for the case page: the merged timeline (status changes,
 * consular contacts, petition events, notes) with who recorded each item, its sources and any
 * retraction; the rows of the contacts, petitions and status-history tables; the case's sources;
 * and the linked cases the actor may read. Every query carries the access rule itself: a case the
 * actor may not read is NOT_FOUND, and a linked case they may not read is not mentioned at all.
 * Sources for the whole case come in ONE query.
 */
export async function getCaseTimeline(actor: Actor, ref: string, options: TimelineOptions): Promise<CaseTimeline> {
  const db = getDb();
  const [kase] = await db
    .select({ id: cases.id, ref: cases.ref })
    .from(cases)
    .where(and(eq(cases.ref, ref), canReadCase(actor)));
  if (!kase) throw notFound("Case");
  /** The join that scopes each query to this case and re-applies the read rule. */
  const readable = (caseIdColumn: AnyColumn) =>
    and(eq(cases.id, caseIdColumn), eq(cases.id, kase.id), canReadCase(actor));

  const [statusRows, contactRows, petitionRows, eventRows, noteRows, sourceRows, linkRows] = await Promise.all([
    db
      .select({
        row: statusChanges,
        recordedBy: recorder.name,
        retractedBy: retractor.name,
        order: orderKey(statusChanges.recordedAt),
      })
      .from(statusChanges)
      .innerJoin(cases, readable(statusChanges.caseId))
      .innerJoin(recorder, eq(recorder.id, statusChanges.recordedBy))
      .leftJoin(retractor, eq(retractor.id, statusChanges.retractedBy)),
    db
      .select({
        row: consularContacts,
        recordedBy: recorder.name,
        retractedBy: retractor.name,
        order: orderKey(consularContacts.recordedAt),
      })
      .from(consularContacts)
      .innerJoin(cases, readable(consularContacts.caseId))
      .innerJoin(recorder, eq(recorder.id, consularContacts.recordedBy))
      .leftJoin(retractor, eq(retractor.id, consularContacts.retractedBy)),
    db
      .select({ row: petitions, recordedBy: recorder.name, retractedBy: retractor.name })
      .from(petitions)
      .innerJoin(cases, readable(petitions.caseId))
      .innerJoin(recorder, eq(recorder.id, petitions.recordedBy))
      .leftJoin(retractor, eq(retractor.id, petitions.retractedBy))
      .orderBy(asc(petitions.recordedAt)),
    db
      .select({
        row: petitionEvents,
        petitioner: petitions.petitioner,
        addressee: petitions.addressee,
        asks: petitions.asks,
        retractedAt: petitions.retractedAt,
        retractionReason: petitions.retractionReason,
        recordedBy: recorder.name,
        retractedBy: retractor.name,
        order: orderKey(petitionEvents.recordedAt),
      })
      .from(petitionEvents)
      .innerJoin(cases, readable(petitionEvents.caseId))
      .innerJoin(petitions, eq(petitions.id, petitionEvents.petitionId))
      .innerJoin(recorder, eq(recorder.id, petitionEvents.recordedBy))
      .leftJoin(retractor, eq(retractor.id, petitions.retractedBy)),
    db
      .select({
        row: caseNotes,
        recordedBy: recorder.name,
        retractedBy: retractor.name,
        order: orderKey(caseNotes.recordedAt),
      })
      .from(caseNotes)
      .innerJoin(cases, readable(caseNotes.caseId))
      .innerJoin(recorder, eq(recorder.id, caseNotes.recordedBy))
      .leftJoin(retractor, eq(retractor.id, caseNotes.retractedBy)),
    // ONE query for every source of the case and everything each one supports.
    db
      .select({ source: sources, link: sourceLinks })
      .from(sources)
      .innerJoin(cases, readable(sources.caseId))
      .leftJoin(sourceLinks, eq(sourceLinks.sourceId, sources.id))
      .orderBy(asc(sources.recordedAt), asc(sourceLinks.createdAt)),
    // The other case of each link must itself be readable: `cases` here IS the other case.
    db
      .select({
        ref: cases.ref,
        fullName: cases.fullName,
        nativeName: cases.nativeName,
        kind: caseLinks.kind,
        note: caseLinks.note,
      })
      .from(caseLinks)
      .innerJoin(
        cases,
        or(
          and(eq(caseLinks.caseA, kase.id), eq(cases.id, caseLinks.caseB)),
          and(eq(caseLinks.caseB, kase.id), eq(cases.id, caseLinks.caseA)),
        ),
      )
      .where(canReadCase(actor))
      .orderBy(asc(cases.ref)),
  ]);

  // Sources by what they support.
  const byTarget = new Map<string, ItemSource[]>();
  const caseSources: ItemSource[] = [];
  const sourceList = new Map<string, CaseSource>();
  for (const { source, link } of sourceRows) {
    let entry = sourceList.get(source.id);
    if (!entry) {
      entry = {
        id: source.id,
        kind: source.kind,
        title: source.title,
        publisher: source.publisher,
        published:
          source.publishedOn && source.publishedPrecision
            ? partial(source.publishedOn, source.publishedPrecision, source.publishedApprox)
            : null,
        url: source.url,
        note: source.note,
        attachments: [],
      };
      sourceList.set(source.id, entry);
    }
    if (!link) continue;
    const shown: ItemSource = {
      linkId: link.id,
      sourceId: source.id,
      title: source.title,
      publisher: source.publisher,
      url: source.url,
    };
    const target: SourceTarget = link.statusChangeId
      ? { kind: "status_change", id: link.statusChangeId }
      : link.contactId
        ? { kind: "contact", id: link.contactId }
        : link.petitionId
          ? { kind: "petition", id: link.petitionId }
          : link.noteId
            ? { kind: "note", id: link.noteId }
            : { kind: "case" };
    entry.attachments.push({ linkId: link.id, target });
    if (target.kind === "case") caseSources.push(shown);
    else {
      const key = `${target.kind}:${target.id}`;
      byTarget.set(key, [...(byTarget.get(key) ?? []), shown]);
    }
  }
  const sourcesOf = (kind: string, id: string) => byTarget.get(`${kind}:${id}`) ?? [];

  const statusItems: StatusChangeItem[] = statusRows.map(({ row, recordedBy, retractedBy, order }) => ({
    kind: "status_change",
    id: row.id,
    when: partial(row.occurredOn, row.occurredPrecision, row.occurredApprox),
    recordedAt: row.recordedAt,
    recordedBy,
    order,
    retracted: retraction(row.retractedAt, retractedBy, row.retractionReason),
    sources: sourcesOf("status_change", row.id),
    status: row.status,
    deadlineOn: row.deadlineOn,
    place: row.place,
    note: row.note,
    version: row.version,
  }));
  const contactItems: ContactItem[] = contactRows.map(({ row, recordedBy, retractedBy, order }) => ({
    kind: "contact",
    id: row.id,
    when: partial(row.occurredOn, row.occurredPrecision, row.occurredApprox),
    recordedAt: row.recordedAt,
    recordedBy,
    order,
    retracted: retraction(row.retractedAt, retractedBy, row.retractionReason),
    sources: sourcesOf("contact", row.id),
    contactKind: row.kind,
    counterpart: row.counterpart,
    outcome: row.outcome,
    ourParticipants: row.ourParticipants,
    theirParticipants: row.theirParticipants,
    summary: row.summary,
    detaineeCondition: row.detaineeCondition,
    followUpOn: row.followUpOn,
    version: row.version,
  }));
  // A petition's sources show on its first event (its filing); the petitions table shows them too.
  const firstEvent = new Map<string, string>();
  const eventItems: PetitionEventItem[] = eventRows
    .map(
      ({ row, petitioner, addressee, asks, retractedAt, retractionReason, recordedBy, retractedBy, order }) =>
        ({
          kind: "petition_event",
          id: row.id,
          when: partial(row.occurredOn, row.occurredPrecision, row.occurredApprox),
          recordedAt: row.recordedAt,
          recordedBy,
          order,
          retracted: retraction(retractedAt, retractedBy, retractionReason),
          sources: [],
          petitionId: row.petitionId,
          petitioner,
          addressee,
          asks,
          fromState: row.fromState,
          toState: row.toState,
          note: row.note,
        }) satisfies PetitionEventItem,
    )
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  for (const e of eventItems) {
    if (!firstEvent.has(e.petitionId)) {
      firstEvent.set(e.petitionId, e.id);
      e.sources = sourcesOf("petition", e.petitionId);
    }
  }
  const noteItems: NoteItem[] = noteRows.map(({ row, recordedBy, retractedBy, order }) => ({
    kind: "note",
    id: row.id,
    when: partial(row.occurredOn, row.occurredPrecision, row.occurredApprox),
    recordedAt: row.recordedAt,
    recordedBy,
    order,
    retracted: retraction(row.retractedAt, retractedBy, row.retractionReason),
    sources: sourcesOf("note", row.id),
    body: row.body,
    version: row.version,
  }));

  const wanted = new Set<TimelineKind>(options.kinds?.length ? options.kinds : TIMELINE_KINDS);
  const all: TimelineItem[] = [...statusItems, ...contactItems, ...eventItems, ...noteItems];
  const listed = all.filter((i) => wanted.has(i.kind)).sort(compareItems);
  if (options.order === "desc") listed.reverse();
  const start = pageStart(listed, options.after, options.order);
  const end = options.limit ? Math.min(listed.length, start + options.limit) : listed.length;
  const items = listed.slice(start, end);
  const last = items.at(-1);

  return {
    caseId: kase.id,
    ref: kase.ref,
    items,
    listed: listed.length,
    start,
    nextCursor: end < listed.length && last ? cursorOf(last) : null,
    counts: {
      status_change: statusItems.length,
      contact: contactItems.length,
      petition_event: eventItems.length,
      note: noteItems.length,
    },
    statusHistory: [...statusItems].sort(compareItems),
    contacts: [...contactItems].sort(compareItems),
    notes: [...noteItems].sort(compareItems),
    petitions: petitionRows.map(({ row, recordedBy, retractedBy }) => ({
      id: row.id,
      petitioner: row.petitioner,
      addressee: row.addressee,
      asks: row.asks,
      asksDetail: row.asksDetail,
      state: row.state,
      filed: row.filedOn && row.filedPrecision ? partial(row.filedOn, row.filedPrecision, row.filedApprox) : null,
      answerDue: row.answerDue,
      answer: row.answer,
      recordedBy,
      retracted: retraction(row.retractedAt, retractedBy, row.retractionReason),
      sources: sourcesOf("petition", row.id),
      version: row.version,
    })),
    sources: [...sourceList.values()],
    caseSources,
    linkedCases: linkRows,
  };
}
