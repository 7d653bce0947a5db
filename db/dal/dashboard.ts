import "server-only";
import { and, asc, eq, gte, inArray, isNull, lte, type SQL, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { AWAITING_PETITION_STATES, type CaseStatus, type RiskLevel } from "@/lib/domain";
import { can } from "@/lib/permissions";
import { getDb, type Tx } from "../client";
import {
  accounts,
  caseAssignments,
  cases,
  consularContacts,
  dashboardCaseItems,
  dashboardCaseload,
  dashboardCaseloadDue,
  dashboardOpenCounts,
  petitions,
} from "../schema";
import { assignedTo, canReadCase } from "./access";
import type { Actor } from "./actor";

/**
 * The coordinator's dashboard. Coordinators and admins see every case they may read; caseworkers see
 * the cases assigned to them ("My cases"). Every figure goes through the same scope, so no number
 * counts a case the viewer may not open. "Today" is a parameter so tests can set the clock.
 */
export interface DashboardFilter {
  /** YYYY-MM-DD: the day the figures are computed for. */
  today: string;
  /** ISO alpha-2 detaining country. */
  country?: string | null;
  /** Detention date range, YYYY-MM-DD, inclusive. */
  detainedFrom?: string | null;
  detainedTo?: string | null;
  /** "Went quiet" after this many days without consular contact. */
  quietDays: number;
}

/** The dashboard's lists that show their first rows only until asked for all (`?show=`, and the anchor). */
export const DASHBOARD_LISTS = ["high-risk", "quiet", "deadlines", "follow-ups", "petitions", "caseload"] as const;
export type DashboardList = (typeof DASHBOARD_LISTS)[number];

/** Rows each list shows until "show all" is asked for: the page stays small at any size. */
export const DASHBOARD_PREVIEW_ROWS = 10;

/** The most rows a list holds in full; the caseload has no cap (a row per caseworker). */
const FULL_ROWS = {
  "high-risk": 20,
  quiet: 50,
  deadlines: 100,
  "follow-ups": 100,
  petitions: 100,
} as const satisfies Record<Exclude<DashboardList, "caseload">, number>;
type CappedList = keyof typeof FULL_ROWS;

/**
 * How many rows to read per list: without it, each list in full; with it, `preview + 1` rows (the
 * one more says whether there is more to show), except the `expanded` list, in full. The database
 * does not send 400 rows for the 60 the page shows.
 */
export interface DashboardRows {
  preview: number;
  expanded?: DashboardList | null;
}

function rowLimit(list: CappedList, rows: DashboardRows | undefined): number {
  const full = FULL_ROWS[list];
  return !rows || rows.expanded === list ? full : Math.min(full, rows.preview + 1);
}

function caseloadLimit(rows: DashboardRows | undefined): number | undefined {
  return !rows || rows.expanded === "caseload" ? undefined : rows.preview + 1;
}

export function dashboardScope(actor: Actor) {
  if (can(actor.role, "dashboard:all")) return canReadCase(actor);
  return assignedTo(actor);
}

function caseFilter(actor: Actor, f: DashboardFilter) {
  return and(
    dashboardScope(actor),
    f.country ? eq(cases.detainingCountry, f.country) : undefined,
    f.detainedFrom ? gte(cases.detainedOn, f.detainedFrom) : undefined,
    f.detainedTo ? lte(cases.detainedOn, f.detainedTo) : undefined,
  );
}

const openCases = (actor: Actor, f: DashboardFilter) => and(eq(cases.isOpen, true), caseFilter(actor, f));

/** Days from `today` to a date column (negative when past). */
const daysFrom = (today: string, column: unknown) => sql<number>`(${column} - ${today}::date)`;

export interface CaseRef {
  ref: string;
  fullName: string;
  nativeName: string | null;
  riskLevel: RiskLevel;
  status: CaseStatus;
}

const caseRefColumns = {
  ref: cases.ref,
  fullName: cases.fullName,
  nativeName: cases.nativeName,
  riskLevel: cases.riskLevel,
  status: cases.status,
};

/**
 * Whether the maintained summaries (db/schema.ts, migration 0004) answer for this view: they hold
 * every open case, so only for a viewer who may read every case, with no detention-date filter
 * (and for the caseload, no filter at all). Anything else is computed from the records, within the
 * viewer's scope: a caseworker's few hundred cases, or the cases of the chosen dates.
 */
function summariesCover(actor: Actor, f: DashboardFilter, { country }: { country: boolean }) {
  const everything = can(actor.role, "dashboard:all") && can(actor.role, "case:read-restricted");
  return everything && !f.detainedFrom && !f.detainedTo && (country || !f.country);
}

type CountRow = { set: "status" | "country" | "facility" | "risk"; key: string; city: string; n: number };

/** Open cases by status, country, place of detention and risk: one GROUPING SETS query. */
function openCounts(db: Tx, actor: Actor, f: DashboardFilter): Promise<CountRow[]> {
  if (summariesCover(actor, f, { country: true })) {
    const t = dashboardOpenCounts;
    return db
      .select({
        set: setOf(t.status, t.detainingCountry, t.riskLevel),
        key: sql<string>`coalesce(${t.status}::text, ${t.detainingCountry}, ${t.riskLevel}::text, ${t.facility})`,
        city: sql<string>`coalesce(${t.facilityCity}, '')`,
        n: sql<number>`sum(${t.n})::int`,
      })
      .from(t)
      .where(and(sql`${t.n} > 0`, f.country ? eq(t.detainingCountry, f.country) : undefined))
      .groupBy(
        sql`grouping sets ((${t.status}), (${t.detainingCountry}), (${t.riskLevel}), (${t.facility}, ${t.facilityCity}))`,
      );
  }
  const facility = sql`coalesce(${cases.facility}, '')`;
  const city = sql`coalesce(${cases.facilityCity}, '')`;
  return db
    .select({
      set: setOf(cases.status, cases.detainingCountry, cases.riskLevel),
      key: sql<string>`coalesce(${cases.status}::text, ${cases.detainingCountry}, ${cases.riskLevel}::text, ${facility})`,
      city: sql<string>`coalesce(${city}, '')`,
      n: sql<number>`count(*)::int`,
    })
    .from(cases)
    .where(openCases(actor, f))
    .groupBy(
      sql`grouping sets ((${cases.status}), (${cases.detainingCountry}), (${cases.riskLevel}), (${facility}, ${city}))`,
    );
}

const setOf = (status: unknown, country: unknown, risk: unknown) =>
  sql<CountRow["set"]>`case when grouping(${status}) = 0 then 'status' when grouping(${country}) = 0 then 'country'
    when grouping(${risk}) = 0 then 'risk' else 'facility' end`;

const byCount = (a: { n: number; key: string }, b: { n: number; key: string }) =>
  b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Sorts one grouping set's rows, most cases first. */
function countsOf<K extends string>(rows: CountRow[], set: CountRow["set"]) {
  return rows
    .filter((r) => r.set === set)
    .map((r) => ({ key: r.key as K, city: r.city, n: r.n }))
    .sort(byCount);
}

/** Places of detention shown on the dashboard (the largest ones). */
export const FACILITY_LIMIT = 15;

/**
 * Every figure of the dashboard, read fresh. The queries share one transaction, hence one
 * connection, on which postgres.js sends them together (pipelined) instead of taking ten
 * connections from the pool for one page. (Read committed, the default: a `set transaction` would
 * be one more statement, and the bench's EXPLAIN of every captured statement cannot take it.)
 */
export function getDashboard(actor: Actor, f: DashboardFilter, rows?: DashboardRows) {
  return getDb().transaction((tx) => readDashboard(tx, actor, f, rows));
}

async function readDashboard(db: Tx, actor: Actor, f: DashboardFilter, rows: DashboardRows | undefined) {
  const limit = (list: CappedList) => rowLimit(list, rows);
  const open = openCases(actor, f);
  const horizon = sql`${f.today}::date + 14`;
  const monthsStart = sql`date_trunc('month', ${f.today}::date) - interval '23 months'`;
  const months = sql.identifier("months");

  const [counts, perMonth, quiet, deadlines, followUps, petitionsOverdue, highRisk, load] = await Promise.all([
    openCounts(db, actor, f),
    // One count per month, each a range of cases_detained_on_idx: 24 short index scans, not a
    // date_trunc over every detention of two years (18,000 rows at 100,000 cases: 8 ms -> 2 ms).
    db
      .select({
        month: sql<string>`to_char(${months}.start, 'YYYY-MM')`,
        n: sql<number>`(${db
          .select({ n: sql`count(*)::int` })
          .from(cases)
          .where(
            and(
              caseFilter(actor, f),
              sql`${cases.detainedOn} >= ${months}.start::date`,
              sql`${cases.detainedOn} < (${months}.start + interval '1 month')::date`,
              sql`${cases.detainedOn} <= ${f.today}::date`,
            ),
          )})`,
      })
      .from(
        sql`generate_series(${monthsStart}, date_trunc('month', ${f.today}::date), interval '1 month') as ${months}(start)`,
      )
      .orderBy(sql`1`),
    quietCases(db, actor, f, limit("quiet")),
    db
      .select({
        ...caseRefColumns,
        due: cases.nextDeadline,
        note: cases.nextDeadlineNote,
        daysLeft: daysFrom(f.today, cases.nextDeadline),
      })
      .from(cases)
      .where(and(open, sql`${cases.nextDeadline} <= ${horizon}`))
      .orderBy(cases.nextDeadline, cases.ref)
      .limit(limit("deadlines")),
    pendingFollowUps(db, actor, f, limit("follow-ups")),
    db
      .select({
        ...caseRefColumns,
        petitioner: petitions.petitioner,
        addressee: petitions.addressee,
        state: petitions.state,
        due: petitions.answerDue,
        daysLeft: daysFrom(f.today, petitions.answerDue),
      })
      .from(petitions)
      .innerJoin(cases, eq(cases.id, petitions.caseId))
      .where(
        and(
          caseFilter(actor, f),
          inArray(petitions.state, [...AWAITING_PETITION_STATES]),
          isNull(petitions.retractedAt),
          sql`${petitions.answerDue} < ${f.today}::date`,
        ),
      )
      .orderBy(petitions.answerDue, cases.ref)
      .limit(limit("petitions")),
    db
      .select({ ...caseRefColumns, due: cases.nextDeadline, daysLeft: daysFrom(f.today, cases.nextDeadline) })
      .from(cases)
      .where(and(open, inArray(cases.riskLevel, ["critical", "high"])))
      // As cases_open_risk_idx sorts (risk_level is never null): critical first, then high.
      .orderBy(sql`${cases.riskLevel} desc nulls last`, sql`${cases.nextDeadline} asc nulls last`, cases.ref)
      .limit(limit("high-risk")),
    caseload(db, actor, f, caseloadLimit(rows)),
  ]);

  const byStatus = countsOf<CaseStatus>(counts, "status").map(({ key, n }) => ({ key, n }));
  const byRisk = countsOf<RiskLevel>(counts, "risk").map(({ key, n }) => ({ key, n }));
  return {
    today: f.today,
    totalOpen: byStatus.reduce((n, r) => n + r.n, 0),
    byStatus,
    byCountry: countsOf(counts, "country").map(({ key, n }) => ({ key, n })),
    byFacility: countsOf(counts, "facility").slice(0, FACILITY_LIMIT),
    byRisk,
    /** Open high and critical risk cases in scope: all of them, however few `highRisk` lists. */
    highRiskTotal: byRisk.reduce((n, r) => (r.key === "critical" || r.key === "high" ? n + r.n : n), 0),
    perMonth: fillMonths(perMonth, f.today),
    quiet,
    deadlines,
    followUps,
    petitionsOverdue,
    highRisk,
    caseload: load,
  };
}

/**
 * Open cases without consular contact for more than `quietDays`, longest silence first. Never
 * contacted counts from the detention date, else from when the case was opened. Two index-backed
 * halves (cases_open_quiet_idx, cases_open_undated_idx), merged here: the opening date is a
 * timestamp whose day depends on the session's time zone, so no index can hold the whole expression.
 */
async function quietCases(db: Tx, actor: Actor, f: DashboardFilter, limit: number) {
  const open = openCases(actor, f);
  const quietBefore = sql`${f.today}::date - ${f.quietDays}::int`;
  const dated = sql`coalesce(${cases.lastContactOn}, ${cases.detainedOn})`;
  const opened = sql`${cases.createdAt}::date`;
  const columns = { ...caseRefColumns, lastContactOn: cases.lastContactOn };
  // One round trip: each half ordered and limited on its own index, then merged below.
  const rows = await unionAll(
    db
      .select({ ...columns, silentDays: sql<number>`(${f.today}::date - ${dated})` })
      .from(cases)
      .where(and(open, sql`${dated} < ${quietBefore}`))
      .orderBy(dated, cases.ref)
      .limit(limit),
    db
      .select({ ...columns, silentDays: sql<number>`(${f.today}::date - ${opened})` })
      .from(cases)
      .where(and(open, isNull(cases.lastContactOn), isNull(cases.detainedOn), sql`${opened} < ${quietBefore}`))
      .orderBy(opened, cases.ref)
      .limit(limit),
  );
  return rows
    .sort((a, b) => b.silentDays - a.silentDays || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
    .slice(0, limit);
}

/**
 * Follow-ups due within 14 days or overdue. A follow-up is pending while its contact is the case's
 * latest one. The cases come first, in order of their earliest pending follow-up (maintained in
 * dashboard_case_items): the first `limit` follow-ups belong to the first `limit` such cases, since
 * each case before another has a follow-up at least as early.
 */
function pendingFollowUps(db: Tx, actor: Actor, f: DashboardFilter, limit: number) {
  const horizon = sql`${f.today}::date + 14`;
  const d = dashboardCaseItems;
  const firstCases = db
    .select({ id: d.caseId })
    .from(d)
    .innerJoin(cases, eq(cases.id, d.caseId))
    .where(and(eq(d.isOpen, true), sql`${d.nextFollowUpOn} <= ${horizon}`, openCases(actor, f)))
    .orderBy(d.nextFollowUpOn, cases.ref)
    .limit(limit);
  return db
    .select({
      ...caseRefColumns,
      due: consularContacts.followUpOn,
      kind: consularContacts.kind,
      daysLeft: daysFrom(f.today, consularContacts.followUpOn),
    })
    .from(consularContacts)
    .innerJoin(cases, eq(cases.id, consularContacts.caseId))
    .where(
      and(
        inArray(consularContacts.caseId, firstCases),
        eq(cases.isOpen, true),
        isNull(consularContacts.retractedAt),
        sql`${consularContacts.followUpOn} <= ${horizon}`,
        sql`${consularContacts.occurredOn} >= coalesce(${cases.lastContactOn}, ${consularContacts.occurredOn})`,
      ),
    )
    .orderBy(consularContacts.followUpOn, cases.ref)
    .limit(limit);
}

/** The last 24 months, oldest first, with zero for months without a detention. */
function fillMonths(rows: Array<{ month: string; n: number }>, today: string) {
  const byMonth = new Map(rows.map((r) => [r.month, r.n]));
  const [y, m] = today.split("-").map(Number) as [number, number];
  return Array.from({ length: 24 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (23 - i), 1));
    const key = d.toISOString().slice(0, 7);
    return { month: key, n: byMonth.get(key) ?? 0 };
  });
}

/**
 * Items of open cases in scope due on or after `today`, per assigned account: overdue items are
 * those with a due date (dashboard_case_items.due_items) minus these. Few rows at any size, as
 * long as the future is shorter than the past.
 */
function notYetDue(actor: Actor, f: DashboardFilter, onlyAccount: string | null): SQL {
  const open = openCases(actor, f);
  return sql`(
    select ${caseAssignments.accountId} as account_id, count(*)::int as n
    from (
      select ${cases.id} as case_id from ${cases}
        where ${open} and ${cases.nextDeadline} >= ${f.today}::date
      union all
      select ${consularContacts.caseId} from ${consularContacts} join ${cases} on ${cases.id} = ${consularContacts.caseId}
        where ${open} and ${consularContacts.retractedAt} is null and ${consularContacts.followUpOn} >= ${f.today}::date
          and ${consularContacts.occurredOn} >= coalesce(${cases.lastContactOn}, ${consularContacts.occurredOn})
      union all
      select ${petitions.caseId} from ${petitions} join ${cases} on ${cases.id} = ${petitions.caseId}
        where ${open} and ${petitions.retractedAt} is null and ${petitions.answerDue} >= ${f.today}::date
          and ${inArray(petitions.state, [...AWAITING_PETITION_STATES])}
    ) as items
    join ${caseAssignments} on ${caseAssignments.caseId} = items.case_id
    ${onlyAccount ? sql`where ${caseAssignments.accountId} = ${onlyAccount}` : sql``}
    group by 1
  )`;
}

export interface CaseloadRow {
  id: string;
  name: string;
  openCases: number;
  overdue: number;
}

/**
 * Open cases and overdue items per caseworker: overdue deadlines, pending follow-ups past due and
 * petitions past their answer date. A caseworker sees their own row only. Without filters, the
 * per-account sums are maintained (dashboard_caseload); otherwise they are summed per case.
 */
async function caseload(db: Tx, actor: Actor, f: DashboardFilter, limit?: number): Promise<CaseloadRow[]> {
  const onlyAccount = can(actor.role, "dashboard:all") ? null : actor.id;
  const whoCounts = and(
    eq(accounts.role, "caseworker"),
    eq(accounts.active, true),
    onlyAccount ? eq(accounts.id, onlyAccount) : undefined,
  );
  const futureN = sql`coalesce(max(future.n), 0)`;
  if (summariesCover(actor, f, { country: false })) {
    const due = dashboardCaseloadDue;
    const maintainedFuture = sql`(
      select ${due.accountId} as account_id, sum(${due.n})::int as n from ${due}
      where ${due.dueOn} >= ${f.today}::date group by 1
    ) as future`;
    return limited(
      db
        .select({
          id: accounts.id,
          name: accounts.name,
          openCases: sql<number>`coalesce(max(${dashboardCaseload.openCases}), 0)::int`,
          overdue: sql<number>`(coalesce(max(${dashboardCaseload.dueItems}), 0) - ${futureN})::int`,
        })
        .from(accounts)
        .leftJoin(dashboardCaseload, eq(dashboardCaseload.accountId, accounts.id))
        .leftJoin(maintainedFuture, sql`future.account_id = ${accounts.id}`)
        .where(whoCounts)
        .groupBy(accounts.id, accounts.name)
        .orderBy(sql`4 desc`, sql`3 desc`, asc(accounts.name))
        .$dynamic(),
      limit,
    );
  }
  const future = sql`${notYetDue(actor, f, onlyAccount)} as future`;
  return limited(
    db
      .select({
        id: accounts.id,
        name: accounts.name,
        openCases: sql<number>`count(${cases.id})::int`,
        overdue: sql<number>`(coalesce(sum(${dashboardCaseItems.dueItems}), 0) - ${futureN})::int`,
      })
      .from(accounts)
      .leftJoin(caseAssignments, eq(caseAssignments.accountId, accounts.id))
      .leftJoin(cases, and(eq(cases.id, caseAssignments.caseId), openCases(actor, f)))
      .leftJoin(dashboardCaseItems, eq(dashboardCaseItems.caseId, cases.id))
      .leftJoin(future, sql`future.account_id = ${accounts.id}`)
      .where(whoCounts)
      .groupBy(accounts.id, accounts.name)
      .orderBy(sql`4 desc`, sql`3 desc`, asc(accounts.name))
      .$dynamic(),
    limit,
  );
}

/** The query with `limit rows`, or as it is with no limit. */
function limited<Q extends { limit(n: number): Q }>(query: Q, rows: number | undefined): Q {
  return rows === undefined ? query : query.limit(rows);
}
