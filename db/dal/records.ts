import "server-only";
import { and, desc, eq, isNull, max, sql } from "drizzle-orm";
import type { z } from "zod";
import { isOpenStatus, type PetitionState } from "@/lib/domain";
import { fromDateFields, type PartialDate, todayIso } from "@/lib/partial-date";
import { fieldErrorsOf } from "@/lib/schemas/account";
import {
  attachSourceSchema,
  caseRefField,
  contactSchema,
  isUuid,
  linkCaseSchema,
  noteSchema,
  PETITION_TRANSITIONS,
  parseTarget,
  petitionSchema,
  petitionStateSchema,
  type RetractableKind,
  retractSchema,
  type SourceTarget,
  sourceSchema,
  statusChangeSchema,
} from "@/lib/schemas/records";
import { getDb, type Tx } from "../client";
import {
  type Case,
  caseLinks,
  caseNotes,
  cases,
  consularContacts,
  petitionEvents,
  petitions,
  sourceLinks,
  sources,
  statusChanges,
} from "../schema";
import { canReadCase, canWriteCase } from "./access";
import type { Actor } from "./actor";
import { writeAudit } from "./audit";
import { caseAuditView, lockWritableCase } from "./case-lock";
import { conflict } from "./concurrency";
import { invalid, notFound } from "./errors";

/*
 * Writes to a case's timeline. Every function takes the actor first, validates its input with the
 * form's own zod schema (bad input never reaches the database, whoever calls), and runs in ONE
 * transaction that locks the case row, checks access inside the query (NOT_FOUND when the case is
 * unreadable, FORBIDDEN when readable but not writable), writes, and appends its audit rows.
 *
 * The case row keeps a few values derived from its timeline (status, status date, open/closed,
 * next deadline, last contact). They are recomputed in the same transaction as the write that
 * changes them, and only when they actually change is the case row updated: its version is then
 * bumped and the update audited, so an edit form opened earlier is refused rather than silently
 * overwriting (say) a deadline a court extension just set.
 */

const orNull = (v: string) => (v === "" ? null : v);

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid(fieldErrorsOf(result.error));
  return result.data;
}

const dateCols = (d: PartialDate) => ({ on: d.on, precision: d.precision, approx: d.approx });

type DerivedCaseColumns = Partial<
  Pick<Case, "status" | "statusOn" | "isOpen" | "nextDeadline" | "nextDeadlineNote" | "lastContactOn">
>;

/** Updates the case row when a derived column changed: version bumped, who and when, audited. */
async function applyToCase(tx: Tx, actor: Actor, current: Case, changes: DerivedCaseColumns): Promise<Case> {
  const changed = Object.entries(changes).some(([key, value]) => current[key as keyof Case] !== value);
  if (!changed) return current;
  const [row] = await tx
    .update(cases)
    .set({
      ...changes,
      updatedBy: actor.id,
      updatedAt: sql`clock_timestamp()`,
      version: sql`${cases.version} + 1`,
    })
    .where(eq(cases.id, current.id))
    .returning();
  if (!row) throw new Error("case update returned no row");
  await writeAudit(tx, {
    actorId: actor.id,
    action: "update",
    entity: "cases",
    entityId: row.id,
    caseId: row.id,
    before: caseAuditView(current),
    after: caseAuditView(row),
  });
  return row;
}

/** A status change's note, shortened, as the case's deadline note (the case form allows 500 characters). */
function deadlineNoteOf(note: string | null): string | null {
  if (!note) return null;
  return note.length <= 500 ? note : `${note.slice(0, 499)}…`;
}

/**
 * The case's current status: the latest non-retracted status change by (occurred_on, recorded_at).
 * With none left, the case is back where createCase put it: detained, since the date detained.
 */
async function currentStatus(tx: Tx, current: Case) {
  const [latest] = await tx
    .select({
      id: statusChanges.id,
      status: statusChanges.status,
      occurredOn: statusChanges.occurredOn,
      deadlineOn: statusChanges.deadlineOn,
      note: statusChanges.note,
    })
    .from(statusChanges)
    .where(and(eq(statusChanges.caseId, current.id), isNull(statusChanges.retractedAt)))
    .orderBy(desc(statusChanges.occurredOn), desc(statusChanges.recordedAt), desc(statusChanges.id))
    .limit(1);
  const status = latest?.status ?? "detained";
  return {
    latestId: latest?.id ?? null,
    columns: {
      status,
      statusOn: latest ? latest.occurredOn : current.detainedOn,
      isOpen: isOpenStatus(status),
    } satisfies DerivedCaseColumns,
  };
}

/** Date of the latest non-retracted consular contact. */
async function latestContactOn(tx: Tx, caseId: string): Promise<string | null> {
  const [row] = await tx
    .select({ on: max(consularContacts.occurredOn) })
    .from(consularContacts)
    .where(and(eq(consularContacts.caseId, caseId), isNull(consularContacts.retractedAt)));
  return row?.on ?? null;
}

/* ----------------------------------------------------------------------------------------------
 * Status changes
 * -------------------------------------------------------------------------------------------- */

/**
 * Records a dated step of the case. The case's status follows the latest status change; a deadline
 * carried by the change ("detention extended until 15 June") becomes the case's next deadline when
 * the change is (after this insert) the case's current one. A backdated change that is not the
 * latest keeps its deadline on the record only: it would otherwise replace a newer deadline.
 */
export async function recordStatusChange(
  actor: Actor,
  ref: string,
  input: unknown,
): Promise<{ id: string; ref: string; becameCurrent: boolean }> {
  const data = parse(statusChangeSchema, input);
  const when = dateCols(fromDateFields(data.occurred));
  return getDb().transaction(async (tx) => {
    const current = await lockWritableCase(tx, actor, eq(cases.ref, ref));
    const [row] = await tx
      .insert(statusChanges)
      .values({
        caseId: current.id,
        status: data.status,
        occurredOn: when.on,
        occurredPrecision: when.precision,
        occurredApprox: when.approx,
        deadlineOn: orNull(data.deadlineOn),
        place: orNull(data.place),
        note: orNull(data.note),
        recordedBy: actor.id,
      })
      .returning();
    if (!row) throw new Error("status change insert returned no row");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "create",
      entity: "status_changes",
      entityId: row.id,
      caseId: current.id,
      after: row,
    });
    const { latestId, columns } = await currentStatus(tx, current);
    const becameCurrent = latestId === row.id;
    const deadline =
      becameCurrent && row.deadlineOn
        ? { nextDeadline: row.deadlineOn, nextDeadlineNote: deadlineNoteOf(row.note) }
        : {};
    await applyToCase(tx, actor, current, { ...columns, ...deadline });
    return { id: row.id, ref: current.ref, becameCurrent };
  });
}

/* ----------------------------------------------------------------------------------------------
 * Consular contacts
 * -------------------------------------------------------------------------------------------- */

/** Logs a consular contact; the case's "last contact" follows the latest non-retracted one. */
export async function logContact(actor: Actor, ref: string, input: unknown): Promise<{ id: string; ref: string }> {
  const data = parse(contactSchema, input);
  const when = dateCols(fromDateFields(data.occurred));
  return getDb().transaction(async (tx) => {
    const current = await lockWritableCase(tx, actor, eq(cases.ref, ref));
    const [row] = await tx
      .insert(consularContacts)
      .values({
        caseId: current.id,
        kind: data.kind,
        counterpart: data.counterpart,
        occurredOn: when.on,
        occurredPrecision: when.precision,
        occurredApprox: when.approx,
        ourParticipants: orNull(data.ourParticipants),
        theirParticipants: orNull(data.theirParticipants),
        outcome: data.outcome,
        summary: orNull(data.summary),
        detaineeCondition: orNull(data.detaineeCondition),
        followUpOn: orNull(data.followUpOn),
        recordedBy: actor.id,
      })
      .returning();
    if (!row) throw new Error("contact insert returned no row");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "create",
      entity: "consular_contacts",
      entityId: row.id,
      caseId: current.id,
      after: row,
    });
    await applyToCase(tx, actor, current, { lastContactOn: await latestContactOn(tx, current.id) });
    return { id: row.id, ref: current.ref };
  });
}

/* ----------------------------------------------------------------------------------------------
 * Petitions
 * -------------------------------------------------------------------------------------------- */

/** Adds a petition, with its first petition_events row (filed, or drafted today). */
export async function addPetition(actor: Actor, ref: string, input: unknown): Promise<{ id: string; ref: string }> {
  const data = parse(petitionSchema, input);
  const filed = data.filed.year ? dateCols(fromDateFields(data.filed)) : null;
  const eventDate = filed ?? { on: todayIso(), precision: "day" as const, approx: false };
  return getDb().transaction(async (tx) => {
    const current = await lockWritableCase(tx, actor, eq(cases.ref, ref));
    const [row] = await tx
      .insert(petitions)
      .values({
        caseId: current.id,
        petitioner: data.petitioner,
        addressee: data.addressee,
        asks: data.asks,
        asksDetail: orNull(data.asksDetail),
        state: data.state,
        filedOn: filed?.on ?? null,
        filedPrecision: filed?.precision ?? null,
        filedApprox: filed?.approx ?? false,
        answerDue: orNull(data.answerDue),
        answer: orNull(data.answer),
        recordedBy: actor.id,
      })
      .returning();
    if (!row) throw new Error("petition insert returned no row");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "create",
      entity: "petitions",
      entityId: row.id,
      caseId: current.id,
      after: row,
    });
    const [event] = await tx
      .insert(petitionEvents)
      .values({
        petitionId: row.id,
        caseId: current.id,
        fromState: null,
        toState: row.state,
        occurredOn: eventDate.on,
        occurredPrecision: eventDate.precision,
        occurredApprox: eventDate.approx,
        recordedBy: actor.id,
      })
      .returning();
    if (!event) throw new Error("petition event insert returned no row");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "create",
      entity: "petition_events",
      entityId: event.id,
      caseId: current.id,
      after: event,
    });
    return { id: row.id, ref: current.ref };
  });
}

const STATE_WORDS: Record<PetitionState, string> = {
  draft: "a draft",
  submitted: "submitted",
  acknowledged: "acknowledged",
  answered: "answered",
  granted: "granted",
  rejected: "rejected",
  withdrawn: "withdrawn",
};

/**
 * Moves a petition to a new state over the version the form was loaded with (a newer version is
 * refused with who changed it and when), with a petition_events row for the timeline. Only the
 * transitions in PETITION_TRANSITIONS are allowed; leaving draft needs the date filed.
 */
export async function changePetitionState(
  actor: Actor,
  petitionId: string,
  version: number,
  input: unknown,
): Promise<{ ref: string; version: number }> {
  if (!isUuid(petitionId)) throw notFound("Petition");
  if (!Number.isInteger(version) || version < 1)
    throw invalid({ version: "Reload the page: the petition's version is missing." });
  const data = parse(petitionStateSchema, input);
  const on = dateCols(fromDateFields(data.on));
  return getDb().transaction(async (tx) => {
    const [found] = await tx
      .select({ caseId: petitions.caseId })
      .from(petitions)
      .innerJoin(cases, eq(cases.id, petitions.caseId))
      .where(and(eq(petitions.id, petitionId), canReadCase(actor)));
    if (!found) throw notFound("Petition");
    const kase = await lockWritableCase(tx, actor, eq(cases.id, found.caseId));
    const [current] = await tx.select().from(petitions).where(eq(petitions.id, petitionId)).for("update");
    if (!current) throw notFound("Petition");
    if (current.version !== version) throw await conflict(tx, "petitions", current.id);
    if (current.retractedAt) throw invalid({ toState: "This petition was retracted: its state can no longer change." });
    if (data.toState === current.state)
      throw invalid({ toState: `The petition is already ${STATE_WORDS[current.state]}.` });
    if (!PETITION_TRANSITIONS[current.state].includes(data.toState)) {
      const allowed = PETITION_TRANSITIONS[current.state];
      throw invalid({
        toState: allowed.length
          ? `A petition that is ${STATE_WORDS[current.state]} can only become ${allowed.map((s) => STATE_WORDS[s]).join(", ")}.`
          : `A petition that is ${STATE_WORDS[current.state]} is final: record a new petition instead.`,
      });
    }
    let filed: { filedOn: string; filedPrecision: PartialDate["precision"]; filedApprox: boolean } | object = {};
    if (current.state === "draft") {
      if (!data.filed.year) throw invalid({ "filed.year": "Date filed: give the date the petition was filed." });
      const f = fromDateFields(data.filed);
      filed = { filedOn: f.on, filedPrecision: f.precision, filedApprox: f.approx };
    }
    const [row] = await tx
      .update(petitions)
      .set({
        ...filed,
        state: data.toState,
        ...(data.answerDue ? { answerDue: data.answerDue } : {}),
        ...(data.answer ? { answer: data.answer } : {}),
        updatedAt: sql`clock_timestamp()`,
        version: sql`${petitions.version} + 1`,
      })
      .where(and(eq(petitions.id, current.id), eq(petitions.version, version)))
      .returning();
    if (!row) throw await conflict(tx, "petitions", current.id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "update",
      entity: "petitions",
      entityId: row.id,
      caseId: kase.id,
      before: current,
      after: row,
    });
    const [event] = await tx
      .insert(petitionEvents)
      .values({
        petitionId: row.id,
        caseId: kase.id,
        fromState: current.state,
        toState: row.state,
        occurredOn: on.on,
        occurredPrecision: on.precision,
        occurredApprox: on.approx,
        note: orNull(data.note),
        recordedBy: actor.id,
      })
      .returning();
    if (!event) throw new Error("petition event insert returned no row");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "create",
      entity: "petition_events",
      entityId: event.id,
      caseId: kase.id,
      after: event,
    });
    return { ref: kase.ref, version: row.version };
  });
}

/* ----------------------------------------------------------------------------------------------
 * Notes
 * -------------------------------------------------------------------------------------------- */

export async function addNote(actor: Actor, ref: string, input: unknown): Promise<{ id: string; ref: string }> {
  const data = parse(noteSchema, input);
  const when = dateCols(fromDateFields(data.occurred));
  return getDb().transaction(async (tx) => {
    const current = await lockWritableCase(tx, actor, eq(cases.ref, ref));
    const [row] = await tx
      .insert(caseNotes)
      .values({
        caseId: current.id,
        occurredOn: when.on,
        occurredPrecision: when.precision,
        occurredApprox: when.approx,
        body: data.body,
        recordedBy: actor.id,
      })
      .returning();
    if (!row) throw new Error("note insert returned no row");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "create",
      entity: "case_notes",
      entityId: row.id,
      caseId: current.id,
      after: row,
    });
    return { id: row.id, ref: current.ref };
  });
}

/* ----------------------------------------------------------------------------------------------
 * Sources
 * -------------------------------------------------------------------------------------------- */

const TARGET_TABLES = {
  status_change: { table: statusChanges, column: "statusChangeId" },
  contact: { table: consularContacts, column: "contactId" },
  petition: { table: petitions, column: "petitionId" },
  note: { table: caseNotes, column: "noteId" },
} as const;

/**
 * The source_links columns for a target, after checking that the item belongs to the SAME case
 * and is not retracted. Anything else is a field error on "target".
 */
async function targetColumns(tx: Tx, caseId: string, target: SourceTarget) {
  if (target.kind === "case") return {};
  const { table, column } = TARGET_TABLES[target.kind];
  const [item] = await tx
    .select({ id: table.id, retractedAt: table.retractedAt })
    .from(table)
    .where(and(eq(table.id, target.id), eq(table.caseId, caseId)));
  if (!item) throw invalid({ target: "That item is not part of this case." });
  if (item.retractedAt) throw invalid({ target: "That item was retracted: attach the source to a current item." });
  return { [column]: item.id } as Partial<Record<(typeof TARGET_TABLES)[keyof typeof TARGET_TABLES]["column"], string>>;
}

async function insertSourceLink(tx: Tx, actor: Actor, caseId: string, sourceId: string, target: SourceTarget) {
  const columns = await targetColumns(tx, caseId, target);
  const [link] = await tx
    .insert(sourceLinks)
    .values({ sourceId, caseId, ...columns, createdBy: actor.id })
    .onConflictDoNothing()
    .returning();
  if (!link) throw invalid({ target: "This source is already attached to that item." });
  await writeAudit(tx, {
    actorId: actor.id,
    action: "link",
    entity: "source_links",
    entityId: link.id,
    caseId,
    after: link,
  });
  return link;
}

/** Adds a source to a case and attaches it, in the same transaction, to the case or one of its items. */
export async function addSource(
  actor: Actor,
  ref: string,
  input: unknown,
): Promise<{ id: string; linkId: string; ref: string }> {
  const data = parse(sourceSchema, input);
  const target = parseTarget(data.target);
  if (!target) throw invalid({ target: "Choose what the source supports." });
  const published = data.published.year ? dateCols(fromDateFields(data.published)) : null;
  return getDb().transaction(async (tx) => {
    const current = await lockWritableCase(tx, actor, eq(cases.ref, ref));
    // Check the target before writing anything.
    await targetColumns(tx, current.id, target);
    const [row] = await tx
      .insert(sources)
      .values({
        caseId: current.id,
        kind: data.kind,
        title: data.title,
        publisher: orNull(data.publisher),
        publishedOn: published?.on ?? null,
        publishedPrecision: published?.precision ?? null,
        publishedApprox: published?.approx ?? false,
        url: orNull(data.url),
        note: orNull(data.note),
        recordedBy: actor.id,
      })
      .returning();
    if (!row) throw new Error("source insert returned no row");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "create",
      entity: "sources",
      entityId: row.id,
      caseId: current.id,
      after: row,
    });
    const link = await insertSourceLink(tx, actor, current.id, row.id, target);
    return { id: row.id, linkId: link.id, ref: current.ref };
  });
}

/** Attaches an existing source to the case itself or to one item of the same case (and no other). */
export async function attachSource(
  actor: Actor,
  sourceId: string,
  target: string,
): Promise<{ linkId: string; ref: string }> {
  const data = parse(attachSourceSchema, { sourceId, target });
  const parsed = parseTarget(data.target);
  if (!parsed) throw invalid({ target: "Choose what the source supports." });
  return getDb().transaction(async (tx) => {
    const [found] = await tx
      .select({ caseId: sources.caseId })
      .from(sources)
      .innerJoin(cases, eq(cases.id, sources.caseId))
      .where(and(eq(sources.id, data.sourceId), canReadCase(actor)));
    if (!found) throw notFound("Source");
    const current = await lockWritableCase(tx, actor, eq(cases.id, found.caseId));
    const link = await insertSourceLink(tx, actor, current.id, data.sourceId, parsed);
    return { linkId: link.id, ref: current.ref };
  });
}

/** Detaches a source from what it supported; the source itself stays on the case. */
export async function detachSource(actor: Actor, linkId: string): Promise<{ ref: string }> {
  if (!isUuid(linkId)) throw notFound("Source link");
  return getDb().transaction(async (tx) => {
    const [found] = await tx
      .select({ caseId: sourceLinks.caseId })
      .from(sourceLinks)
      .innerJoin(cases, eq(cases.id, sourceLinks.caseId))
      .where(and(eq(sourceLinks.id, linkId), canReadCase(actor)));
    if (!found) throw notFound("Source link");
    const current = await lockWritableCase(tx, actor, eq(cases.id, found.caseId));
    const [removed] = await tx.delete(sourceLinks).where(eq(sourceLinks.id, linkId)).returning();
    if (!removed) throw notFound("Source link");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "unlink",
      entity: "source_links",
      entityId: removed.id,
      caseId: current.id,
      before: removed,
    });
    return { ref: current.ref };
  });
}

/* ----------------------------------------------------------------------------------------------
 * Links between cases
 * -------------------------------------------------------------------------------------------- */

/**
 * Both cases of a link must be writable by the actor: the link shows on both pages, so it changes
 * both records, and a caseworker must not attach their case to one they do not hold. The other
 * case is named in field errors only when the actor may read it (no existence leak).
 */
async function lockPair(tx: Tx, actor: Actor, ref: string, otherRef: string) {
  const current = await lockWritableCase(tx, actor, eq(cases.ref, ref));
  if (otherRef === current.ref) throw invalid({ otherRef: "A case cannot be linked to itself." });
  const [other] = await tx
    .select({ id: cases.id, ref: cases.ref })
    .from(cases)
    .where(and(eq(cases.ref, otherRef), canReadCase(actor)))
    .for("update");
  if (!other) throw invalid({ otherRef: `There is no case ${otherRef} that you may see.` });
  const [writable] = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, other.id), canWriteCase(actor)));
  if (!writable) throw invalid({ otherRef: `You may not change ${other.ref}: it is not assigned to you.` });
  const [caseA, caseB] = current.id < other.id ? [current.id, other.id] : [other.id, current.id];
  return { current, other, caseA, caseB };
}

export async function linkCases(actor: Actor, ref: string, input: unknown): Promise<{ ref: string }> {
  const data = parse(linkCaseSchema, input);
  return getDb().transaction(async (tx) => {
    const { current, other, caseA, caseB } = await lockPair(tx, actor, ref, data.otherRef);
    const [row] = await tx
      .insert(caseLinks)
      .values({ caseA, caseB, kind: data.kind, note: orNull(data.note), createdBy: actor.id })
      .onConflictDoNothing()
      .returning();
    if (!row) throw invalid({ otherRef: `This case is already linked to ${other.ref}.` });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "link",
      entity: "case_links",
      entityId: `${caseA}:${caseB}`,
      caseId: current.id,
      after: row,
      meta: { refs: [current.ref, other.ref] },
    });
    return { ref: current.ref };
  });
}

export async function unlinkCases(actor: Actor, ref: string, otherRef: string): Promise<{ ref: string }> {
  const parsed = caseRefField.safeParse(otherRef);
  if (!parsed.success) throw invalid({ otherRef: parsed.error.issues[0]?.message ?? "Reference is invalid." });
  return getDb().transaction(async (tx) => {
    const { current, other, caseA, caseB } = await lockPair(tx, actor, ref, parsed.data);
    const [removed] = await tx
      .delete(caseLinks)
      .where(and(eq(caseLinks.caseA, caseA), eq(caseLinks.caseB, caseB)))
      .returning();
    if (!removed) throw invalid({ otherRef: `This case is not linked to ${other.ref}.` });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "unlink",
      entity: "case_links",
      entityId: `${caseA}:${caseB}`,
      caseId: current.id,
      before: removed,
      meta: { refs: [current.ref, other.ref] },
    });
    return { ref: current.ref };
  });
}

/* ----------------------------------------------------------------------------------------------
 * Retraction: records are never deleted
 * -------------------------------------------------------------------------------------------- */

const RETRACTABLE = {
  status_change: { table: statusChanges, entity: "status_changes" },
  contact: { table: consularContacts, entity: "consular_contacts" },
  petition: { table: petitions, entity: "petitions" },
  note: { table: caseNotes, entity: "case_notes" },
} as const satisfies Record<RetractableKind, { table: unknown; entity: string }>;

/**
 * Retracts a status change, contact, petition or note over the version the user saw: the item
 * stays (struck through in the timeline) with who retracted it, when and why. The case's status,
 * deadline and last contact are recomputed in the same transaction.
 */
export async function retract(actor: Actor, input: unknown): Promise<{ ref: string }> {
  const data = parse(retractSchema, input);
  const { table, entity } = RETRACTABLE[data.kind];
  return getDb().transaction(async (tx) => {
    const [found] = await tx
      .select({ caseId: table.caseId })
      .from(table)
      .innerJoin(cases, eq(cases.id, table.caseId))
      .where(and(eq(table.id, data.id), canReadCase(actor)));
    if (!found) throw notFound("Record");
    const kase = await lockWritableCase(tx, actor, eq(cases.id, found.caseId));
    const [before] = await tx.select().from(table).where(eq(table.id, data.id)).for("update");
    if (!before) throw notFound("Record");
    if (before.version !== data.version) throw await conflict(tx, entity, data.id);
    if (before.retractedAt) throw invalid({ reason: "This item has already been retracted." });
    const [after] = await tx
      .update(table)
      .set({
        retractedAt: sql`clock_timestamp()`,
        retractedBy: actor.id,
        retractionReason: data.reason,
        version: sql`${table.version} + 1`,
        ...(data.kind === "petition" ? { updatedAt: sql`clock_timestamp()` } : {}),
      })
      .where(and(eq(table.id, data.id), eq(table.version, data.version)))
      .returning();
    if (!after) throw await conflict(tx, entity, data.id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "retract",
      entity,
      entityId: data.id,
      caseId: kase.id,
      before,
      after,
    });

    if (data.kind === "status_change") {
      const { columns } = await currentStatus(tx, kase);
      const retracted = before as typeof statusChanges.$inferSelect;
      let deadline: DerivedCaseColumns = {};
      // The deadline it set falls back to the latest deadline still on record, if any.
      if (retracted.deadlineOn && retracted.deadlineOn === kase.nextDeadline) {
        const [previous] = await tx
          .select({ deadlineOn: statusChanges.deadlineOn, note: statusChanges.note })
          .from(statusChanges)
          .where(
            and(
              eq(statusChanges.caseId, kase.id),
              isNull(statusChanges.retractedAt),
              sql`${statusChanges.deadlineOn} is not null`,
            ),
          )
          .orderBy(desc(statusChanges.occurredOn), desc(statusChanges.recordedAt))
          .limit(1);
        deadline = {
          nextDeadline: previous?.deadlineOn ?? null,
          nextDeadlineNote: previous ? deadlineNoteOf(previous.note) : null,
        };
      }
      await applyToCase(tx, actor, kase, { ...columns, ...deadline });
    } else if (data.kind === "contact") {
      await applyToCase(tx, actor, kase, { lastContactOn: await latestContactOn(tx, kase.id) });
    }
    return { ref: kase.ref };
  });
}
