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
import {
  type CaseContactSort,
  type CaseHistorySort,
  type CasePetitionSort,
  type SourceTarget,
  TIMELINE_KINDS,
  type TimelineKind,
} from "@/lib/schemas/records";
import { getDb } from "../client";
import { caseLinks, cases } from "../schema";
import { canReadCase } from "./access";
import type { Actor } from "./actor";
import { notFound } from "./errors";

export { TIMELINE_KINDS, type TimelineKind };

/**
 * A sort of one of the case page's tables. `labelOrder` is for columns shown as labels (a status, a
 * kind of contact): the stored values in the order their labels sort in the reader's language, so
 * that the table sorts by what the reader sees.
 */
export interface TableSort<Column extends string> {
  id: Column;
  desc: boolean;
  labelOrder?: readonly string[];
}

/** How much of a table to read: its order, and at most `limit` rows (all when absent). */
export interface TableOptions<Column extends string> {
  sort: TableSort<Column>;
  limit?: number;
}

/** Options of getCaseRecord: the timeline's page, and each table's order and length. */
export interface CaseRecordOptions {
  /** Which kinds of item the timeline lists; all when empty or absent. The tables always get everything. */
  kinds?: readonly TimelineKind[];
  /** Oldest first ("asc") or newest first ("desc"). */
  order: "asc" | "desc";
  /** At most this many items in `items`, a page of the timeline; all of them when absent. */
  limit?: number;
  /** Start after this item: a `nextCursor` of an earlier page. From the start when absent or malformed. */
  after?: string | null;
  /** The status-history table: oldest first and whole by default. */
  history?: TableOptions<CaseHistorySort>;
  /** The contacts table: newest first and whole by default. */
  contacts?: TableOptions<CaseContactSort>;
  /** The petitions table: by filing date and whole by default. */
  petitions?: TableOptions<CasePetitionSort>;
  /** The sources list, in the order they were recorded: whole by default. */
  sources?: { limit?: number };
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

interface RecordBase {
  id: string;
  when: PartialDate;
  recordedAt: Date;
  recordedBy: string;
  retracted: Retraction | null;
  /** Sort key: recorded_at to the microsecond (a JS Date keeps only milliseconds). */
  order: string;
}

/** A status change as its table row shows it. */
export interface StatusChangeRecord extends RecordBase {
  kind: "status_change";
  status: CaseStatus;
  deadlineOn: string | null;
  place: string | null;
  note: string | null;
  version: number;
}

/** A consular contact as its table row shows it. */
export interface ContactRecord extends RecordBase {
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

export interface PetitionEventRecord extends RecordBase {
  kind: "petition_event";
  petitionId: string;
  petitioner: string;
  addressee: string;
  asks: PetitionAsk;
  fromState: PetitionState | null;
  toState: PetitionState;
  note: string | null;
}

export interface NoteRecord extends RecordBase {
  kind: "note";
  body: string;
  version: number;
}

/** On the timeline, each item also shows its sources (a petition's, on its first event). */
type WithSources<T> = T & { sources: ItemSource[] };
export type StatusChangeItem = WithSources<StatusChangeRecord>;
export type ContactItem = WithSources<ContactRecord>;
export type PetitionEventItem = WithSources<PetitionEventRecord>;
export type NoteItem = WithSources<NoteRecord>;
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
  version: number;
}

/**
 * What a source can support, with the facts that label it for people ("Status: Detained, early
 * 2024"): the case, or one item of its record (retracted ones included: a source stays attached).
 */
export type TargetFacts =
  | { kind: "case" }
  | { kind: "status_change"; id: string; status: CaseStatus; when: PartialDate; retracted: boolean }
  | {
      kind: "contact";
      id: string;
      contactKind: ContactKind;
      counterpart: ContactCounterpart;
      when: PartialDate;
      retracted: boolean;
    }
  | { kind: "petition"; id: string; petitioner: string; addressee: string; retracted: boolean }
  | { kind: "note"; id: string; when: PartialDate; body: string; retracted: boolean };

export interface CaseSource {
  id: string;
  kind: SourceKind;
  title: string;
  publisher: string | null;
  published: PartialDate | null;
  url: string | null;
  note: string | null;
  /** What it supports: the case and/or items of the case. */
  attachments: Array<{ linkId: string; target: SourceTarget; facts: TargetFacts }>;
}

export interface LinkedCase {
  ref: string;
  fullName: string;
  nativeName: string | null;
  kind: LinkKind;
  note: string | null;
}

/** Some rows of a table, in the order asked, and how many the whole table has. */
export interface TablePage<Row> {
  rows: Row[];
  total: number;
}

export interface CaseRecord {
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
  history: TablePage<StatusChangeRecord>;
  contacts: TablePage<ContactRecord>;
  petitions: TablePage<PetitionRow>;
  /** The sources asked for, with what each supports; `choices`: every source of the case, for the attach form. */
  sources: TablePage<CaseSource> & { choices: Array<{ id: string; title: string }> };
  /** When the current status began (the latest status change not retracted), and the latest contact. */
  statusSince: PartialDate | null;
  lastContact: PartialDate | null;
  /** Linked cases the actor may read; links to unreadable cases are left out entirely. */
  linkedCases: LinkedCase[];
}

/* ----------------------------------------------------------------------------------------------
 * The rows as PostgreSQL's json_build_object writes them: dates as YYYY-MM-DD, timestamps as ISO
 * strings, the recording order as a sortable string with microseconds.
 * -------------------------------------------------------------------------------------------- */
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
  kind: "status_change";
  status: CaseStatus;
  deadlineOn: string | null;
  place: string | null;
  note: string | null;
  version: number;
}
interface JsonContact extends JsonItem {
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
interface JsonEvent extends JsonItem {
  kind: "petition_event";
  petitionId: string;
  petitioner: string;
  addressee: string;
  asks: PetitionAsk;
  fromState: PetitionState | null;
  toState: PetitionState;
  note: string | null;
}
interface JsonNote extends JsonItem {
  kind: "note";
  body: string;
  version: number;
}
type JsonTimelineItem = (JsonStatus | JsonContact | JsonEvent | JsonNote) & { sources: ItemSource[] };
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
/** A source link's target and the facts that label it (null for the case itself). */
type JsonFacts =
  | null
  | {
      kind: "status_change";
      id: string;
      status: CaseStatus;
      on: string;
      precision: PartialDate["precision"];
      approx: boolean;
      retracted: boolean;
    }
  | {
      kind: "contact";
      id: string;
      contactKind: ContactKind;
      counterpart: ContactCounterpart;
      on: string;
      precision: PartialDate["precision"];
      approx: boolean;
      retracted: boolean;
    }
  | { kind: "petition"; id: string; petitioner: string; addressee: string; retracted: boolean }
  | {
      kind: "note";
      id: string;
      on: string;
      precision: PartialDate["precision"];
      approx: boolean;
      body: string;
      retracted: boolean;
    };
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
  links: Array<{ id: string; facts: JsonFacts }>;
}
type JsonDate = { on: string; precision: PartialDate["precision"]; approx: boolean } | null;
interface RecordRow {
  id: string;
  ref: string;
  listed: number;
  start: number;
  items: JsonTimelineItem[];
  counts: Record<TimelineKind, number>;
  petitionCount: number;
  sourceCount: number;
  history: JsonStatus[];
  contacts: JsonContact[];
  petitions: JsonPetition[];
  sources: JsonSource[];
  choices: Array<{ id: string; title: string }>;
  statusSince: JsonDate;
  lastContact: JsonDate;
  links: LinkedCase[];
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

/* ----------------------------------------------------------------------------------------------
 * SQL pieces. Table aliases are fixed strings of this file; every value is a bound parameter.
 * -------------------------------------------------------------------------------------------- */

/** A JSON array of the rows of `select`, in its order ('[]' when none). */
const rowsOf = (select: SQL) => sql`(select coalesce(json_agg(r), '[]'::json) from (${select}) r)`;

/** The recording order as a string that sorts like the timestamp, to the microsecond. */
const orderKey = (t: string) => sql.raw(`to_char(${t}.recorded_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS')`);

/** What every timeline item has: its date, who recorded it and when (in order), and its retraction. */
const itemColumns = (t: string, retracted = t) =>
  sql.raw(`${t}.id, ${t}.occurred_on as "on", ${t}.occurred_precision as "precision", ${t}.occurred_approx as approx,
    ${t}.recorded_at as "recordedAt",
    to_char(${t}.recorded_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS') as "order",
    recorder.name as "recordedBy",
    ${retracted}.retracted_at as "retractedAt", retractor.name as "retractedBy", ${retracted}.retraction_reason as reason`);
const whoJoins = (recorded: string, retracted: string) =>
  sql.raw(
    `join accounts recorder on recorder.id = ${recorded} left join accounts retractor on retractor.id = ${retracted}`,
  );

/** Each kind of item: its table, the columns it adds, and the joins they need (alias x). */
const KIND_SQL: Record<TimelineKind, { table: string; columns: string; joins: string; retracted: string }> = {
  status_change: {
    table: "status_changes",
    columns: `x.status, x.deadline_on as "deadlineOn", x.place, x.note, x.version`,
    joins: "",
    retracted: "x",
  },
  contact: {
    table: "consular_contacts",
    columns: `x.kind as "contactKind", x.counterpart, x.outcome, x.our_participants as "ourParticipants",
      x.their_participants as "theirParticipants", x.summary, x.detainee_condition as "detaineeCondition",
      x.follow_up_on as "followUpOn", x.version`,
    joins: "",
    retracted: "x",
  },
  petition_event: {
    table: "petition_events",
    columns: `x.petition_id as "petitionId", p.petitioner, p.addressee, p.asks,
      x.from_state as "fromState", x.to_state as "toState", x.note`,
    joins: "join petitions p on p.id = x.petition_id",
    retracted: "p",
  },
  note: { table: "case_notes", columns: `x.body, x.version`, joins: "", retracted: "x" },
};

/** The select of one item of `kind` by the id in `idExpression` (alias x), as its JSON row. */
function itemSelect(kind: TimelineKind, idExpression: SQL) {
  const k = KIND_SQL[kind];
  return sql`select ${sql.raw(`'${kind}'`)} as kind, ${itemColumns("x", k.retracted)}, ${sql.raw(k.columns)}
    from ${sql.raw(k.table)} x ${sql.raw(k.joins)} ${whoJoins("x.recorded_by", `${k.retracted}.retracted_by`)}
    where x.id = ${idExpression}`;
}

/** The sources shown beside an item (alias pg: kind, id, petition_id, first): from the case's links (CTE links). */
const itemSourcesSql = sql`(select coalesce(json_agg(json_build_object('linkId', l.link_id, 'sourceId', l.source_id,
      'title', l.title, 'publisher', l.publisher, 'url', l.url) order by l.created_at), '[]'::json)
    from links l
    where l.target = case when pg.kind = 'petition_event' then (case when pg.first then pg.petition_id end) else pg.id end)`;

/** An item's place in the timeline's order, as a cursor: day, recording order, id. */
const cursorOf = (item: TimelineItem) => `${item.when.on}_${item.order}_${item.id}`;
const CURSOR = /^(\d{4}-\d{2}-\d{2})_(\d{14,26})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** ORDER BY for a table: its column (empty values last either way), then `tiebreak` in the same direction. */
function tableOrder(key: SQL, desc: boolean, tiebreak: string[]): SQL {
  const dir = desc ? "desc" : "asc";
  return sql`${key} ${sql.raw(dir)} nulls last, ${sql.raw(tiebreak.map((c) => `${c} ${dir}`).join(", "))}`;
}

/**
 * A label column's key: the value's place in `labelOrder` (one expression, so that the direction
 * applies to it; a value the order lacks comes after the others). Without an order: the value itself.
 */
const labelKey = (column: string, labelOrder: readonly string[] | undefined) =>
  labelOrder?.length
    ? sql`coalesce(array_position(string_to_array(${labelOrder.join(",")}, ','), ${sql.raw(column)}::text), ${labelOrder.length + 1})`
    : sql`${sql.raw(column)}::text`;

/** Names and free text sort as words (ICU's root collation), not by code point. */
const textKey = (column: string) => sql.raw(`${column} collate "und-x-icu"`);

const WHEN_TIEBREAK = ["x.occurred_on", "x.recorded_at", "x.id"];

function historyOrder(sort: TableSort<CaseHistorySort>): SQL {
  const key =
    sort.id === "status"
      ? labelKey("x.status", sort.labelOrder)
      : sort.id === "recordedBy"
        ? textKey("recorder.name")
        : sql.raw("x.occurred_on");
  return tableOrder(key, sort.desc, WHEN_TIEBREAK);
}

function contactOrder(sort: TableSort<CaseContactSort>): SQL {
  const keys: Record<CaseContactSort, () => SQL> = {
    when: () => sql.raw("x.occurred_on"),
    kind: () => labelKey("x.kind", sort.labelOrder),
    counterpart: () => labelKey("x.counterpart", sort.labelOrder),
    outcome: () => labelKey("x.outcome", sort.labelOrder),
    followUp: () => sql.raw("x.follow_up_on"),
    recordedBy: () => textKey("recorder.name"),
  };
  return tableOrder((keys[sort.id] ?? keys.when)(), sort.desc, WHEN_TIEBREAK);
}

function petitionOrder(sort: TableSort<CasePetitionSort>): SQL {
  const keys: Record<CasePetitionSort, () => SQL> = {
    petitioner: () => textKey("p.petitioner"),
    addressee: () => textKey("p.addressee"),
    asks: () => labelKey("p.asks", sort.labelOrder),
    state: () => labelKey("p.state", sort.labelOrder),
    filed: () => sql.raw("p.filed_on"),
    answerDue: () => sql.raw("p.answer_due"),
  };
  return tableOrder((keys[sort.id] ?? keys.filed)(), sort.desc, ["p.recorded_at", "p.id"]);
}

const DEFAULT_HISTORY: TableOptions<CaseHistorySort> = { sort: { id: "when", desc: false } };
const DEFAULT_CONTACTS: TableOptions<CaseContactSort> = { sort: { id: "when", desc: true } };
const DEFAULT_PETITIONS: TableOptions<CasePetitionSort> = { sort: { id: "filed", desc: false } };

/** `limit` as SQL: a non-negative whole number, or ALL. */
const limitOf = (n: number | undefined) => (n === undefined ? sql.raw("all") : sql`${Math.max(0, Math.floor(n))}`);

/** The facts that label a link's target, as JSON (null for the case itself). Alias l: source_links. */
const linkFactsSql = sql.raw(`case
      when l.status_change_id is not null then (select json_build_object('kind', 'status_change', 'id', t.id,
        'status', t.status, 'on', t.occurred_on, 'precision', t.occurred_precision, 'approx', t.occurred_approx,
        'retracted', t.retracted_at is not null) from status_changes t where t.id = l.status_change_id)
      when l.contact_id is not null then (select json_build_object('kind', 'contact', 'id', t.id,
        'contactKind', t.kind, 'counterpart', t.counterpart, 'on', t.occurred_on, 'precision', t.occurred_precision,
        'approx', t.occurred_approx, 'retracted', t.retracted_at is not null) from consular_contacts t where t.id = l.contact_id)
      when l.petition_id is not null then (select json_build_object('kind', 'petition', 'id', t.id,
        'petitioner', t.petitioner, 'addressee', t.addressee, 'retracted', t.retracted_at is not null)
        from petitions t where t.id = l.petition_id)
      when l.note_id is not null then (select json_build_object('kind', 'note', 'id', t.id, 'on', t.occurred_on,
        'precision', t.occurred_precision, 'approx', t.occurred_approx, 'body', left(t.body, 200),
        'retracted', t.retracted_at is not null) from case_notes t where t.id = l.note_id)
    end`);

function toFacts(json: JsonFacts): TargetFacts {
  if (!json) return { kind: "case" };
  switch (json.kind) {
    case "status_change":
    case "note": {
      const { on, precision, approx, ...rest } = json;
      return { ...rest, when: partial(on, precision, approx) } as TargetFacts;
    }
    case "contact": {
      const { on, precision, approx, ...rest } = json;
      return { ...rest, when: partial(on, precision, approx) };
    }
    case "petition":
      return json;
  }
}

const targetOf = (facts: TargetFacts): SourceTarget =>
  facts.kind === "case" ? { kind: "case" } : { kind: facts.kind, id: facts.id };

function toRecord<T extends JsonItem>(row: T) {
  const { on, precision, approx, recordedAt, retractedAt, retractedBy, reason, ...rest } = row;
  return {
    ...rest,
    when: partial(on, precision, approx),
    recordedAt: new Date(recordedAt),
    retracted: retraction(retractedAt, retractedBy, reason),
  };
}

/**
 * What the case page shows of one case, in ONE query (one round trip, one consistent snapshot),
 * each part cut and ordered by PostgreSQL so that a case with hundreds of items costs the page no
 * more than what it shows:
 *   - a page of the merged timeline (status changes, consular contacts, petition events, notes),
 *     filtered and ordered as asked, after a keyset cursor, with who recorded each item, its
 *     sources and any retraction; how many items the filter lists, where the page starts, and how
 *     many items of each kind the case has;
 *   - the status-history, contacts and petitions tables, each sorted and cut as asked, with totals;
 *   - the sources asked for, with what each supports, and every source's title for the attach form;
 *   - when the current status began and the latest contact; the linked cases the actor may read.
 * The case is read under the actor's read rule (a case they may not read is NOT_FOUND), and a
 * linked case they may not read is not mentioned at all.
 */
export async function getCaseRecord(actor: Actor, ref: string, options: CaseRecordOptions): Promise<CaseRecord> {
  const wanted = options.kinds?.length ? TIMELINE_KINDS.filter((k) => options.kinds?.includes(k)) : TIMELINE_KINDS;
  const dir = sql.raw(options.order === "desc" ? "desc" : "asc");
  const cursor = options.after ? CURSOR.exec(options.after) : null;
  const key = sql`(u.on_key, u.ord, u.id_key)`;
  const cursorKey = cursor ? sql`(${cursor[1]}::text, ${cursor[2]}::text, ${cursor[3]}::text)` : null;
  // Items after the cursor in the page's direction; those up to it are the ones before the page.
  const afterCursor = cursorKey ? sql`${key} ${sql.raw(options.order === "desc" ? "<" : ">")} ${cursorKey}` : sql`true`;
  const beforePage = cursorKey
    ? sql`${key} ${sql.raw(options.order === "desc" ? ">=" : "<=")} ${cursorKey}`
    : sql`false`;
  const branches = wanted.map((kind) => {
    const k = KIND_SQL[kind];
    const petition = kind === "petition_event" ? sql.raw("x.petition_id") : sql.raw("null::uuid");
    return sql`select ${sql.raw(`'${kind}'`)}::text as kind, x.id, ${petition} as petition_id,
        to_char(x.occurred_on, 'YYYY-MM-DD') collate "C" as on_key, ${orderKey("x")} collate "C" as ord,
        x.id::text collate "C" as id_key, x.recorded_at
      from ${sql.raw(k.table)} x where x.case_id = (select id from k)`;
  });
  const limit = options.limit === undefined ? undefined : Math.max(0, Math.floor(options.limit));
  const history = options.history ?? DEFAULT_HISTORY;
  const contacts = options.contacts ?? DEFAULT_CONTACTS;
  const petitions = options.petitions ?? DEFAULT_PETITIONS;
  const count = (table: string) => sql.raw(`(select count(*)::int from ${table} where case_id = k.id)`);

  const query = sql`
    with k as (select ${cases.id} as id, ${cases.ref} as ref from ${cases} where ${cases.ref} = ${ref} and ${canReadCase(actor)}),
    u as (${sql.join(branches, sql` union all `)}),
    pg as (
      select u.*,
        -- A petition's sources show on its first event (its filing).
        u.kind = 'petition_event' and not exists (select 1 from petition_events e
          where e.petition_id = u.petition_id and (e.recorded_at, e.id) < (u.recorded_at, u.id)) as first
      from u where ${afterCursor}
      order by u.on_key ${dir}, u.ord ${dir}, u.id_key ${dir}
      limit ${limit === undefined ? sql.raw("all") : sql`${limit + 1}`}
    ),
    links as (
      select l.id as link_id, l.source_id, l.created_at, s.title, s.publisher, s.url,
        coalesce(l.status_change_id, l.contact_id, l.petition_id, l.note_id) as target
      from source_links l join sources s on s.id = l.source_id
      where l.case_id = (select id from k) and coalesce(l.status_change_id, l.contact_id, l.petition_id, l.note_id) is not null
    )
    select k.id, k.ref,
      (select count(*)::int from u) as listed,
      (select count(*)::int from u where ${beforePage}) as start,
      (select coalesce(json_agg(
          (case pg.kind
            ${sql.join(
              wanted.map(
                (kind) =>
                  sql`when ${sql.raw(`'${kind}'`)} then (select to_jsonb(r) from (${itemSelect(kind, sql.raw("pg.id"))}) r)`,
              ),
              sql` `,
            )}
          end) || jsonb_build_object('sources', ${itemSourcesSql})
          order by pg.on_key ${dir}, pg.ord ${dir}, pg.id_key ${dir}), '[]'::json) from pg) as items,
      json_build_object(
        'status_change', ${count("status_changes")}, 'contact', ${count("consular_contacts")},
        'petition_event', ${count("petition_events")}, 'note', ${count("case_notes")}) as counts,
      ${count("petitions")} as "petitionCount",
      ${count("sources")} as "sourceCount",
      ${rowsOf(sql`select 'status_change' as kind, ${itemColumns("x")}, ${sql.raw(KIND_SQL.status_change.columns)}
        from status_changes x ${whoJoins("x.recorded_by", "x.retracted_by")} where x.case_id = k.id
        order by ${historyOrder(history.sort)} limit ${limitOf(history.limit)}`)} as history,
      ${rowsOf(sql`select 'contact' as kind, ${itemColumns("x")}, ${sql.raw(KIND_SQL.contact.columns)}
        from consular_contacts x ${whoJoins("x.recorded_by", "x.retracted_by")} where x.case_id = k.id
        order by ${contactOrder(contacts.sort)} limit ${limitOf(contacts.limit)}`)} as contacts,
      ${rowsOf(sql`select p.id, p.petitioner, p.addressee, p.asks, p.asks_detail as "asksDetail", p.state,
          p.filed_on as "filedOn", p.filed_precision as "filedPrecision", p.filed_approx as "filedApprox",
          p.answer_due as "answerDue", p.answer, recorder.name as "recordedBy",
          p.retracted_at as "retractedAt", retractor.name as "retractedBy", p.retraction_reason as reason, p.version
        from petitions p ${whoJoins("p.recorded_by", "p.retracted_by")} where p.case_id = k.id
        order by ${petitionOrder(petitions.sort)} limit ${limitOf(petitions.limit)}`)} as petitions,
      ${rowsOf(sql`select s.id, s.kind, s.title, s.publisher, s.published_on as "publishedOn",
          s.published_precision as "publishedPrecision", s.published_approx as "publishedApprox", s.url, s.note,
          ${rowsOf(sql`select l.id, ${linkFactsSql} as facts from source_links l where l.source_id = s.id
            order by l.created_at`)} as links
        from sources s where s.case_id = k.id order by s.recorded_at, s.id limit ${limitOf(options.sources?.limit)}`)} as sources,
      ${rowsOf(sql`select s.id, s.title from sources s where s.case_id = k.id order by s.recorded_at, s.id`)} as choices,
      (select json_build_object('on', x.occurred_on, 'precision', x.occurred_precision, 'approx', x.occurred_approx)
        from status_changes x where x.case_id = k.id and x.retracted_at is null
        order by x.occurred_on desc, x.recorded_at desc, x.id desc limit 1) as "statusSince",
      (select json_build_object('on', x.occurred_on, 'precision', x.occurred_precision, 'approx', x.occurred_approx)
        from consular_contacts x where x.case_id = k.id and x.retracted_at is null
        order by x.occurred_on desc, x.recorded_at desc, x.id desc limit 1) as "lastContact",
      ${rowsOf(sql`select ${cases.ref} as ref, ${cases.fullName} as "fullName", ${cases.nativeName} as "nativeName",
          ${caseLinks.kind} as kind, ${caseLinks.note} as note
        from ${caseLinks} join ${cases} on (${caseLinks.caseA} = k.id and ${cases.id} = ${caseLinks.caseB})
          or (${caseLinks.caseB} = k.id and ${cases.id} = ${caseLinks.caseA})
        where ${canReadCase(actor)} order by ${cases.ref}`)} as links
    from k`;
  const [row] = (await getDb().execute(query)) as unknown as RecordRow[];
  if (!row) throw notFound("Case");

  const more = limit !== undefined && row.items.length > limit;
  const items = (more ? row.items.slice(0, limit) : row.items).map((item) => toRecord(item) as TimelineItem);
  const last = items.at(-1);
  const date = (d: JsonDate) => (d ? partial(d.on, d.precision, d.approx) : null);

  return {
    caseId: row.id,
    ref: row.ref,
    items,
    listed: row.listed,
    start: row.start,
    nextCursor: more && last ? cursorOf(last) : null,
    counts: row.counts,
    history: { rows: row.history.map((r) => toRecord(r) as StatusChangeRecord), total: row.counts.status_change },
    contacts: { rows: row.contacts.map((r) => toRecord(r) as ContactRecord), total: row.counts.contact },
    petitions: {
      total: row.petitionCount,
      rows: row.petitions.map((p) => ({
        id: p.id,
        petitioner: p.petitioner,
        addressee: p.addressee,
        asks: p.asks,
        asksDetail: p.asksDetail,
        state: p.state,
        filed: p.filedOn && p.filedPrecision ? partial(p.filedOn, p.filedPrecision, p.filedApprox) : null,
        answerDue: p.answerDue,
        answer: p.answer,
        recordedBy: p.recordedBy,
        retracted: retraction(p.retractedAt, p.retractedBy, p.reason),
        version: p.version,
      })),
    },
    sources: {
      total: row.sourceCount,
      choices: row.choices,
      rows: row.sources.map((s) => ({
        id: s.id,
        kind: s.kind,
        title: s.title,
        publisher: s.publisher,
        published:
          s.publishedOn && s.publishedPrecision
            ? partial(s.publishedOn, s.publishedPrecision, s.publishedApprox)
            : null,
        url: s.url,
        note: s.note,
        attachments: s.links.map((l) => {
          const facts = toFacts(l.facts);
          return { linkId: l.id, target: targetOf(facts), facts };
        }),
      })),
    },
    statusSince: date(row.statusSince),
    lastContact: date(row.lastContact),
    linkedCases: row.links,
  };
}

/**
 * Everything on a case a source can support, with the facts that label each one: the case itself,
 * then its status changes, contacts and notes (in timeline order) and its petitions (in the order
 * they were recorded), retracted ones included. For the forms' "Supports" select, loaded when opened.
 */
export async function listSourceTargets(actor: Actor, ref: string): Promise<TargetFacts[]> {
  const timelineOrder = sql.raw("t.occurred_on, t.recorded_at, t.id");
  const query = sql`
    with k as (select ${cases.id} as id from ${cases} where ${cases.ref} = ${ref} and ${canReadCase(actor)})
    select
      ${rowsOf(sql`select t.id, t.status, t.occurred_on as "on", t.occurred_precision as "precision",
          t.occurred_approx as approx, t.retracted_at is not null as retracted
        from status_changes t where t.case_id = k.id order by ${timelineOrder}`)} as statuses,
      ${rowsOf(sql`select t.id, t.kind as "contactKind", t.counterpart, t.occurred_on as "on",
          t.occurred_precision as "precision", t.occurred_approx as approx, t.retracted_at is not null as retracted
        from consular_contacts t where t.case_id = k.id order by ${timelineOrder}`)} as contacts,
      ${rowsOf(sql`select t.id, t.petitioner, t.addressee, t.retracted_at is not null as retracted
        from petitions t where t.case_id = k.id order by t.recorded_at, t.id`)} as petitions,
      ${rowsOf(sql`select t.id, t.occurred_on as "on", t.occurred_precision as "precision", t.occurred_approx as approx,
          left(t.body, 200) as body, t.retracted_at is not null as retracted
        from case_notes t where t.case_id = k.id order by ${timelineOrder}`)} as notes
    from k`;
  type Dated = { on: string; precision: PartialDate["precision"]; approx: boolean };
  const [row] = (await getDb().execute(query)) as unknown as Array<{
    statuses: Array<Dated & { id: string; status: CaseStatus; retracted: boolean }>;
    contacts: Array<
      Dated & { id: string; contactKind: ContactKind; counterpart: ContactCounterpart; retracted: boolean }
    >;
    petitions: Array<{ id: string; petitioner: string; addressee: string; retracted: boolean }>;
    notes: Array<Dated & { id: string; body: string; retracted: boolean }>;
  }>;
  if (!row) throw notFound("Case");
  const dated = <T extends Dated>({ on, precision, approx, ...rest }: T) => ({
    ...rest,
    when: partial(on, precision, approx),
  });
  return [
    { kind: "case" },
    ...row.statuses.map((s) => ({ kind: "status_change" as const, ...dated(s) })),
    ...row.contacts.map((c) => ({ kind: "contact" as const, ...dated(c) })),
    ...row.petitions.map((p) => ({ kind: "petition" as const, ...p })),
    ...row.notes.map((n) => ({ kind: "note" as const, ...dated(n) })),
  ];
}
