import "server-only";
import { and, count, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import { AWAITING_PETITION_STATES, type CaseStatus, type RiskLevel } from "@/lib/domain";
import { can } from "@/lib/permissions";
import { getDb } from "../client";
import { accounts, caseAssignments, cases, consularContacts, petitions } from "../schema";
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

export async function getDashboard(actor: Actor, f: DashboardFilter) {
  const db = getDb();
  const open = openCases(actor, f);
  const horizon = sql`${f.today}::date + 14`;
  const monthsStart = sql`date_trunc('month', ${f.today}::date) - interval '23 months'`;

  const [byStatus, byCountry, byFacility, byRisk, perMonth, quiet, deadlines, followUps, petitionsOverdue, highRisk] =
    await Promise.all([
      db.select({ key: cases.status, n: count() }).from(cases).where(open).groupBy(cases.status).orderBy(sql`2 desc`),
      db
        .select({ key: cases.detainingCountry, n: count() })
        .from(cases)
        .where(open)
        .groupBy(cases.detainingCountry)
        .orderBy(sql`2 desc`),
      db
        .select({
          key: sql<string>`coalesce(${cases.facility}, '')`,
          city: sql<string>`coalesce(${cases.facilityCity}, '')`,
          n: count(),
        })
        .from(cases)
        .where(open)
        .groupBy(sql`1`, sql`2`)
        .orderBy(sql`3 desc`)
        .limit(15),
      db.select({ key: cases.riskLevel, n: count() }).from(cases).where(open).groupBy(cases.riskLevel),
      db
        .select({ month: sql<string>`to_char(date_trunc('month', ${cases.detainedOn}), 'YYYY-MM')`, n: count() })
        .from(cases)
        .where(
          and(
            caseFilter(actor, f),
            sql`${cases.detainedOn} >= ${monthsStart}`,
            sql`${cases.detainedOn} <= ${f.today}::date`,
          ),
        )
        .groupBy(sql`1`)
        .orderBy(sql`1`),
      // Never contacted counts from the detention date (or from when the case was opened).
      db
        .select({
          ...caseRefColumns,
          lastContactOn: cases.lastContactOn,
          silentDays: sql<number>`(${f.today}::date - coalesce(${cases.lastContactOn}, ${cases.detainedOn}, ${cases.createdAt}::date))`,
        })
        .from(cases)
        .where(
          and(
            open,
            sql`coalesce(${cases.lastContactOn}, ${cases.detainedOn}, ${cases.createdAt}::date) < ${f.today}::date - ${f.quietDays}::int`,
          ),
        )
        .orderBy(sql`coalesce(${cases.lastContactOn}, ${cases.detainedOn}, ${cases.createdAt}::date) asc`, cases.ref)
        .limit(50),
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
        .limit(100),
      // A follow-up is pending while its contact is the case's latest one.
      db
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
            open,
            isNull(consularContacts.retractedAt),
            sql`${consularContacts.followUpOn} <= ${horizon}`,
            sql`${consularContacts.occurredOn} >= coalesce(${cases.lastContactOn}, ${consularContacts.occurredOn})`,
          ),
        )
        .orderBy(consularContacts.followUpOn, cases.ref)
        .limit(100),
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
        .limit(100),
      db
        .select({ ...caseRefColumns, due: cases.nextDeadline, daysLeft: daysFrom(f.today, cases.nextDeadline) })
        .from(cases)
        .where(and(open, inArray(cases.riskLevel, ["critical", "high"])))
        .orderBy(sql`${cases.riskLevel} desc`, sql`${cases.nextDeadline} asc nulls last`, cases.ref)
        .limit(20),
    ]);

  return {
    today: f.today,
    totalOpen: byStatus.reduce((n, r) => n + r.n, 0),
    byStatus,
    byCountry,
    byFacility,
    byRisk,
    perMonth: fillMonths(perMonth, f.today),
    quiet,
    deadlines,
    followUps,
    petitionsOverdue,
    highRisk,
    caseload: await caseload(actor, f),
  };
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
 * Open cases and overdue items per caseworker: overdue deadlines, pending follow-ups past due and
 * petitions past their answer date. A caseworker sees their own row only.
 */
async function caseload(actor: Actor, f: DashboardFilter) {
  const db = getDb();
  const scope = caseFilter(actor, f);
  const overdueItems = sql<number>`(
      (${cases.nextDeadline} < ${f.today}::date)::int
      + (select count(*) from ${consularContacts} cc
          where cc.case_id = ${cases.id} and cc.retracted_at is null and cc.follow_up_on < ${f.today}::date
            and cc.occurred_on >= coalesce(${cases.lastContactOn}, cc.occurred_on))
      + (select count(*) from ${petitions} p
          where p.case_id = ${cases.id} and p.retracted_at is null and p.state in ('submitted', 'acknowledged')
            and p.answer_due < ${f.today}::date)
    )`;
  const rows = await db
    .select({
      id: accounts.id,
      name: accounts.name,
      openCases: sql<number>`count(${cases.id})::int`,
      overdue: sql<number>`coalesce(sum(${overdueItems}), 0)::int`,
    })
    .from(accounts)
    .leftJoin(caseAssignments, eq(caseAssignments.accountId, accounts.id))
    .leftJoin(cases, and(eq(cases.id, caseAssignments.caseId), eq(cases.isOpen, true), scope))
    .where(
      and(
        eq(accounts.role, "caseworker"),
        eq(accounts.active, true),
        can(actor.role, "dashboard:all") ? undefined : eq(accounts.id, actor.id),
      ),
    )
    .groupBy(accounts.id, accounts.name)
    .orderBy(sql`4 desc`, sql`3 desc`, accounts.name);
  return rows;
}
