import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
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
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.ref, ref), canReadCase(actor)))
    .limit(1);
  if (!row) throw notFound("Case");
  const [writable] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, row.id), canWriteCase(actor)));
  const assigned = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(caseAssignments)
    .innerJoin(accounts, eq(accounts.id, caseAssignments.accountId))
    .where(inArray(caseAssignments.caseId, [row.id]))
    .orderBy(asc(accounts.name));
  const { searchText: _omit, ...details } = row;
  return { ...details, assigned, canWrite: !!writable };
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
