import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DatePrecision } from "@/lib/domain";
import { toDateFields } from "@/lib/partial-date";
import type { CaseFormValues } from "@/lib/schemas/case";
import { getDb } from "../client";
import { accounts, caseAssignments, cases } from "../schema";
import { canReadCase, canWriteCase } from "./access";
import type { Actor } from "./actor";
import { DalError, notFound } from "./errors";

/** One case's header and details; NOT_FOUND when it does not exist or the actor may not read it. */
export async function getCase(actor: Actor, ref: string) {
  const db = getDb();
  // Who is assigned, as one JSON array per case (an aggregate: always one row, so a cross join).
  const assigned = db
    .select({
      list: sql<
        Array<{ id: string; name: string }>
      >`coalesce(json_agg(json_build_object('id', ${accounts.id}, 'name', ${accounts.name}) order by ${accounts.name}), '[]'::json)`.as(
        "list",
      ),
    })
    .from(caseAssignments)
    .innerJoin(accounts, eq(accounts.id, caseAssignments.accountId))
    .where(eq(caseAssignments.caseId, cases.id))
    .as("assigned");
  // One query: the case under the read rule, whether the write rule allows it too, and who is
  // assigned. The lateral join also keeps Drizzle qualifying columns (a single-table select would
  // not, and `id` inside a subquery would name the wrong table's column).
  const [found] = await db
    .select({ row: cases, canWrite: sql<boolean>`(${canWriteCase(actor)})`.mapWith(Boolean), assigned: assigned.list })
    .from(cases)
    .crossJoinLateral(assigned)
    .where(and(eq(cases.ref, ref), canReadCase(actor)))
    .limit(1);
  if (!found) throw notFound("Case");
  const { searchText: _omit, ...details } = found.row;
  return { ...details, assigned: found.assigned, canWrite: found.canWrite };
}

/** A case as the edit form needs it, with the version it was loaded at; only for actors who may write it. */
export async function getCaseForEdit(
  actor: Actor,
  ref: string,
): Promise<{ ref: string; version: number; values: CaseFormValues }> {
  const c = await getCase(actor, ref);
  if (!c.canWrite)
    throw new DalError("FORBIDDEN", "You may read this case but not change it: it is not assigned to you.");
  const date = (on: string | null, precision: DatePrecision | null, approx: boolean) =>
    toDateFields(on && precision ? { on, precision, approx } : null);
  return {
    ref: c.ref,
    version: c.version,
    values: {
      fullName: c.fullName,
      nativeName: c.nativeName ?? "",
      otherNames: c.otherNames.join("\n"),
      sex: c.sex,
      birth: date(c.birthDate, c.birthPrecision, c.birthApprox),
      ageYears: c.ageYears === null ? "" : String(c.ageYears),
      ageAsOf: c.ageAsOf ?? "",
      nationality: c.nationality ?? "",
      otherCitizenships: c.otherCitizenships.join(", "),
      occupation: c.occupation ?? "",
      affiliation: c.affiliation ?? "",
      detainingCountry: c.detainingCountry,
      facility: c.facility ?? "",
      facilityCity: c.facilityCity ?? "",
      detained: date(c.detainedOn, c.detainedPrecision, c.detainedApprox),
      allegations: c.allegations ?? "",
      chargesClassified: c.chargesClassified,
      riskLevel: c.riskLevel,
      nextDeadline: c.nextDeadline ?? "",
      nextDeadlineNote: c.nextDeadlineNote ?? "",
      restricted: c.restricted,
      summary: c.summary ?? "",
    },
  };
}
