import "server-only";
import { type SQL, sql } from "drizzle-orm";
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
import { caseLinks, cases } from "../schema";
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

const partial = (on: string, precision: PartialDate["precision"], approx: boolean): PartialDate => ({
  on,
  precision,
  approx,
});

/** Where a JSON row's retraction fields become a Retraction, or null. */
function retraction(at: string | null, by: string | null, reason: string | null): Retraction | null {
  return at ? { at: new Date(at), by: by ?? "someone", reason: reason ?? "" } : null;
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

/* The rows of the one query, as PostgreSQL's json_build_object writes them (dates as YYYY-MM-DD,
 * timestamps as ISO strings, the recording order as a sortable string with microseconds). */
interface JsonItem {
  id: string;
  on: string;
  precision: PartialDate["precision"];
  approx: boolean;
  recordedAt: string;
  order: string;
  recordedBy: string;
  retractedAt: string | null;
  retractedBy: string | null;
  reason: string | null;
}
interface JsonStatus extends JsonItem {
  status: CaseStatus;
  deadlineOn: string | null;
  place: string | null;
  note: string | null;
  version: number;
}
interface JsonContact extends JsonItem {
  kind: ContactKind;
  counterpart: ContactCounterpart;
  outcome: ContactOutcome;
  ourParticipants: string | null;
  theirParticipants: string | null;
  summary: string | null;
  detaineeCondition: string | null;
  followUpOn: string | null;
  version: number;
}
interface JsonEvent extends JsonItem {
  petitionId: string;
  petitioner: string;
  addressee: string;
  asks: PetitionAsk;
  fromState: PetitionState | null;
  toState: PetitionState;
  note: string | null;
}
interface JsonNote extends JsonItem {
  body: string;
  version: number;
}
interface JsonPetition {
  id: string;
  petitioner: string;
  addressee: string;
  asks: PetitionAsk;
  asksDetail: string | null;
  state: PetitionState;
  filedOn: string | null;
  filedPrecision: PartialDate["precision"] | null;
  filedApprox: boolean;
  answerDue: string | null;
  answer: string | null;
  recordedBy: string;
  retractedAt: string | null;
  retractedBy: string | null;
  reason: string | null;
  version: number;
}
interface JsonSource {
  id: string;
  kind: SourceKind;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  publishedPrecision: PartialDate["precision"] | null;
  publishedApprox: boolean;
  url: string | null;
  note: string | null;
  links: Array<{
    id: string;
    statusChangeId: string | null;
    contactId: string | null;
    petitionId: string | null;
    noteId: string | null;
  }>;
}
interface TimelineRow {
  id: string;
  ref: string;
  statusChanges: JsonStatus[];
  contacts: JsonContact[];
  petitions: JsonPetition[];
  events: JsonEvent[];
  notes: JsonNote[];
  sources: JsonSource[];
  links: LinkedCase[];
}

/** A JSON array of the rows of `select`, in its order ('[]' when none). */
const rowsOf = (select: SQL) => sql`(select coalesce(json_agg(r), '[]'::json) from (${select}) r)`;

/** What every timeline item has: its date, who recorded it and when (in order), and its retraction. */
const itemColumns = (t: string) =>
  sql.raw(`${t}.id, ${t}.occurred_on as "on", ${t}.occurred_precision as "precision", ${t}.occurred_approx as approx,
    ${t}.recorded_at as "recordedAt",
    to_char(${t}.recorded_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS') as "order",
    recorder.name as "recordedBy"`);
const retractedColumns = (t: string) =>
  sql.raw(`${t}.retracted_at as "retractedAt", retractor.name as "retractedBy", ${t}.retraction_reason as reason`);
const whoJoins = (recorded: string, retracted: string) =>
  sql.raw(
    `join accounts recorder on recorder.id = ${recorded} left join accounts retractor on retractor.id = ${retracted}`,
  );

/**
 * Everything recorded on one case, for the case page: the merged timeline (status changes,
 * consular contacts, petition events, notes) with who recorded each item, its sources and any
 * retraction; the rows of the contacts, petitions and status-history tables; the case's sources;
 * and the linked cases the actor may read. ONE query, one round trip and one consistent snapshot:
 * the case under the actor's read rule (a case they may not read is NOT_FOUND), and each part of
 * its record as a JSON array; a linked case the actor may not read is not mentioned at all.
 */
export async function getCaseTimeline(actor: Actor, ref: string, options: TimelineOptions): Promise<CaseTimeline> {
  const db = getDb();
  const query = sql`
    with k as (select ${cases.id} as id, ${cases.ref} as ref from ${cases} where ${cases.ref} = ${ref} and ${canReadCase(actor)})
    select k.id, k.ref,
      ${rowsOf(sql`select ${itemColumns("x")}, ${retractedColumns("x")},
          x.status, x.deadline_on as "deadlineOn", x.place, x.note, x.version
        from status_changes x ${whoJoins("x.recorded_by", "x.retracted_by")} where x.case_id = k.id`)} as "statusChanges",
      ${rowsOf(sql`select ${itemColumns("x")}, ${retractedColumns("x")},
          x.kind, x.counterpart, x.outcome, x.our_participants as "ourParticipants",
          x.their_participants as "theirParticipants", x.summary, x.detainee_condition as "detaineeCondition",
          x.follow_up_on as "followUpOn", x.version
        from consular_contacts x ${whoJoins("x.recorded_by", "x.retracted_by")} where x.case_id = k.id`)} as contacts,
      ${rowsOf(sql`select p.id, p.petitioner, p.addressee, p.asks, p.asks_detail as "asksDetail", p.state,
          p.filed_on as "filedOn", p.filed_precision as "filedPrecision", p.filed_approx as "filedApprox",
          p.answer_due as "answerDue", p.answer, recorder.name as "recordedBy", ${retractedColumns("p")}, p.version
        from petitions p ${whoJoins("p.recorded_by", "p.retracted_by")} where p.case_id = k.id
        order by p.recorded_at`)} as petitions,
      ${rowsOf(sql`select ${itemColumns("x")}, ${retractedColumns("p")},
          x.petition_id as "petitionId", p.petitioner, p.addressee, p.asks,
          x.from_state as "fromState", x.to_state as "toState", x.note
        from petition_events x join petitions p on p.id = x.petition_id
        ${whoJoins("x.recorded_by", "p.retracted_by")} where x.case_id = k.id
        order by x.recorded_at`)} as events,
      ${rowsOf(sql`select ${itemColumns("x")}, ${retractedColumns("x")}, x.body, x.version
        from case_notes x ${whoJoins("x.recorded_by", "x.retracted_by")} where x.case_id = k.id`)} as notes,
      ${rowsOf(sql`select s.id, s.kind, s.title, s.publisher, s.published_on as "publishedOn",
          s.published_precision as "publishedPrecision", s.published_approx as "publishedApprox", s.url, s.note,
          ${rowsOf(sql`select l.id, l.status_change_id as "statusChangeId", l.contact_id as "contactId",
              l.petition_id as "petitionId", l.note_id as "noteId"
            from source_links l where l.source_id = s.id order by l.created_at`)} as links
        from sources s where s.case_id = k.id order by s.recorded_at`)} as sources,
      ${rowsOf(sql`select ${cases.ref} as ref, ${cases.fullName} as "fullName", ${cases.nativeName} as "nativeName",
          ${caseLinks.kind} as kind, ${caseLinks.note} as note
        from ${caseLinks} join ${cases} on (${caseLinks.caseA} = k.id and ${cases.id} = ${caseLinks.caseB})
          or (${caseLinks.caseB} = k.id and ${cases.id} = ${caseLinks.caseA})
        where ${canReadCase(actor)} order by ${cases.ref}`)} as links
    from k`;
  const [kase] = (await db.execute(query)) as unknown as TimelineRow[];
  if (!kase) throw notFound("Case");

  // Sources by what they support.
  const byTarget = new Map<string, ItemSource[]>();
  const caseSources: ItemSource[] = [];
  const sourceList: CaseSource[] = [];
  for (const source of kase.sources) {
    const entry: CaseSource = {
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
    sourceList.push(entry);
    for (const link of source.links) {
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
        const list = byTarget.get(key);
        if (list) list.push(shown);
        else byTarget.set(key, [shown]);
      }
    }
  }
  const sourcesOf = (kind: string, id: string) => byTarget.get(`${kind}:${id}`) ?? [];
  /** The fields every item has, from its JSON row. */
  const base = (row: JsonItem, kind: string) => ({
    id: row.id,
    when: partial(row.on, row.precision, row.approx),
    recordedAt: new Date(row.recordedAt),
    recordedBy: row.recordedBy,
    order: row.order,
    retracted: retraction(row.retractedAt, row.retractedBy, row.reason),
    sources: sourcesOf(kind, row.id),
  });

  const statusItems: StatusChangeItem[] = kase.statusChanges.map((row) => ({
    ...base(row, "status_change"),
    kind: "status_change",
    status: row.status,
    deadlineOn: row.deadlineOn,
    place: row.place,
    note: row.note,
    version: row.version,
  }));
  const contactItems: ContactItem[] = kase.contacts.map((row) => ({
    ...base(row, "contact"),
    kind: "contact",
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
  const firstEvent = new Set<string>();
  const eventItems: PetitionEventItem[] = kase.events.map((row) => {
    const first = !firstEvent.has(row.petitionId);
    firstEvent.add(row.petitionId);
    return {
      ...base(row, "petition_event"),
      sources: first ? sourcesOf("petition", row.petitionId) : [],
      kind: "petition_event",
      petitionId: row.petitionId,
      petitioner: row.petitioner,
      addressee: row.addressee,
      asks: row.asks,
      fromState: row.fromState,
      toState: row.toState,
      note: row.note,
    };
  });
  const noteItems: NoteItem[] = kase.notes.map((row) => ({
    ...base(row, "note"),
    kind: "note",
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
    petitions: kase.petitions.map((row) => ({
      id: row.id,
      petitioner: row.petitioner,
      addressee: row.addressee,
      asks: row.asks,
      asksDetail: row.asksDetail,
      state: row.state,
      filed: row.filedOn && row.filedPrecision ? partial(row.filedOn, row.filedPrecision, row.filedApprox) : null,
      answerDue: row.answerDue,
      answer: row.answer,
      recordedBy: row.recordedBy,
      retracted: retraction(row.retractedAt, row.retractedBy, row.reason),
      sources: sourcesOf("petition", row.id),
      version: row.version,
    })),
    sources: sourceList,
    caseSources,
    linkedCases: kase.links,
  };
}
