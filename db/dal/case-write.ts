import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import { fromDateFields, type PartialDate } from "@/lib/partial-date";
import { can } from "@/lib/permissions";
import { type CaseFormData, splitList } from "@/lib/schemas/case";
import { basicFold, buildSearchText, phoneticFold } from "@/lib/search";
import { getDb, type Tx } from "../client";
import { caseAssignments, cases } from "../schema";
import { canReadCase } from "./access";
import type { Actor } from "./actor";
import { writeAudit } from "./audit";
import { caseAuditView, lockWritableCase } from "./case-lock";
import { conflict } from "./concurrency";
import { assertCan } from "./guard";

const orNull = (v: string) => (v === "" ? null : v);

function dateColumns(value: PartialDate | null) {
  return value
    ? { on: value.on, precision: value.precision, approx: value.approx }
    : { on: null, precision: null, approx: false };
}

/** Form data to the columns of `cases` (everything but identity, status and bookkeeping). */
function toColumns(data: CaseFormData) {
  const birth = dateColumns(data.birth.year ? fromDateFields(data.birth) : null);
  const detained = dateColumns(data.detained.year ? fromDateFields(data.detained) : null);
  return {
    fullName: data.fullName,
    nativeName: orNull(data.nativeName),
    otherNames: splitList(data.otherNames),
    sex: data.sex,
    birthDate: birth.on,
    birthPrecision: birth.precision,
    birthApprox: birth.approx,
    ageYears: data.ageYears === "" ? null : Number(data.ageYears),
    ageAsOf: orNull(data.ageAsOf),
    nationality: orNull(data.nationality),
    otherCitizenships: splitList(data.otherCitizenships).map((c) => c.toUpperCase()),
    occupation: orNull(data.occupation),
    affiliation: orNull(data.affiliation),
    detainingCountry: data.detainingCountry,
    facility: orNull(data.facility),
    facilityCity: orNull(data.facilityCity),
    detainedOn: detained.on,
    detainedPrecision: detained.precision,
    detainedApprox: detained.approx,
    allegations: orNull(data.allegations),
    chargesClassified: data.chargesClassified,
    riskLevel: data.riskLevel,
    nextDeadline: orNull(data.nextDeadline),
    nextDeadlineNote: orNull(data.nextDeadlineNote),
    restricted: data.restricted,
    summary: orNull(data.summary),
  };
}

/** The next free reference for a year, DC-YYYY-NNNN; serialised per year by an advisory lock. */
async function nextRef(tx: Tx, year: number): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`case-ref-${year}`}))`);
  const prefix = `DC-${year}-`;
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(substring(${cases.ref} from 9)::int), 0)` })
    .from(cases)
    .where(sql`${cases.ref} like ${`${prefix}%`}`);
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, "0")}`;
}

/**
 * Opens a case. The reference takes the year of detention (or this year when unknown). A
 * caseworker who opens a case is assigned to it.
 */
export async function createCase(actor: Actor, data: CaseFormData): Promise<{ ref: string }> {
  assertCan(actor, "case:create");
  const columns = toColumns(data);
  const year = columns.detainedOn ? Number(columns.detainedOn.slice(0, 4)) : new Date().getUTCFullYear();
  return getDb().transaction(async (tx) => {
    const ref = await nextRef(tx, year);
    const [row] = await tx
      .insert(cases)
      .values({
        ...columns,
        ref,
        searchText: buildSearchText({ ref, ...columns }),
        status: "detained",
        statusOn: columns.detainedOn,
        createdBy: actor.id,
        updatedBy: actor.id,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "create",
      entity: "cases",
      entityId: row.id,
      caseId: row.id,
      after: caseAuditView(row),
    });
    if (!can(actor.role, "case:write-any")) {
      await tx.insert(caseAssignments).values({ caseId: row.id, accountId: actor.id, assignedBy: actor.id });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "assign",
        entity: "case_assignments",
        entityId: `${row.id}:${actor.id}`,
        caseId: row.id,
        after: { caseId: row.id, accountId: actor.id },
      });
    }
    return { ref };
  });
}

/**
 * Saves a case's details over the version the form was loaded with. A newer version in the
 * database is refused with who changed it and when; nothing is written then.
 */
export async function updateCase(
  actor: Actor,
  ref: string,
  version: number,
  data: CaseFormData,
): Promise<{ ref: string; version: number }> {
  const columns = toColumns(data);
  return getDb().transaction(async (tx) => {
    const current = await lockWritableCase(tx, actor, eq(cases.ref, ref));
    if (current.version !== version) throw await conflict(tx, "cases", current.id);
    const [row] = await tx
      .update(cases)
      .set({
        ...columns,
        searchText: buildSearchText({ ref, ...columns }),
        updatedBy: actor.id,
        updatedAt: sql`clock_timestamp()`,
        version: sql`${cases.version} + 1`,
      })
      .where(and(eq(cases.id, current.id), eq(cases.version, version)))
      .returning();
    if (!row) throw await conflict(tx, "cases", current.id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "update",
      entity: "cases",
      entityId: row.id,
      caseId: row.id,
      before: caseAuditView(current),
      after: caseAuditView(row),
    });
    return { ref: row.ref, version: row.version };
  });
}

export interface PossibleDuplicate {
  ref: string;
  fullName: string;
  nativeName: string | null;
  nationality: string | null;
  birthYear: number | null;
}

/**
 * Cases that may be the same person: a close name in any spelling or script, and a birth year and
 * nationality that do not contradict. Only among cases the actor may read, so the warning itself
 * never reveals a case the actor may not see.
 */
export async function findPossibleDuplicates(
  actor: Actor,
  input: {
    fullName: string;
    nativeName?: string;
    otherNames?: string;
    birthYear?: string;
    nationality?: string;
    excludeRef?: string;
  },
): Promise<PossibleDuplicate[]> {
  const names = [input.fullName, input.nativeName ?? "", ...splitList(input.otherNames ?? "")].filter(
    (n) => n.trim().length >= 3,
  );
  if (names.length === 0) return [];
  const probes = [...new Set(names.flatMap((n) => [basicFold(n), phoneticFold(n)]))].filter(Boolean);
  const db = getDb();
  const nameMatch = or(...probes.map((p) => sql`${p} <% ${cases.searchText}`));
  const birthYear = input.birthYear ? Number(input.birthYear) : null;
  const nationality = input.nationality ? input.nationality.toUpperCase() : null;
  const rows = await db
    .select({
      ref: cases.ref,
      fullName: cases.fullName,
      nativeName: cases.nativeName,
      nationality: cases.nationality,
      birthYear: sql<number | null>`extract(year from ${cases.birthDate})::int`,
      score: sql<number>`greatest(${sql.join(
        probes.map((p) => sql`word_similarity(${p}, ${cases.searchText})`),
        sql`, `,
      )})`,
    })
    .from(cases)
    .where(
      and(
        canReadCase(actor),
        nameMatch,
        input.excludeRef ? sql`${cases.ref} <> ${input.excludeRef}` : undefined,
        nationality ? sql`(${cases.nationality} is null or ${cases.nationality} = ${nationality})` : undefined,
        birthYear
          ? sql`(${cases.birthDate} is null or abs(extract(year from ${cases.birthDate}) - ${birthYear}) <= 2)`
          : undefined,
      ),
    )
    .orderBy(sql`6 desc`)
    .limit(5);
  return rows.map(({ score: _score, ...rest }) => rest);
}
