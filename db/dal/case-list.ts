import "server-only";
import { and, asc, eq, exists, ilike, inArray, isNotNull, lte, type SQL, sql } from "drizzle-orm";
import type { CaseStatus, RiskLevel } from "@/lib/domain";
import { type PartialDate, todayIso } from "@/lib/partial-date";
import { type CaseSort, effectiveCaseSort } from "@/lib/schemas/case-list";
import { type CaseListParams, caseListSchema } from "@/lib/schemas/list-params";
import type { SortState } from "@/lib/schemas/lists";
import { getDb } from "../client";
import { accounts, caseAssignments, caseStatusEnum, cases, riskLevelEnum } from "../schema";
import { canReadCase } from "./access";
import type { Actor } from "./actor";
import {
  addDays,
  COUNT_CAP,
  cappedCount,
  caseSearch,
  dateKey,
  enumKey,
  escapeLike,
  type KeyPart,
  keyColumn,
  keysetPage,
  type ListOptions,
  type ListPage,
  realKey,
  type SortPlan,
  sortPlan,
  textKey,
  uuidKey,
} from "./lists";

/** A row of the /cases list: only what the table shows. */
export interface CaseListRow {
  id: string;
  ref: string;
  fullName: string;
  nativeName: string | null;
  restricted: boolean;
  status: CaseStatus;
  detainingCountry: string;
  nationality: string | null;
  facility: string | null;
  facilityCity: string | null;
  riskLevel: RiskLevel;
  nextDeadline: string | null;
  detained: PartialDate | null;
  assigned: Array<{ id: string; name: string }>;
}

/**
 * Each sort's key, matching an index on cases (db/schema.ts) so that every page is an index range
 * scan: low-cardinality columns go on by name within a value, every key ends with the id.
 */
function caseSortPlan(sort: SortState<CaseSort>, score: SQL | undefined): SortPlan {
  const byName: KeyPart[] = [textKey(cases.fullName), uuidKey(cases.id)];
  switch (sort.id) {
    case "relevance":
      return sortPlan(sort, [realKey(score ?? sql`0`), uuidKey(cases.id)]);
    case "ref":
      return sortPlan(sort, [textKey(cases.ref)]); // unique: its own tie-break (cases_ref_key)
    case "name":
      return sortPlan(sort, byName);
    case "status":
      return sortPlan(sort, [enumKey(cases.status, caseStatusEnum), ...byName]);
    case "country":
      return sortPlan(sort, [textKey(cases.detainingCountry), ...byName]);
    case "nationality":
      return sortPlan(sort, [textKey(cases.nationality), ...byName], true);
    case "facility":
      return sortPlan(sort, [textKey(cases.facility), ...byName], true);
    case "risk":
      return sortPlan(sort, [enumKey(cases.riskLevel, riskLevelEnum), ...byName]);
    case "detained":
      return sortPlan(sort, [dateKey(cases.detainedOn), uuidKey(cases.id)], true);
    default:
      return sortPlan(sort, [dateKey(cases.nextDeadline), uuidKey(cases.id)], true);
  }
}

/**
 * The cases the actor may read, filtered, searched, sorted and paged by keyset (see CaseListParams).
 * The total is counted up to COUNT_CAP. Authorization (canReadCase) is part of every query here,
 * the count included.
 */
export async function searchCases(
  actor: Actor,
  input: Partial<CaseListParams>,
  options: ListOptions = {},
): Promise<ListPage<CaseListRow>> {
  const params = caseListSchema.parse(input);
  const today = options.today ?? todayIso();
  const search = params.q ? caseSearch(params.q) : null;
  const sort = effectiveCaseSort({ q: search ? params.q : "", sort: params.sort });
  const where = and(
    canReadCase(actor),
    params.status.length ? inArray(cases.status, params.status) : undefined,
    params.country ? eq(cases.detainingCountry, params.country) : undefined,
    params.nationality ? eq(cases.nationality, params.nationality) : undefined,
    params.risk.length ? inArray(cases.riskLevel, params.risk) : undefined,
    params.facility
      ? ilike(
          sql`coalesce(${cases.facility}, '') || ' ' || coalesce(${cases.facilityCity}, '')`,
          `%${escapeLike(params.facility)}%`,
        )
      : undefined,
    params.place !== null ? eq(sql`coalesce(${cases.facility}, '')`, params.place) : undefined,
    params.city !== null ? eq(sql`coalesce(${cases.facilityCity}, '')`, params.city) : undefined,
    params.mine
      ? exists(
          sql`(select 1 from ${caseAssignments} where ${caseAssignments.caseId} = ${cases.id} and ${caseAssignments.accountId} = ${actor.id})`,
        )
      : undefined,
    params.restricted ? eq(cases.restricted, params.restricted === "only") : undefined,
    params.due !== null
      ? and(isNotNull(cases.nextDeadline), lte(cases.nextDeadline, addDays(today, params.due)))
      : undefined,
    search?.match,
  );
  const plan = caseSortPlan(sort, search?.score);
  const db = getDb();
  // The first page of a search by relevance reads and ranks every match anyway: it counts them in
  // the same pass (a window count) instead of rechecking them all in a second query.
  const countInPage = !!search && sort.id === "relevance" && !params.cursor;

  const [page, counted] = await Promise.all([
    keysetPage(plan, params.cursor, params.size, (extra, orderBy, limit) =>
      db
        .select({
          id: cases.id,
          ref: cases.ref,
          fullName: cases.fullName,
          nativeName: cases.nativeName,
          restricted: cases.restricted,
          status: cases.status,
          detainingCountry: cases.detainingCountry,
          nationality: cases.nationality,
          facility: cases.facility,
          facilityCity: cases.facilityCity,
          riskLevel: cases.riskLevel,
          nextDeadline: cases.nextDeadline,
          detainedOn: cases.detainedOn,
          detainedPrecision: cases.detainedPrecision,
          detainedApprox: cases.detainedApprox,
          cursorKey: keyColumn(plan),
          matches: countInPage ? sql<number>`(count(*) over ())::int` : sql<null>`null::int`,
        })
        .from(cases)
        .where(and(where, extra))
        .orderBy(...orderBy)
        .limit(limit),
    ),
    countInPage
      ? null
      : cappedCount(
          db,
          db
            .select({ one: sql`1` })
            .from(cases)
            .where(where)
            .limit(COUNT_CAP + 1),
        ),
  ]);
  const matches = page.rows[0]?.matches ?? 0;
  const total = counted ?? { value: Math.min(matches, COUNT_CAP), exact: matches <= COUNT_CAP };

  const ids = page.rows.map((r) => r.id);
  const assignments = ids.length
    ? await db
        .select({ caseId: caseAssignments.caseId, id: accounts.id, name: accounts.name })
        .from(caseAssignments)
        .innerJoin(accounts, eq(accounts.id, caseAssignments.accountId))
        .where(inArray(caseAssignments.caseId, ids))
        .orderBy(asc(accounts.name))
    : [];
  const assignedTo = new Map<string, Array<{ id: string; name: string }>>();
  for (const a of assignments) {
    const list = assignedTo.get(a.caseId) ?? [];
    list.push({ id: a.id, name: a.name });
    assignedTo.set(a.caseId, list);
  }

  return {
    ...page,
    total,
    rows: page.rows.map(({ cursorKey: _k, matches: _m, detainedOn, detainedPrecision, detainedApprox, ...row }) => ({
      ...row,
      detained:
        detainedOn && detainedPrecision
          ? { on: detainedOn, precision: detainedPrecision, approx: detainedApprox }
          : null,
      assigned: assignedTo.get(row.id) ?? [],
    })),
  };
}

/** The values the country filters offer: those of the cases the actor may read. */
export interface CaseListFacets {
  countries: string[];
  nationalities: string[];
}

/**
 * Distinct values of an indexed column by a loose index scan (one index probe per value, not a
 * pass over the table), limited to the cases the actor may read.
 */
async function distinctReadable(actor: Actor, column: typeof cases.detainingCountry | typeof cases.nationality) {
  const readable = canReadCase(actor);
  const rows = await getDb().execute<{ v: string | null }>(sql`
    with recursive walk(v) as (
      (select ${column} from ${cases} where ${column} is not null and ${readable} order by ${column} limit 1)
      union all
      select (select ${column} from ${cases} where ${column} > walk.v and ${readable} order by ${column} limit 1)
      from walk where walk.v is not null
    )
    select v from walk where v is not null limit 500`);
  return rows.map((r) => r.v).filter((v): v is string => !!v);
}

/** The detaining countries of the cases the actor may read (the dashboard's country filter). */
export function readableDetainingCountries(actor: Actor): Promise<string[]> {
  return distinctReadable(actor, cases.detainingCountry);
}

export async function caseListFacets(actor: Actor): Promise<CaseListFacets> {
  const [countries, nationalities] = await Promise.all([
    readableDetainingCountries(actor),
    distinctReadable(actor, cases.nationality),
  ]);
  return { countries, nationalities };
}
