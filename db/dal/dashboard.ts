import "server-only";
import { and, count, eq, exists, sql } from "drizzle-orm";
import { can } from "@/lib/permissions";
import { getDb } from "../client";
import { caseAssignments, cases } from "../schema";
import { canReadCase } from "./access";
import type { Actor } from "./actor";

/** Coordinators and admins see every case; caseworkers see the cases assigned to them ("My cases"). */
export function dashboardScope(actor: Actor) {
  if (can(actor.role, "dashboard:all")) return canReadCase(actor);
  return exists(
    sql`(select 1 from ${caseAssignments} where ${caseAssignments.caseId} = ${cases.id} and ${caseAssignments.accountId} = ${actor.id})`,
  );
}

/** Open cases by status, within the actor's dashboard scope. */
export async function openCasesByStatus(actor: Actor) {
  return getDb()
    .select({ status: cases.status, n: count() })
    .from(cases)
    .where(and(eq(cases.isOpen, true), dashboardScope(actor)))
    .groupBy(cases.status)
    .orderBy(sql`count(*) desc`);
}
