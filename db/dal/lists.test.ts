import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ContactKind, ContactOutcome, PetitionAsk, PetitionState, Role } from "@/lib/domain";
import type { ContactListParams, PetitionListParams } from "@/lib/schemas/lists";
import { buildSearchText } from "@/lib/search";
import { makeDb } from "../client";
import { accounts, caseAssignments, cases, consularContacts, petitions } from "../schema";
import type { Actor } from "./actor";
import { addDays, endOfWeek, searchContacts, searchPetitions } from "./lists";

const db = makeDb(inject("databaseUrl"), { max: 4 });
afterAll(() => db.client.end());

/** A Wednesday: "this week" runs to Sunday 29 November. */
const TODAY = "2026-11-25";
/** A made-up family name only this file's cases have: searching it scopes a query to them. */
const TAG = `Qlistname${randomUUID().slice(0, 6).replace(/\d/g, "x")}`;
const serial = String(Math.floor(Math.random() * 900_000) + 100_000);
let n = 0;

async function account(role: Role): Promise<Actor> {
  const tag = randomUUID().slice(0, 8);
  const [row] = await db
    .insert(accounts)
    .values({ email: `lists-${tag}@test.example.org`, name: `Lists ${role} ${tag}`, role, passwordHash: "x" })
    .returning();
  if (!row) throw new Error("no account");
  return { id: row.id, email: row.email, name: row.name, role: row.role, mustChangePassword: false };
}

async function insertCase(fullName: string, restricted = false) {
  const ref = `DC-7${serial.slice(0, 3)}-${serial.slice(3)}${String(++n).padStart(2, "0")}`;
  const [row] = await db
    .insert(cases)
    .values({ ref, fullName, detainingCountry: "QY", restricted, searchText: buildSearchText({ ref, fullName }) })
    .returning({ id: cases.id });
  if (!row) throw new Error("no case");
  return row.id;
}

let coordinator: Actor;
let assignedWorker: Actor;
let otherWorker: Actor;
let openCase: string;
let secretCase: string;
const contact: Record<string, string> = {};
const petition: Record<string, string> = {};

async function addContact(
  key: string,
  caseId: string,
  v: {
    kind?: ContactKind;
    outcome?: ContactOutcome;
    followUpOn?: string | null;
    occurredOn?: string;
    retracted?: boolean;
  },
) {
  const [row] = await db
    .insert(consularContacts)
    .values({
      caseId,
      kind: v.kind ?? "call",
      counterpart: "authorities",
      occurredOn: v.occurredOn ?? "2026-10-01",
      outcome: v.outcome ?? "pending",
      followUpOn: v.followUpOn ?? null,
      summary: `Contact ${key}`,
      recordedBy: coordinator.id,
      ...(v.retracted
        ? { retractedAt: new Date(), retractedBy: coordinator.id, retractionReason: "Entered twice." }
        : {}),
    })
    .returning({ id: consularContacts.id });
  if (!row) throw new Error("no contact");
  contact[key] = row.id;
}

async function addPetition(
  key: string,
  caseId: string,
  v: { state: PetitionState; asks?: PetitionAsk; answerDue?: string | null; filedOn?: string | null },
) {
  const filedOn = v.state === "draft" ? (v.filedOn ?? null) : (v.filedOn ?? "2026-09-01");
  const [row] = await db
    .insert(petitions)
    .values({
      caseId,
      petitioner: "Citizens' Alliance",
      addressee: "Ministry of Foreign Affairs",
      asks: v.asks ?? "release",
      state: v.state,
      filedOn,
      filedPrecision: filedOn ? "day" : null,
      answerDue: v.answerDue ?? null,
      recordedBy: coordinator.id,
    })
    .returning({ id: petitions.id });
  if (!row) throw new Error("no petition");
  petition[key] = row.id;
}

const contactIds = async (actor: Actor, params: Partial<ContactListParams>) =>
  (await searchContacts(actor, { q: TAG, size: 100, ...params }, { today: TODAY })).rows.map((r) => r.id);
const petitionIds = async (actor: Actor, params: Partial<PetitionListParams>) =>
  (await searchPetitions(actor, { q: TAG, size: 100, ...params }, { today: TODAY })).rows.map((r) => r.id);

beforeAll(async () => {
  [coordinator, assignedWorker, otherWorker] = await Promise.all([
    account("coordinator"),
    account("caseworker"),
    account("caseworker"),
  ]);
  openCase = await insertCase(`${TAG} Open`);
  secretCase = await insertCase(`${TAG} Secret`, true);
  await db.insert(caseAssignments).values({ caseId: secretCase, accountId: assignedWorker.id });

  await addContact("overdue", openCase, { followUpOn: addDays(TODAY, -2), kind: "visit", outcome: "access_denied" });
  await addContact("today", openCase, { followUpOn: TODAY, kind: "letter" });
  await addContact("sunday", openCase, { followUpOn: "2026-11-29", kind: "call", outcome: "no_answer" });
  await addContact("nextWeek", openCase, { followUpOn: "2026-11-30", kind: "diplomatic_note" });
  await addContact("none", openCase, { kind: "meeting_officials", outcome: "held", occurredOn: "2026-11-20" });
  await addContact("retracted", openCase, { followUpOn: addDays(TODAY, -5), retracted: true });
  await addContact("secret", secretCase, { followUpOn: addDays(TODAY, -1), kind: "access_request" });

  await addPetition("overdue", openCase, { state: "submitted", answerDue: addDays(TODAY, -1), asks: "release" });
  await addPetition("ackOverdue", openCase, {
    state: "acknowledged",
    answerDue: addDays(TODAY, -30),
    asks: "consular_access",
  });
  await addPetition("notYet", openCase, { state: "acknowledged", answerDue: addDays(TODAY, 3) });
  await addPetition("dueToday", openCase, { state: "submitted", answerDue: TODAY });
  await addPetition("answered", openCase, { state: "answered", answerDue: addDays(TODAY, -10) });
  await addPetition("draft", openCase, { state: "draft", asks: "no_forced_repatriation" });
  await addPetition("secret", secretCase, { state: "submitted", answerDue: addDays(TODAY, -4) });
});

describe("dates", () => {
  it("ends the week on Sunday", () => {
    expect(endOfWeek("2026-11-23")).toBe("2026-11-29"); // Monday
    expect(endOfWeek("2026-11-25")).toBe("2026-11-29");
    expect(endOfWeek("2026-11-29")).toBe("2026-11-29"); // Sunday itself
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});

describe("searchContacts", () => {
  it("overdue follow-ups, from the injected today, without retracted contacts", async () => {
    const ids = await contactIds(coordinator, { followUp: "overdue" });
    expect(ids.sort()).toEqual([contact.overdue, contact.secret].sort());
  });

  it("follow-ups due this week run from today to Sunday", async () => {
    const ids = await contactIds(coordinator, { followUp: "week" });
    expect(ids.sort()).toEqual([contact.today, contact.sunday].sort());
    const due = await contactIds(coordinator, { followUp: "due" });
    expect(due.sort()).toEqual([contact.overdue, contact.secret, contact.today, contact.sunday].sort());
  });

  it("a different today moves the windows", async () => {
    const page = await searchContacts(coordinator, { q: TAG, followUp: "week" }, { today: "2026-11-30" });
    expect(page.rows.map((r) => r.id)).toEqual([contact.nextWeek]);
  });

  it("filters by kind and by outcome", async () => {
    expect(await contactIds(coordinator, { kind: ["visit", "letter"] })).toEqual(
      expect.arrayContaining([contact.overdue, contact.today]),
    );
    expect((await contactIds(coordinator, { kind: ["visit", "letter"] })).length).toBe(2);
    expect(await contactIds(coordinator, { outcome: ["held"] })).toEqual([contact.none]);
  });

  it("sorts by follow-up with the contacts without one last, both ways", async () => {
    for (const desc of [false, true]) {
      const page = await searchContacts(
        coordinator,
        { q: TAG, sort: { id: "followUp", desc }, size: 100 },
        { today: TODAY },
      );
      const days = page.rows.map((r) => r.followUpOn);
      expect(days.at(-1)).toBeNull();
      const set = days.filter((d): d is string => d !== null);
      expect(set).toEqual([...set].sort((a, b) => (desc ? b.localeCompare(a) : a.localeCompare(b))));
    }
  });

  it("defaults to the latest contact first and never lists a retracted one", async () => {
    const page = await searchContacts(coordinator, { q: TAG, size: 100 }, { today: TODAY });
    expect(page.rows[0]?.id).toBe(contact.none);
    expect(page.rows.map((r) => r.id)).not.toContain(contact.retracted);
    expect(page.total).toEqual({ value: 6, exact: true });
  });

  it("keeps a restricted case's contacts from an unassigned caseworker, in rows and count", async () => {
    const page = await searchContacts(otherWorker, { q: TAG, followUp: "overdue" }, { today: TODAY });
    expect(page.rows.map((r) => r.id)).toEqual([contact.overdue]);
    expect(page.total).toEqual({ value: 1, exact: true });
    expect(await contactIds(assignedWorker, { followUp: "overdue" })).toContain(contact.secret);
  });

  it("pages through every contact once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await searchContacts(coordinator, { q: TAG, size: 25, cursor }, { today: TODAY });
      seen.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen.length).toBe(6);
    expect(new Set(seen).size).toBe(6);
  });

  it("falls back to the defaults for bad params", async () => {
    const page = await searchContacts(
      coordinator,
      {
        q: TAG,
        followUp: "someday",
        kind: "visit",
        sort: { id: "summary", desc: true },
        size: 3,
      } as unknown as Partial<ContactListParams>,
      { today: TODAY },
    );
    expect(page.rows.length).toBe(6);
    expect(page.rows[0]?.id).toBe(contact.none);
  });
});

describe("searchPetitions", () => {
  it("answers overdue: submitted or acknowledged, due before today", async () => {
    const ids = await petitionIds(coordinator, { answer: "overdue" });
    expect(ids.sort()).toEqual([petition.overdue, petition.ackOverdue, petition.secret].sort());
  });

  it("awaiting an answer: submitted or acknowledged, whenever due", async () => {
    const ids = await petitionIds(coordinator, { answer: "awaiting" });
    expect(ids.sort()).toEqual(
      [petition.overdue, petition.ackOverdue, petition.notYet, petition.dueToday, petition.secret].sort(),
    );
  });

  it("filters by state and by what is asked", async () => {
    expect(await petitionIds(coordinator, { state: ["answered", "draft"] })).toEqual(
      expect.arrayContaining([petition.answered, petition.draft]),
    );
    expect(await petitionIds(coordinator, { asks: ["no_forced_repatriation"] })).toEqual([petition.draft]);
  });

  it("sorts by answer due with undated petitions last; by filing date by default, unfiled last", async () => {
    const byDue = await searchPetitions(coordinator, { q: TAG, sort: { id: "due", desc: false } }, { today: TODAY });
    expect(byDue.rows[0]?.id).toBe(petition.ackOverdue);
    expect(byDue.rows.at(-1)?.answerDue).toBeNull();
    const byFiled = await searchPetitions(coordinator, { q: TAG }, { today: TODAY });
    expect(byFiled.rows.at(-1)?.id).toBe(petition.draft);
    expect(byFiled.rows.at(-1)?.filed).toBeNull();
  });

  it("keeps a restricted case's petitions from an unassigned caseworker, in rows and count", async () => {
    const page = await searchPetitions(otherWorker, { q: TAG, answer: "overdue" }, { today: TODAY });
    expect(page.rows.map((r) => r.id).sort()).toEqual([petition.overdue, petition.ackOverdue].sort());
    expect(page.total).toEqual({ value: 2, exact: true });
    expect(await petitionIds(assignedWorker, { answer: "overdue" })).toContain(petition.secret);
  });
});
