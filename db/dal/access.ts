import { and, eq, exists, or, type SQL, sql } from "drizzle-orm";
import { can } from "@/lib/permissions";
import { caseAssignments, cases } from "../schema";
import type { Actor } from "./actor";

/** Cases the actor is assigned to, as a WHERE condition on `cases`. */
export const assignedTo = (actor: Actor) =>
  exists(
    sql`(select 1 from ${caseAssignments} where ${caseAssignments.caseId} = ${cases.id} and ${caseAssignments.accountId} = ${actor.id})`,
  );

/**
 * The cases an actor may read, as a WHERE condition on `cases`. Every query that touches cases or
 * anything hanging off them goes through this: pages, actions, search, counts and dashboards.
 */
export function canReadCase(actor: Actor): SQL {
  if (can(actor.role, "case:read-restricted")) return sql`true`;
  return or(eq(cases.restricted, false), assignedTo(actor)) as SQL;
}

/** The cases an actor may change, as a WHERE condition on `cases`. */
export function canWriteCase(actor: Actor): SQL {
  if (can(actor.role, "case:write-any")) return sql`true`;
  if (can(actor.role, "case:write-assigned")) return and(canReadCase(actor), assignedTo(actor)) as SQL;
  return sql`false`;
}
