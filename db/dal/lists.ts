import "server-only";
import {
  type AnyColumn,
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  type SQL,
  sql,
} from "drizzle-orm";
import {
  AWAITING_PETITION_STATES,
  type ContactCounterpart,
  type ContactKind,
  type ContactOutcome,
  type PetitionAsk,
  type PetitionState,
} from "@/lib/domain";
import { type PartialDate, parseDay, todayIso } from "@/lib/partial-date";
import {
  type ContactListParams,
  contactListSchema,
  type PetitionListParams,
  petitionListSchema,
} from "@/lib/schemas/list-params";
import { DEFAULT_CONTACT_SORT, DEFAULT_PETITION_SORT, LAST_PAGE, type SortState } from "@/lib/schemas/lists";
import { basicFold, phoneticFold } from "@/lib/search";
import { type Db, getDb } from "../client";
import {
  cases,
  consularContacts,
  contactKindEnum,
  contactOutcomeEnum,
  petitionAskEnum,
  petitionStateEnum,
  petitions,
} from "../schema";
import { canReadCase } from "./access";
import type { Actor } from "./actor";

/* ----------------------------------------------------------------------------------------------
 * Keyset pagination, shared by every list (cases, contacts, petitions)
 *
 * A page is found from a position in the sort order, never by counting rows to skip: the query
 * asks for rows after (or before) the last key seen, `(sort column, …, id) > (…)`, which a btree on
 * the same columns answers by reading only the page, at any depth. Nulls sort last in both
 * directions: the rows with a value and the rows without are two segments, each read in index
 * order, the second only when the first runs out.
 * -------------------------------------------------------------------------------------------- */

/** One part of a sort key: an expression, and how a value read back from a cursor is checked and cast. */
export interface KeyPart {
  expr: SQL | AnyColumn;
  /** The SQL type a cursor value is cast to. */
  cast: string;
  accepts: (value: unknown) => boolean;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const textKey = (expr: SQL | AnyColumn): KeyPart => ({
  expr,
  cast: "text",
  accepts: (v) => typeof v === "string" && v.length <= 2000 && !v.includes("\u0000"),
});
export const dateKey = (expr: SQL | AnyColumn): KeyPart => ({
  expr,
  cast: "date",
  accepts: (v) => typeof v === "string" && ISO_DAY.test(v) && !Number.isNaN(Date.parse(v)),
});
export const uuidKey = (expr: SQL | AnyColumn): KeyPart => ({
  expr,
  cast: "uuid",
  accepts: (v) => typeof v === "string" && UUID.test(v),
});
export const realKey = (expr: SQL | AnyColumn): KeyPart => ({
  expr,
  cast: "real",
  accepts: (v) => typeof v === "number" && Math.abs(v) <= 1e30,
});
/** A pgEnum, as far as a key needs it: its SQL name and values. */
interface EnumType {
  enumName: string;
  enumValues: readonly string[];
}
export const enumKey = (expr: SQL | AnyColumn, type: EnumType): KeyPart => ({
  expr,
  cast: `"${type.enumName}"`,
  accepts: (v) => typeof v === "string" && type.enumValues.includes(v),
});

/** How a list is ordered. */
export interface SortPlan {
  /** Stamped into cursors, so that a cursor made under another sort is ignored rather than misread. */
  token: string;
  desc: boolean;
  /**
   * Most significant first, ending with a unique column (the id), all in the sort's direction so
   * that one btree on the same columns serves both directions. Only the first part may be null.
   */
  keys: readonly KeyPart[];
  firstNullable: boolean;
}

export function sortPlan(sort: SortState, keys: readonly KeyPart[], firstNullable = false): SortPlan {
  return { token: `${sort.id}.${sort.desc ? "desc" : "asc"}`, desc: sort.desc, keys, firstNullable };
}

/** A position: after (`a`) or before (`b`) the row with key `k`; `k` null with `b` is the end of the list. */
interface Cursor {
  s: string;
  d: "a" | "b";
  k: unknown[] | null;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

/** The cursor, or null (the first page) when it is malformed, forged or made under another sort. */
function decodeCursor(raw: string | null, plan: SortPlan): Cursor | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { s, d, k } = value as Record<string, unknown>;
  if (s !== plan.token || (d !== "a" && d !== "b")) return null;
  if (k === null) return d === "b" ? { s, d, k: null } : null;
  if (!Array.isArray(k) || k.length !== plan.keys.length) return null;
  const ok = k.every((v, i) => (v === null ? i === 0 && plan.firstNullable : plan.keys[i]?.accepts(v)));
  return ok ? { s, d, k } : null;
}

/** The sort key of each row, selected alongside it: `cursorKey: keyColumn(plan)`. */
export function keyColumn(plan: SortPlan) {
  return sql<unknown[]>`json_build_array(${sql.join(
    plan.keys.map((k) => k.expr),
    sql`, `,
  )})`;
}

function compareRow(keys: readonly KeyPart[], values: readonly unknown[], op: ">" | "<"): SQL {
  const left = sql.join(
    keys.map((k) => sql`${k.expr}`),
    sql`, `,
  );
  const right = sql.join(
    keys.map((k, i) => sql`${values[i]}::${sql.raw(k.cast)}`),
    sql`, `,
  );
  return sql`(${left}) ${sql.raw(op)} (${right})`;
}

/** Reads up to `limit` rows matching `where` (on top of the list's own filters) in `orderBy` order. */
export type SegmentFetch<Row> = (where: SQL | undefined, orderBy: SQL[], limit: number) => Promise<Row[]>;

export interface KeysetResult<Row> {
  rows: Row[];
  /** The page after this one, if there is one. */
  nextCursor: string | null;
  /** The page before this one, if this is not the first. */
  prevCursor: string | null;
}

/**
 * One page of a list in keyset order. `fetch` runs the list's query with the segment's extra
 * condition, order and limit, selecting `cursorKey: keyColumn(plan)`.
 */
export async function keysetPage<Row extends { cursorKey: unknown[] }>(
  plan: SortPlan,
  rawCursor: string | null,
  size: number,
  fetch: SegmentFetch<Row>,
): Promise<KeysetResult<Row>> {
  const cursor = rawCursor === LAST_PAGE ? { s: plan.token, d: "b" as const, k: null } : decodeCursor(rawCursor, plan);
  const forward = cursor?.d !== "b";
  // Reading backward walks the order in reverse, then flips the rows.
  const ascending = forward !== plan.desc;
  const op = ascending ? ">" : "<";
  const order = (keys: readonly KeyPart[]) => keys.map((k) => (ascending ? asc(k.expr) : desc(k.expr)));
  const [first, ...rest] = plan.keys;
  if (!first) throw new Error("a sort plan needs at least one key");
  const key = cursor?.k ?? null;
  const inNullSegment = plan.firstNullable && key !== null && key[0] === null;

  // Segment "values": rows whose first key is set; segment "nulls": the others, ordered by the rest.
  type Segment = { where: SQL | undefined; orderBy: SQL[] };
  const values = (from: boolean): Segment => ({
    where: and(
      plan.firstNullable ? isNotNull(first.expr) : undefined,
      from && key ? compareRow(plan.keys, key, op) : undefined,
    ),
    orderBy: order(plan.keys),
  });
  const nulls = (from: boolean): Segment => ({
    where: and(isNull(first.expr), from && key ? compareRow(rest, key.slice(1), op) : undefined),
    orderBy: order(rest),
  });
  let segments: Segment[];
  if (forward) {
    if (inNullSegment) segments = [nulls(true)];
    else segments = [values(true), ...(plan.firstNullable ? [nulls(false)] : [])];
  } else if (key === null) {
    segments = [...(plan.firstNullable ? [nulls(false)] : []), values(false)];
  } else if (inNullSegment) {
    segments = [nulls(true), values(false)];
  } else {
    segments = [values(true)];
  }

  let rows: Row[] = [];
  for (const segment of segments) {
    const want = size + 1 - rows.length;
    if (want <= 0) break;
    rows = rows.concat(await fetch(segment.where, segment.orderBy, want));
  }
  const more = rows.length > size;
  rows = rows.slice(0, size);
  const at = (row: Row | undefined, d: "a" | "b") =>
    row ? encodeCursor({ s: plan.token, d, k: row.cursorKey }) : null;

  if (forward) {
    if (rows.length === 0 && key) {
      // Past the end (rows were removed since the link was made): offer the way back.
      return { rows, nextCursor: null, prevCursor: encodeCursor({ s: plan.token, d: "b", k: key }) };
    }
    return { rows, nextCursor: more ? at(rows.at(-1), "a") : null, prevCursor: cursor ? at(rows[0], "b") : null };
  }
  rows.reverse();
  // Nothing before these rows: this is the first page, and it should look like one (full).
  if (!more) return keysetPage(plan, null, size, fetch);
  return { rows, nextCursor: key ? at(rows.at(-1), "a") : null, prevCursor: at(rows[0], "b") };
}

/* ----------------------------------------------------------------------------------------------
 * Capped counts
 * -------------------------------------------------------------------------------------------- */

/** Counting stops here: "more than 1,000" is all a person needs, and it costs at most this many rows. */
export const COUNT_CAP = 1000;

export interface ListTotal {
  value: number;
  /** False when there are more than `value` rows. */
  exact: boolean;
}

/** Counts the rows of `rows` (a select of anything, LIMITed to COUNT_CAP + 1 by the caller). */
export async function cappedCount(db: Db, rows: SQL | { getSQL(): SQL }): Promise<ListTotal> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from (${rows}) as capped`);
  const n = Number(result[0]?.n ?? 0);
  return n > COUNT_CAP ? { value: COUNT_CAP, exact: false } : { value: n, exact: true };
}

/** A page of a list, as the table kit shows it. */
export interface ListPage<Row> extends KeysetResult<Row> {
  total: ListTotal;
}

/* ----------------------------------------------------------------------------------------------
 * Name search over cases.search_text (shared by the cases list and the lists hanging off cases)
 * -------------------------------------------------------------------------------------------- */

/** Escapes LIKE's wildcards, so that user text matches as typed. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface CaseSearch {
  /** The rows that match (index-backed). */
  match: SQL;
  /** How well, 0 to 1, for the relevance sort. */
  score: SQL;
}

/** A word of a reference ("2024", "0001", "dc-2017", and "dc" itself: db/dal/case-write.ts). */
const REF_WORD = /\d|^dc-?$/;

/**
 * The search for `q`, or null when `q` has nothing to search for.
 *
 * A name: the query is folded the way the stored text was (lib/search.ts, phoneticFold), so
 * "Paek Won Sun" meets "Baek Won-soon" and "Jeon Kyong-chol" meets "Jun Kyung-chul"; `<%` (word
 * similarity above pg_trgm's threshold, 0.6) uses cases_search_trgm_idx, and the best match ranks
 * first. One term, the folded one: search_text holds the folded form of every name, and each
 * extra term costs a word_similarity per candidate row in the index recheck, the filter and the
 * sort (60 ms instead of 10 at 100,000 cases).
 *
 * A reference or a fragment of one ("2024-0001", "dc-2017"): names have no digits, so a query
 * of digits is a substring of the reference, matched with ILIKE on the same trigram index (a
 * similarity test would match every case of a year on "2024" alone).
 *
 * Both ("Baek 2024", "Paek Won Sun 2017-00"): the name words are searched as a name, among the
 * cases whose reference contains the digits (a reference carries the year the case was opened);
 * digits too short to be a fragment (under 3 characters) are left out.
 */
export function caseSearch(q: string): CaseSearch | null {
  const text = cases.searchText;
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const refWords = words.filter((w) => REF_WORD.test(w));
  const nameWords = words.filter((w) => !REF_WORD.test(w));
  const hasDigits = refWords.some((w) => /\d/.test(w));
  const fragment = hasDigits ? refWords.join("-") : "";
  const inRef = fragment.length >= 3 ? sql`${text} ilike ${`%${escapeLike(fragment)}%`}` : undefined;
  const term = nameWords.length ? phoneticFold(nameWords.join(" ")) || basicFold(nameWords.join(" ")) : "";

  if (!term) {
    if (!inRef) return null;
    // The exact reference first, then the others that contain the fragment.
    return { match: inRef, score: sql`(case when ${cases.ref} ilike ${fragment} then 1 else 0.5 end)::real` };
  }
  const byName = sql`${term} <% ${text}`;
  return {
    match: inRef ? sql`(${byName} and ${inRef})` : byName,
    score: sql`word_similarity(${term}, ${text})::real`,
  };
}

/* ----------------------------------------------------------------------------------------------
 * Dates relative to today
 * -------------------------------------------------------------------------------------------- */

/** YYYY-MM-DD plus `days`. */
export function addDays(day: string, days: number): string {
  return todayIso(new Date(parseDay(day).getTime() + days * 86_400_000));
}

/** The Sunday that ends the ISO week (Monday to Sunday) `day` is in. */
export function endOfWeek(day: string): string {
  const weekday = parseDay(day).getUTCDay(); // 0 = Sunday
  return addDays(day, (7 - weekday) % 7);
}

export interface ListOptions {
  /** YYYY-MM-DD; defaults to todayIso(). Tests pass their own. */
  today?: string;
}

const partial = (on: string | null, precision: PartialDate["precision"] | null, approx: boolean) =>
  on && precision ? { on, precision, approx } : null;

/* ----------------------------------------------------------------------------------------------
 * /contacts: every non-retracted consular contact on a case the actor may read
 * -------------------------------------------------------------------------------------------- */

/** A row of the contacts list: only what the table shows. */
export interface ContactListRow {
  id: string;
  caseRef: string;
  caseName: string;
  caseRestricted: boolean;
  kind: ContactKind;
  counterpart: ContactCounterpart;
  outcome: ContactOutcome;
  occurred: PartialDate;
  followUpOn: string | null;
  ourParticipants: string | null;
  theirParticipants: string | null;
  summary: string | null;
}

function contactSortPlan(sort: SortState): SortPlan {
  const c = consularContacts;
  switch (sort.id) {
    case "followUp":
      return sortPlan(sort, [dateKey(c.followUpOn), uuidKey(c.id)], true);
    case "kind":
      return sortPlan(sort, [enumKey(c.kind, contactKindEnum), dateKey(c.occurredOn), uuidKey(c.id)]);
    case "outcome":
      return sortPlan(sort, [enumKey(c.outcome, contactOutcomeEnum), dateKey(c.occurredOn), uuidKey(c.id)]);
    default:
      return sortPlan(sort, [dateKey(c.occurredOn), uuidKey(c.id)]);
  }
}

/** The consular contacts the actor may read, filtered, sorted and paged (see ContactListParams). */
export async function searchContacts(
  actor: Actor,
  input: Partial<ContactListParams>,
  options: ListOptions = {},
): Promise<ListPage<ContactListRow>> {
  const params = contactListSchema.parse(input);
  const today = options.today ?? todayIso();
  const c = consularContacts;
  const search = params.q ? caseSearch(params.q) : null;
  const sunday = endOfWeek(today);
  const followUp = {
    overdue: and(isNotNull(c.followUpOn), lt(c.followUpOn, today)),
    week: and(gte(c.followUpOn, today), lte(c.followUpOn, sunday)),
    due: and(isNotNull(c.followUpOn), lte(c.followUpOn, sunday)),
  } as const;
  const where = and(
    isNull(c.retractedAt),
    canReadCase(actor),
    params.kind.length ? inArray(c.kind, params.kind) : undefined,
    params.outcome.length ? inArray(c.outcome, params.outcome) : undefined,
    params.with.length ? inArray(c.counterpart, params.with) : undefined,
    params.followUp ? followUp[params.followUp] : undefined,
    search?.match,
  );
  const plan = contactSortPlan(params.sort ?? DEFAULT_CONTACT_SORT);
  const db = getDb();

  const [page, total] = await Promise.all([
    keysetPage(plan, params.cursor, params.size, (extra, orderBy, limit) =>
      db
        .select({
          id: c.id,
          caseRef: cases.ref,
          caseName: cases.fullName,
          caseRestricted: cases.restricted,
          kind: c.kind,
          counterpart: c.counterpart,
          outcome: c.outcome,
          occurredOn: c.occurredOn,
          occurredPrecision: c.occurredPrecision,
          occurredApprox: c.occurredApprox,
          followUpOn: c.followUpOn,
          ourParticipants: c.ourParticipants,
          theirParticipants: c.theirParticipants,
          summary: c.summary,
          cursorKey: keyColumn(plan),
        })
        .from(c)
        .innerJoin(cases, eq(cases.id, c.caseId))
        .where(and(where, extra))
        .orderBy(...orderBy)
        .limit(limit),
    ),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(c)
        .innerJoin(cases, eq(cases.id, c.caseId))
        .where(where)
        .limit(COUNT_CAP + 1),
    ),
  ]);
  return {
    ...page,
    total,
    rows: page.rows.map(({ cursorKey: _k, occurredOn, occurredPrecision, occurredApprox, ...row }) => ({
      ...row,
      occurred: { on: occurredOn, precision: occurredPrecision, approx: occurredApprox },
    })),
  };
}

/* ----------------------------------------------------------------------------------------------
 * /petitions: every non-retracted petition on a case the actor may read
 * -------------------------------------------------------------------------------------------- */

/** A row of the petitions list: only what the table shows. */
export interface PetitionListRow {
  id: string;
  caseRef: string;
  caseName: string;
  caseRestricted: boolean;
  petitioner: string;
  addressee: string;
  asks: PetitionAsk;
  state: PetitionState;
  filed: PartialDate | null;
  answerDue: string | null;
}

function petitionSortPlan(sort: SortState): SortPlan {
  const p = petitions;
  switch (sort.id) {
    case "due":
      return sortPlan(sort, [dateKey(p.answerDue), uuidKey(p.id)], true);
    case "state":
      return sortPlan(sort, [enumKey(p.state, petitionStateEnum), uuidKey(p.id)]);
    case "asks":
      return sortPlan(sort, [enumKey(p.asks, petitionAskEnum), uuidKey(p.id)]);
    default:
      return sortPlan(sort, [dateKey(p.filedOn), uuidKey(p.id)], true);
  }
}

/** The petitions the actor may read, filtered, sorted and paged (see PetitionListParams). */
export async function searchPetitions(
  actor: Actor,
  input: Partial<PetitionListParams>,
  options: ListOptions = {},
): Promise<ListPage<PetitionListRow>> {
  const params = petitionListSchema.parse(input);
  const today = options.today ?? todayIso();
  const p = petitions;
  const search = params.q ? caseSearch(params.q) : null;
  const awaiting = inArray(p.state, [...AWAITING_PETITION_STATES]);
  const answer = {
    awaiting,
    overdue: and(awaiting, isNotNull(p.answerDue), lt(p.answerDue, today)),
  } as const;
  const where = and(
    isNull(p.retractedAt),
    canReadCase(actor),
    params.state.length ? inArray(p.state, params.state) : undefined,
    params.asks.length ? inArray(p.asks, params.asks) : undefined,
    params.answer ? answer[params.answer] : undefined,
    search?.match,
  );
  const plan = petitionSortPlan(params.sort ?? DEFAULT_PETITION_SORT);
  const db = getDb();

  const [page, total] = await Promise.all([
    keysetPage(plan, params.cursor, params.size, (extra, orderBy, limit) =>
      db
        .select({
          id: p.id,
          caseRef: cases.ref,
          caseName: cases.fullName,
          caseRestricted: cases.restricted,
          petitioner: p.petitioner,
          addressee: p.addressee,
          asks: p.asks,
          state: p.state,
          filedOn: p.filedOn,
          filedPrecision: p.filedPrecision,
          filedApprox: p.filedApprox,
          answerDue: p.answerDue,
          cursorKey: keyColumn(plan),
        })
        .from(p)
        .innerJoin(cases, eq(cases.id, p.caseId))
        .where(and(where, extra))
        .orderBy(...orderBy)
        .limit(limit),
    ),
    cappedCount(
      db,
      db
        .select({ one: sql`1` })
        .from(p)
        .innerJoin(cases, eq(cases.id, p.caseId))
        .where(where)
        .limit(COUNT_CAP + 1),
    ),
  ]);
  return {
    ...page,
    total,
    rows: page.rows.map(({ cursorKey: _k, filedOn, filedPrecision, filedApprox, ...row }) => ({
      ...row,
      filed: partial(filedOn, filedPrecision, filedApprox),
    })),
  };
}
