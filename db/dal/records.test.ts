import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Role } from "@/lib/domain";
import { EMPTY_DATE_FIELDS, type PartialDateFields, todayIso } from "@/lib/partial-date";
import { type CaseFormValues, caseFormSchema, EMPTY_CASE_FORM } from "@/lib/schemas/case";
import {
  type ContactValues,
  EMPTY_CONTACT,
  EMPTY_PETITION,
  EMPTY_PETITION_STATE,
  EMPTY_SOURCE,
  EMPTY_STATUS_CHANGE,
  type PetitionValues,
  type StatusChangeValues,
} from "@/lib/schemas/records";
import { makeDb } from "../client";
import {
  accounts,
  auditLog,
  caseAssignments,
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
import type { Actor } from "./actor";
import { createCase } from "./case-write";
import { DalError } from "./errors";
import {
  addNote,
  addPetition,
  addSource,
  attachSource,
  changePetitionState,
  detachSource,
  linkCases,
  logContact,
  recordStatusChange,
  retract,
  unlinkCases,
} from "./records";
import { getCaseRecord } from "./timeline";

const db = makeDb(inject("databaseUrl"), { max: 4 });
afterAll(() => db.client.end());

/** Accounts inserted directly (no password hashing needed): unique names, so parallel files never meet. */
async function person(role: Role, label: string): Promise<Actor> {
  const tag = randomUUID().slice(0, 8);
  const name = `Records ${label} ${tag}`;
  const email = `records-${role}-${tag}@test.example.org`;
  const [row] = await db.insert(accounts).values({ email, name, role, passwordHash: "not-a-real-hash" }).returning();
  if (!row) throw new Error("no account");
  return { id: row.id, email, name, role, mustChangePassword: false };
}

async function openCase(actor: Actor, values: Partial<CaseFormValues> = {}) {
  const data = caseFormSchema.parse({
    ...EMPTY_CASE_FORM,
    fullName: `Records test ${randomUUID().slice(0, 6)}`,
    nationality: "KR",
    detainingCountry: "RU",
    ...values,
  });
  const { ref } = await createCase(actor, data);
  const [row] = await db.select().from(cases).where(eq(cases.ref, ref));
  if (!row) throw new Error("no case");
  return row;
}

const day = (on: string, approx = false): PartialDateFields => {
  const [year, month, d] = on.split("-");
  return { year: year ?? "", month: String(Number(month)), day: String(Number(d)), part: "", approx };
};
const status = (s: Partial<StatusChangeValues>): StatusChangeValues => ({ ...EMPTY_STATUS_CHANGE, ...s });
const contact = (c: Partial<ContactValues>): ContactValues => ({ ...EMPTY_CONTACT, ...c });
const petition = (p: Partial<PetitionValues>): PetitionValues => ({ ...EMPTY_PETITION, ...p });

async function caseRow(id: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  if (!row) throw new Error("no case");
  return row;
}

/** Rows hanging off a case, per table, and its audit rows: to prove a refused write wrote nothing. */
async function footprint(caseId: string) {
  const n = async (table: typeof statusChanges | typeof consularContacts | typeof petitions | typeof caseNotes) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.caseId, caseId)))[0]?.n;
  const count = async (q: Promise<Array<{ n: number }>>) => (await q)[0]?.n;
  return {
    statusChanges: await n(statusChanges),
    contacts: await n(consularContacts),
    petitions: await n(petitions),
    notes: await n(caseNotes),
    events: await count(
      db.select({ n: sql<number>`count(*)::int` }).from(petitionEvents).where(eq(petitionEvents.caseId, caseId)),
    ),
    sources: await count(db.select({ n: sql<number>`count(*)::int` }).from(sources).where(eq(sources.caseId, caseId))),
    links: await count(
      db.select({ n: sql<number>`count(*)::int` }).from(sourceLinks).where(eq(sourceLinks.caseId, caseId)),
    ),
    audit: await count(db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.caseId, caseId))),
    version: (await caseRow(caseId)).version,
  };
}

/** Audit rows written for a case after a given audit id. */
async function auditSince(caseId: string, afterId: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.caseId, caseId), sql`${auditLog.id} > ${afterId}`))
    .orderBy(auditLog.id);
}
async function lastAuditId(): Promise<number> {
  const [row] = await db.select({ id: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog);
  return row?.id ?? 0;
}

async function expectDalError(promise: Promise<unknown>, code: DalError["code"]): Promise<DalError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DalError);
  expect((error as DalError).code).toBe(code);
  return error as DalError;
}

let coordinator: Actor;
let secondCoordinator: Actor;
let worker: Actor;
let outsider: Actor;

beforeAll(async () => {
  coordinator = await person("coordinator", "coordinator");
  secondCoordinator = await person("coordinator", "second coordinator");
  worker = await person("caseworker", "worker");
  outsider = await person("caseworker", "outsider");
});

describe("status changes", () => {
  it("the case's status follows the latest status change, and follows again after a retraction", async () => {
    const kase = await openCase(worker, { detained: { ...EMPTY_DATE_FIELDS, year: "2024", part: "early" } });
    expect(kase.status).toBe("detained");

    await recordStatusChange(
      worker,
      kase.ref,
      status({
        status: "detained",
        occurred: { ...EMPTY_DATE_FIELDS, year: "2024", part: "early" },
        place: "Vladivostok",
      }),
    );
    await recordStatusChange(
      worker,
      kase.ref,
      status({
        status: "under_investigation",
        occurred: { ...EMPTY_DATE_FIELDS, year: "2024", month: "2", part: "late" },
        place: "Lefortovo, Moscow",
      }),
    );
    const extended = await recordStatusChange(
      worker,
      kase.ref,
      status({
        status: "detention_extended",
        occurred: day("2024-03-05"),
        deadlineOn: "2024-06-15",
        note: "A court extended detention until 15 June.",
      }),
    );
    expect(extended.becameCurrent).toBe(true);
    let row = await caseRow(kase.id);
    expect(row).toMatchObject({
      status: "detention_extended",
      statusOn: "2024-03-05",
      isOpen: true,
      nextDeadline: "2024-06-15",
      nextDeadlineNote: "A court extended detention until 15 June.",
      updatedBy: worker.id,
    });

    // A backdated change does not become current and leaves the case alone.
    const before = await footprint(kase.id);
    const backdated = await recordStatusChange(
      worker,
      kase.ref,
      status({ status: "charged", occurred: day("2024-03-01"), deadlineOn: "2024-04-01" }),
    );
    expect(backdated.becameCurrent).toBe(false);
    row = await caseRow(kase.id);
    expect(row.status).toBe("detention_extended");
    expect(row.nextDeadline).toBe("2024-06-15");
    expect(row.version).toBe(before.version);

    // Released: closes the case.
    const released = await recordStatusChange(
      worker,
      kase.ref,
      status({ status: "released", occurred: day("2024-05-01") }),
    );
    row = await caseRow(kase.id);
    expect(row).toMatchObject({ status: "released", statusOn: "2024-05-01", isOpen: false });

    // Retract the release: back to the extension, open again.
    await retract(worker, {
      kind: "status_change",
      id: released.id,
      version: 1,
      reason: "Misreported: he is still held.",
    });
    row = await caseRow(kase.id);
    expect(row).toMatchObject({ status: "detention_extended", statusOn: "2024-03-05", isOpen: true });

    // Retract the extension: the charge (1 March) is now the latest, and its deadline replaces the retracted one.
    await retract(worker, { kind: "status_change", id: extended.id, version: 1, reason: "Duplicate entry." });
    row = await caseRow(kase.id);
    expect(row).toMatchObject({ status: "charged", statusOn: "2024-03-01", nextDeadline: "2024-04-01" });

    const [kept] = await db.select().from(statusChanges).where(eq(statusChanges.id, extended.id));
    expect(kept).toMatchObject({ retractedBy: worker.id, retractionReason: "Duplicate entry.", version: 2 });
  });

  it("a status change leaves exactly its audit rows: the change and the case update, with before and after", async () => {
    const kase = await openCase(coordinator);
    const since = await lastAuditId();
    const { id } = await recordStatusChange(
      coordinator,
      kase.ref,
      status({ status: "charged", occurred: day("2024-02-01"), note: "Charged with espionage." }),
    );
    const rows = await auditSince(kase.id, since);
    expect(rows.map((r) => [r.action, r.entity])).toEqual([
      ["create", "status_changes"],
      ["update", "cases"],
    ]);
    expect(rows[0]).toMatchObject({ actorId: coordinator.id, entityId: id, before: null });
    expect(rows[0]?.after).toMatchObject({ status: "charged", note: "Charged with espionage." });
    expect(rows[1]?.before).toMatchObject({ status: "detained", version: 1 });
    expect(rows[1]?.after).toMatchObject({ status: "charged", version: 2 });
    expect(rows[1]?.after).not.toHaveProperty("searchText");
  });
});

describe("consular contacts", () => {
  it("last_contact_on follows the latest non-retracted contact", async () => {
    const kase = await openCase(worker);
    const first = await logContact(
      worker,
      kase.ref,
      contact({
        kind: "meeting_officials",
        counterpart: "authorities",
        occurred: { ...EMPTY_DATE_FIELDS, year: "2024", month: "3", part: "mid", approx: true },
        ourParticipants: "Ambassador Lee Do-hoon",
        theirParticipants: "Deputy Foreign Minister Andrey Rudenko",
        outcome: "pending",
      }),
    );
    expect((await caseRow(kase.id)).lastContactOn).toBe("2024-03-15");
    const since = await lastAuditId();
    const second = await logContact(
      worker,
      kase.ref,
      contact({ occurred: day("2024-04-02"), outcome: "access_denied" }),
    );
    expect((await caseRow(kase.id)).lastContactOn).toBe("2024-04-02");
    expect((await auditSince(kase.id, since)).map((r) => [r.action, r.entity])).toEqual([
      ["create", "consular_contacts"],
      ["update", "cases"],
    ]);

    // An older contact does not move it (and does not touch the case row).
    const version = (await caseRow(kase.id)).version;
    await logContact(worker, kase.ref, contact({ occurred: day("2024-01-10") }));
    expect(await caseRow(kase.id)).toMatchObject({ lastContactOn: "2024-04-02", version });

    await retract(worker, { kind: "contact", id: second.id, version: 1, reason: "Entered on the wrong case." });
    expect((await caseRow(kase.id)).lastContactOn).toBe("2024-03-15");
    await retract(worker, { kind: "contact", id: first.id, version: 1, reason: "Not a contact." });
    expect((await caseRow(kase.id)).lastContactOn).toBe("2024-01-10");
  });
});

describe("petitions", () => {
  it("state changes write petition_events and refuse a stale version naming who changed it and when", async () => {
    const kase = await openCase(coordinator);
    const since = await lastAuditId();
    const { id } = await addPetition(
      coordinator,
      kase.ref,
      petition({
        petitioner: "Global Love Rice Sharing Foundation",
        addressee: "Ministry of Foreign Affairs",
        asks: "release",
        state: "submitted",
        filed: { ...EMPTY_DATE_FIELDS, year: "2024", month: "3", approx: true },
      }),
    );
    expect((await auditSince(kase.id, since)).map((r) => [r.action, r.entity])).toEqual([
      ["create", "petitions"],
      ["create", "petition_events"],
    ]);

    const changed = await changePetitionState(coordinator, id, 1, {
      ...EMPTY_PETITION_STATE,
      toState: "acknowledged",
      on: day("2024-04-01"),
      answerDue: "2030-01-01",
      note: "The ministry acknowledged receipt.",
    });
    expect(changed.version).toBe(2);
    const events = await db
      .select()
      .from(petitionEvents)
      .where(eq(petitionEvents.petitionId, id))
      .orderBy(petitionEvents.recordedAt);
    expect(events.map((e) => [e.fromState, e.toState])).toEqual([
      [null, "submitted"],
      ["submitted", "acknowledged"],
    ]);
    const [row] = await db.select().from(petitions).where(eq(petitions.id, id));
    expect(row).toMatchObject({ state: "acknowledged", answerDue: "2030-01-01", version: 2 });

    // A second coordinator still holding version 1.
    const before = await footprint(kase.id);
    const error = await expectDalError(
      changePetitionState(secondCoordinator, id, 1, {
        ...EMPTY_PETITION_STATE,
        toState: "rejected",
        on: day("2024-04-02"),
      }),
      "CONFLICT",
    );
    expect(error.extra.conflict?.by).toBe(coordinator.name);
    expect(error.message).toContain(coordinator.name);
    expect(await footprint(kase.id)).toEqual(before);
  });

  it("allows only sensible transitions and needs the filing date when a petition leaves draft", async () => {
    const kase = await openCase(coordinator);
    const { id } = await addPetition(
      coordinator,
      kase.ref,
      petition({ petitioner: "Civic group", addressee: "Embassy", state: "draft" }),
    );
    const before = await footprint(kase.id);
    const noFiling = await expectDalError(
      changePetitionState(coordinator, id, 1, { ...EMPTY_PETITION_STATE, toState: "submitted", on: day("2024-03-20") }),
      "VALIDATION",
    );
    expect(noFiling.fieldErrors).toHaveProperty(["filed.year"]);
    const same = await expectDalError(
      changePetitionState(coordinator, id, 1, { ...EMPTY_PETITION_STATE, toState: "draft", on: day("2024-03-20") }),
      "VALIDATION",
    );
    expect(same.fieldErrors?.toState).toMatch(/already/);
    expect(await footprint(kase.id)).toEqual(before);

    await changePetitionState(coordinator, id, 1, {
      ...EMPTY_PETITION_STATE,
      toState: "submitted",
      on: day("2024-03-20"),
      filed: day("2024-03-20"),
    });
    await changePetitionState(coordinator, id, 2, {
      ...EMPTY_PETITION_STATE,
      toState: "granted",
      on: day("2024-05-01"),
      answer: "Released on humanitarian grounds.",
    });
    const final = await expectDalError(
      changePetitionState(coordinator, id, 3, { ...EMPTY_PETITION_STATE, toState: "withdrawn", on: day("2024-05-02") }),
      "VALIDATION",
    );
    expect(final.fieldErrors?.toState).toMatch(/final/);
    const [row] = await db.select().from(petitions).where(eq(petitions.id, id));
    expect(row).toMatchObject({ state: "granted", filedOn: "2024-03-20", answer: "Released on humanitarian grounds." });
  });
});

describe("authorization", () => {
  it("a caseworker not assigned to a case gets FORBIDDEN and nothing is written", async () => {
    const kase = await openCase(worker);
    const { id: noteId } = await addNote(worker, kase.ref, { occurred: day("2024-01-02"), body: "First note." });
    const before = await footprint(kase.id);
    await expectDalError(
      recordStatusChange(outsider, kase.ref, status({ status: "charged", occurred: day("2024-02-01") })),
      "FORBIDDEN",
    );
    await expectDalError(logContact(outsider, kase.ref, contact({ occurred: day("2024-02-01") })), "FORBIDDEN");
    await expectDalError(
      addPetition(outsider, kase.ref, petition({ petitioner: "X", addressee: "Y", filed: day("2024-02-01") })),
      "FORBIDDEN",
    );
    await expectDalError(addNote(outsider, kase.ref, { occurred: day("2024-02-01"), body: "Nope." }), "FORBIDDEN");
    await expectDalError(addSource(outsider, kase.ref, { ...EMPTY_SOURCE, title: "TASS" }), "FORBIDDEN");
    await expectDalError(
      retract(outsider, { kind: "note", id: noteId, version: 1, reason: "Not mine to retract." }),
      "FORBIDDEN",
    );
    expect(await footprint(kase.id)).toEqual(before);
    // Reading is allowed: the case is not restricted.
    expect((await getCaseRecord(outsider, kase.ref, { order: "asc" })).items).toHaveLength(1);
  });

  it("a caseworker on a restricted case they are not assigned to gets NOT_FOUND, for writes and reads", async () => {
    const kase = await openCase(coordinator, { restricted: true });
    await addNote(coordinator, kase.ref, { occurred: day("2024-01-02"), body: "Sensitive." });
    const [note] = await db.select().from(caseNotes).where(eq(caseNotes.caseId, kase.id));
    const before = await footprint(kase.id);
    await expectDalError(addNote(outsider, kase.ref, { occurred: day("2024-02-01"), body: "Nope." }), "NOT_FOUND");
    await expectDalError(
      retract(outsider, { kind: "note", id: note?.id ?? "", version: 1, reason: "Nope." }),
      "NOT_FOUND",
    );
    await expectDalError(getCaseRecord(outsider, kase.ref, { order: "asc" }), "NOT_FOUND");
    expect(await footprint(kase.id)).toEqual(before);

    // Once assigned, the same caseworker may read and write it.
    await db.insert(caseAssignments).values({ caseId: kase.id, accountId: outsider.id });
    await addNote(outsider, kase.ref, { occurred: day("2024-02-01"), body: "Now assigned." });
    expect((await getCaseRecord(outsider, kase.ref, { order: "asc" })).items).toHaveLength(2);
  });
});

describe("bad input", () => {
  it("returns field errors naming the field and the problem, and writes nothing", async () => {
    const kase = await openCase(worker);
    const { id: noteId } = await addNote(worker, kase.ref, { occurred: day("2024-01-02"), body: "A note." });
    const before = await footprint(kase.id);
    const nextYear = String(Number(todayIso().slice(0, 4)) + 1);

    const future = await expectDalError(
      recordStatusChange(worker, kase.ref, status({ status: "charged", occurred: day(`${nextYear}-01-10`) })),
      "VALIDATION",
    );
    expect(future.fieldErrors?.["occurred.day"]).toBe("Date of the change: cannot be in the future.");

    const feb31 = await expectDalError(
      logContact(
        worker,
        kase.ref,
        contact({ occurred: { ...EMPTY_DATE_FIELDS, year: "2024", month: "2", day: "31" } }),
      ),
      "VALIDATION",
    );
    expect(feb31.fieldErrors?.["occurred.day"]).toBe("Date of the contact: 31/2/2024 is not a real date.");

    const badStatus = await expectDalError(
      recordStatusChange(worker, kase.ref, { ...status({ occurred: day("2024-01-01") }), status: "vanished" }),
      "VALIDATION",
    );
    expect(badStatus.fieldErrors?.status).toBe("Status must be one of the listed values.");

    const badDeadline = await expectDalError(
      recordStatusChange(worker, kase.ref, status({ occurred: day("2024-01-01"), deadlineOn: "2024-02-30" })),
      "VALIDATION",
    );
    expect(badDeadline.fieldErrors?.deadlineOn).toMatch(/Deadline must be a real date/);

    const noPetitioner = await expectDalError(
      addPetition(worker, kase.ref, petition({ petitioner: " ", addressee: "Embassy", state: "submitted" })),
      "VALIDATION",
    );
    expect(noPetitioner.fieldErrors).toMatchObject({
      petitioner: "Petitioner is required.",
      "filed.year": expect.stringMatching(/Date filed/),
    });

    const badUrl = await expectDalError(
      addSource(worker, kase.ref, { ...EMPTY_SOURCE, title: "TASS", url: "javascript:alert(1)" }),
      "VALIDATION",
    );
    expect(badUrl.fieldErrors?.url).toBe("Link must be a web address starting with http:// or https://.");

    const emptyNote = await expectDalError(
      addNote(worker, kase.ref, { occurred: day("2024-01-01"), body: "  " }),
      "VALIDATION",
    );
    expect(emptyNote.fieldErrors?.body).toBe("Note is required.");

    const noReason = await expectDalError(
      retract(worker, { kind: "note", id: noteId, version: 1, reason: "" }),
      "VALIDATION",
    );
    expect(noReason.fieldErrors?.reason).toBe("Reason is required.");

    const self = await expectDalError(
      linkCases(worker, kase.ref, { otherRef: kase.ref, kind: "related", note: "" }),
      "VALIDATION",
    );
    expect(self.fieldErrors?.otherRef).toBe("A case cannot be linked to itself.");

    expect(await footprint(kase.id)).toEqual(before);
  });

  it("refuses a stale version on retraction with who retracted it first", async () => {
    const kase = await openCase(coordinator);
    const { id } = await addNote(coordinator, kase.ref, { occurred: day("2024-01-02"), body: "Twice." });
    await retract(coordinator, { kind: "note", id, version: 1, reason: "First retraction." });
    const error = await expectDalError(
      retract(secondCoordinator, { kind: "note", id, version: 1, reason: "Second retraction." }),
      "CONFLICT",
    );
    expect(error.extra.conflict?.by).toBe(coordinator.name);
  });
});

describe("sources", () => {
  it("adds a source attached to an item, and refuses to attach it to another case's item", async () => {
    const kase = await openCase(coordinator);
    const other = await openCase(coordinator);
    const { id: changeId } = await recordStatusChange(
      coordinator,
      kase.ref,
      status({ status: "detained", occurred: day("2024-01-15") }),
    );
    const { id: foreignNote } = await addNote(coordinator, other.ref, {
      occurred: day("2024-01-02"),
      body: "Other case.",
    });

    const since = await lastAuditId();
    const { id: sourceId } = await addSource(coordinator, kase.ref, {
      ...EMPTY_SOURCE,
      kind: "news_agency",
      title: "TASS report",
      publisher: "TASS",
      url: "https://tass.example/report",
      target: `status_change:${changeId}`,
    });
    expect((await auditSince(kase.id, since)).map((r) => [r.action, r.entity])).toEqual([
      ["create", "sources"],
      ["link", "source_links"],
    ]);

    const before = await footprint(kase.id);
    const foreign = await expectDalError(attachSource(coordinator, sourceId, `note:${foreignNote}`), "VALIDATION");
    expect(foreign.fieldErrors?.target).toBe("That item is not part of this case.");
    const twice = await expectDalError(attachSource(coordinator, sourceId, `status_change:${changeId}`), "VALIDATION");
    expect(twice.fieldErrors?.target).toBe("This source is already attached to that item.");
    // Nor can a new source be attached to another case's item.
    await expectDalError(
      addSource(coordinator, kase.ref, { ...EMPTY_SOURCE, title: "Elsewhere", target: `note:${foreignNote}` }),
      "VALIDATION",
    );
    expect(await footprint(kase.id)).toEqual(before);
    expect(await footprint(other.id)).toMatchObject({ links: 0 });

    const { linkId } = await attachSource(coordinator, sourceId, "case");
    /** Titles of the sources attached to the case itself. */
    const caseSources = async () =>
      (await getCaseRecord(coordinator, kase.ref, { order: "asc" })).sources.rows.flatMap((s) =>
        s.attachments.filter((a) => a.target.kind === "case").map(() => s.title),
      );
    const timeline = await getCaseRecord(coordinator, kase.ref, { order: "asc" });
    expect(await caseSources()).toEqual(["TASS report"]);
    expect(timeline.items[0]?.sources).toEqual([expect.objectContaining({ title: "TASS report", publisher: "TASS" })]);
    await detachSource(coordinator, linkId);
    expect(await caseSources()).toEqual([]);
  });
});

describe("case links", () => {
  it("stores the pair once (a < b), refuses duplicates, and needs both cases writable", async () => {
    const a = await openCase(coordinator);
    const b = await openCase(coordinator);
    const mine = await openCase(worker);
    await linkCases(coordinator, a.ref, { otherRef: b.ref, kind: "family", note: "Held together." });
    const rows = await db.select().from(caseLinks).where(sql`${caseLinks.caseA} in (${a.id}, ${b.id})`);
    expect(rows).toHaveLength(1);
    expect((rows[0]?.caseA ?? "") < (rows[0]?.caseB ?? "")).toBe(true);

    const dup = await expectDalError(
      linkCases(coordinator, b.ref, { otherRef: a.ref, kind: "related", note: "" }),
      "VALIDATION",
    );
    expect(dup.fieldErrors?.otherRef).toBe(`This case is already linked to ${a.ref}.`);

    // The caseworker may write their own case but not the coordinator's.
    const notWritable = await expectDalError(
      linkCases(worker, mine.ref, { otherRef: a.ref, kind: "related", note: "" }),
      "VALIDATION",
    );
    expect(notWritable.fieldErrors?.otherRef).toMatch(/You may not change/);

    await unlinkCases(coordinator, b.ref, a.ref);
    expect(await db.select().from(caseLinks).where(sql`${caseLinks.caseA} in (${a.id}, ${b.id})`)).toHaveLength(0);
  });
});

describe("timeline", () => {
  it("orders same-day items by recording order, shows retracted items, and omits unreadable linked cases", async () => {
    const kase = await openCase(coordinator);
    const open = await openCase(coordinator);
    const hidden = await openCase(coordinator, { restricted: true });
    await linkCases(coordinator, kase.ref, { otherRef: open.ref, kind: "held_together", note: "" });
    await linkCases(coordinator, kase.ref, { otherRef: hidden.ref, kind: "family", note: "" });

    // All on 7 November 2017, recorded in story order: detained, tried, convicted, repatriated.
    const sameDay = day("2017-11-07");
    await recordStatusChange(coordinator, kase.ref, status({ status: "on_trial", occurred: sameDay }));
    const note = await addNote(coordinator, kase.ref, { occurred: sameDay, body: "Trial held the same day." });
    await recordStatusChange(coordinator, kase.ref, status({ status: "convicted", occurred: sameDay }));
    await recordStatusChange(coordinator, kase.ref, status({ status: "repatriated", occurred: sameDay }));
    await logContact(
      coordinator,
      kase.ref,
      contact({ occurred: day("2017-11-20"), kind: "letter", outcome: "no_answer" }),
    );
    await recordStatusChange(
      coordinator,
      kase.ref,
      status({
        status: "detained",
        occurred: { ...EMPTY_DATE_FIELDS, year: "2017", month: "11", part: "early", approx: true },
      }),
    );
    await retract(coordinator, { kind: "note", id: note.id, version: 1, reason: "Belongs to another case." });
    expect((await caseRow(kase.id)).status).toBe("repatriated");

    const asc = await getCaseRecord(worker, kase.ref, { order: "asc" });
    const label = (i: (typeof asc.items)[number]) =>
      i.kind === "status_change" ? i.status : i.kind === "note" ? "note" : i.kind;
    expect(asc.items.map(label)).toEqual(["detained", "on_trial", "note", "convicted", "repatriated", "contact"]);
    const retracted = asc.items.find((i) => i.kind === "note");
    expect(retracted?.retracted).toMatchObject({ by: coordinator.name, reason: "Belongs to another case." });
    expect(asc.items[0]?.recordedBy).toBe(coordinator.name);

    const desc = await getCaseRecord(worker, kase.ref, { order: "desc" });
    expect(desc.items.map(label)).toEqual(["contact", "repatriated", "convicted", "note", "on_trial", "detained"]);

    const onlyContacts = await getCaseRecord(worker, kase.ref, { order: "asc", kinds: ["contact"] });
    expect(onlyContacts.items.map(label)).toEqual(["contact"]);
    expect(onlyContacts.counts).toEqual({ status_change: 4, contact: 1, petition_event: 0, note: 1 });
    expect(onlyContacts.history.total).toBe(4);
    expect(onlyContacts.history.rows).toHaveLength(4);

    // The caseworker may not read the restricted linked case: it is not even mentioned.
    expect(asc.linkedCases.map((l) => l.ref)).toEqual([open.ref]);
    const full = await getCaseRecord(coordinator, kase.ref, { order: "asc" });
    expect(full.linkedCases.map((l) => l.ref).sort()).toEqual([open.ref, hidden.ref].sort());
  });
});
