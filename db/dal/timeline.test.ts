import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PartialDateFields } from "@/lib/partial-date";
import { caseFormSchema, EMPTY_CASE_FORM } from "@/lib/schemas/case";
import {
  EMPTY_CONTACT,
  EMPTY_PETITION,
  EMPTY_PETITION_STATE,
  EMPTY_SOURCE,
  EMPTY_STATUS_CHANGE,
} from "@/lib/schemas/records";
import { makeDb } from "../client";
import { accounts } from "../schema";
import type { Actor } from "./actor";
import { createCase } from "./case-write";
import {
  addNote,
  addPetition,
  addSource,
  attachSource,
  changePetitionState,
  logContact,
  recordStatusChange,
  retract,
} from "./records";
import { getCaseRecord, listSourceTargets } from "./timeline";

const db = makeDb(inject("databaseUrl"), { max: 2 });
afterAll(() => db.client.end());

const day = (on: string): PartialDateFields => {
  const [year, month, d] = on.split("-");
  return { year: year ?? "", month: String(Number(month)), day: String(Number(d)), part: "", approx: false };
};

let coordinator: Actor;
let ref: string;

/** 12 notes on 12 days of 2020 (a few on the same day) and 3 contacts. */
beforeAll(async () => {
  const tag = randomUUID().slice(0, 8);
  const [row] = await db
    .insert(accounts)
    .values({
      email: `timeline-${tag}@test.example.org`,
      name: `Timeline ${tag}`,
      role: "coordinator",
      passwordHash: "x",
    })
    .returning();
  if (!row) throw new Error("no account");
  coordinator = { id: row.id, email: row.email, name: row.name, role: row.role, mustChangePassword: false };
  const values = caseFormSchema.parse({
    ...EMPTY_CASE_FORM,
    fullName: `Timeline pager ${tag}`,
    nationality: "KR",
    detainingCountry: "RU",
  });
  ({ ref } = await createCase(coordinator, values));
  for (let i = 0; i < 12; i++) {
    const on = `2020-0${1 + Math.floor(i / 4)}-1${i % 3}`; // days repeat: same-day order matters
    await addNote(coordinator, ref, { occurred: day(on), body: `note ${i}` });
  }
  for (let i = 0; i < 3; i++) {
    await logContact(coordinator, ref, { ...EMPTY_CONTACT, occurred: day(`2021-0${i + 1}-01`), kind: "call" });
  }
});

/** Every page of the timeline, following nextCursor. */
async function walk(options: { order: "asc" | "desc"; limit: number; kinds?: ["note"] }) {
  const pages = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page = await getCaseRecord(coordinator, ref, { ...options, after });
    pages.push(page);
    if (!page.nextCursor) break;
    after = page.nextCursor;
  }
  return pages;
}

describe("timeline pages", () => {
  it.each(["asc", "desc"] as const)(
    "walks the whole timeline %s, page by page, in the order of one read",
    async (order) => {
      const whole = await getCaseRecord(coordinator, ref, { order });
      expect(whole.items).toHaveLength(15);
      expect(whole.listed).toBe(15);
      expect(whole.nextCursor).toBeNull();

      const pages = await walk({ order, limit: 4 });
      expect(pages.map((p) => p.items.length)).toEqual([4, 4, 4, 3]);
      expect(pages.map((p) => p.start)).toEqual([0, 4, 8, 12]);
      expect(pages.every((p) => p.listed === 15)).toBe(true);
      expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(whole.items.map((i) => i.id));
      // The tables and counts are the whole case's, whatever the page.
      expect(pages[2]?.counts).toEqual({ status_change: 0, contact: 3, petition_event: 0, note: 12 });
      expect(pages[2]?.contacts.total).toBe(3);
      expect(pages[2]?.contacts.rows).toHaveLength(3);
    },
  );

  it("pages within a filter", async () => {
    const pages = await walk({ order: "desc", limit: 5, kinds: ["note"] });
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 2]);
    expect(pages.flatMap((p) => p.items).every((i) => i.kind === "note")).toBe(true);
  });

  it("starts at the beginning on a malformed cursor, and is empty past the end", async () => {
    const forged = await getCaseRecord(coordinator, ref, { order: "asc", limit: 4, after: "x'; drop table cases" });
    expect(forged.start).toBe(0);
    expect(forged.items).toHaveLength(4);
    const whole = await getCaseRecord(coordinator, ref, { order: "asc" });
    const last = await walk({ order: "asc", limit: 15 });
    expect(last).toHaveLength(1);
    const end = `9999-12-31_${"9".repeat(20)}_${"f".repeat(8)}-ffff-ffff-ffff-${"f".repeat(12)}`;
    const past = await getCaseRecord(coordinator, ref, { order: "asc", limit: 4, after: end });
    expect(past.items).toEqual([]);
    expect(past.start).toBe(whole.items.length);
    expect(past.nextCursor).toBeNull();
  });
});

describe("the case page's tables and sources", () => {
  let record: string;
  const ids: Record<string, string> = {};

  /**
   * Status changes on 3 days (the latest retracted), four contacts of three kinds (one without a
   * follow-up date), three petitions (one moved on), and three sources: one on a contact, one on a
   * petition, one on the case.
   */
  beforeAll(async () => {
    const tag = randomUUID().slice(0, 8);
    const values = caseFormSchema.parse({
      ...EMPTY_CASE_FORM,
      fullName: `Record tables ${tag}`,
      nationality: "KR",
      detainingCountry: "RU",
    });
    ({ ref: record } = await createCase(coordinator, values));
    const change = async (status: "detained" | "charged" | "on_trial", on: string) =>
      (await recordStatusChange(coordinator, record, { ...EMPTY_STATUS_CHANGE, status, occurred: day(on) })).id;
    ids.detained = await change("detained", "2021-01-05");
    ids.charged = await change("charged", "2021-03-01");
    ids.trial = await change("on_trial", "2021-06-01");
    const contact = async (kind: "visit" | "call" | "letter", on: string, followUpOn = "") =>
      (await logContact(coordinator, record, { ...EMPTY_CONTACT, kind, occurred: day(on), followUpOn })).id;
    ids.visit = await contact("visit", "2021-02-01", "2021-02-15");
    ids.call = await contact("call", "2021-04-01");
    ids.letter = await contact("letter", "2021-05-01", "2021-06-30");
    ids.call2 = await contact("call", "2021-05-20", "2021-05-25");
    const petition = async (petitioner: string, filed: string, answerDue = "") =>
      (
        await addPetition(coordinator, record, {
          ...EMPTY_PETITION,
          petitioner,
          addressee: "Ministry of Foreign Affairs",
          filed: day(filed),
          answerDue,
        })
      ).id;
    ids.zeta = await petition("Zeta Foundation", "2021-02-10", "2021-03-10");
    ids.alpha = await petition("alpha group", "2021-01-20");
    ids.omega = await petition("Ömer's committee", "2021-04-02", "2021-01-01");
    await changePetitionState(coordinator, ids.zeta, 1, {
      ...EMPTY_PETITION_STATE,
      toState: "acknowledged",
      on: day("2021-03-01"),
    });
    const source = async (title: string, target: string) =>
      (await addSource(coordinator, record, { ...EMPTY_SOURCE, title, target })).id;
    ids.onCall = await source("Call log", `contact:${ids.call}`);
    ids.onZeta = await source("Foundation letter", `petition:${ids.zeta}`);
    ids.onCase = await source("Yonhap report", "case");
    await attachSource(coordinator, ids.onCase, `status_change:${ids.trial}`);
    // Retracted after the source was attached to it: the source stays attached.
    await retract(coordinator, { kind: "status_change", id: ids.trial as string, version: 1, reason: "Wrong case." });
  });

  const read = (options: Partial<Parameters<typeof getCaseRecord>[2]> = {}) =>
    getCaseRecord(coordinator, record, { order: "desc", ...options });

  it("sorts each table on the server and cuts it, with the whole table's total", async () => {
    const whole = await read();
    expect(whole.history.rows.map((s) => s.id)).toEqual([ids.detained, ids.charged, ids.trial]);
    expect(whole.contacts.rows.map((x) => x.id)).toEqual([ids.call2, ids.letter, ids.call, ids.visit]);
    expect(whole.petitions.rows.map((p) => p.id)).toEqual([ids.alpha, ids.zeta, ids.omega]);

    const cut = await read({
      history: { sort: { id: "when", desc: true }, limit: 2 },
      contacts: { sort: { id: "followUp", desc: false }, limit: 3 },
      petitions: { sort: { id: "answerDue", desc: true }, limit: 2 },
    });
    expect(cut.history).toMatchObject({ total: 3 });
    expect(cut.history.rows.map((s) => s.id)).toEqual([ids.trial, ids.charged]);
    // Contacts with no follow-up date come last, whichever the direction.
    expect(cut.contacts.total).toBe(4);
    expect(cut.contacts.rows.map((x) => x.id)).toEqual([ids.visit, ids.call2, ids.letter]);
    const followDesc = await read({ contacts: { sort: { id: "followUp", desc: true } } });
    expect(followDesc.contacts.rows.map((x) => x.id)).toEqual([ids.letter, ids.call2, ids.visit, ids.call]);
    expect(cut.petitions.total).toBe(3);
    expect(cut.petitions.rows.map((p) => p.id)).toEqual([ids.zeta, ids.omega]);
  });

  it("sorts names as words and labels in the order given for them, ties by date", async () => {
    const byName = await read({ petitions: { sort: { id: "petitioner", desc: false } } });
    // As words: "alpha" before "Ömer" before "Zeta", whatever the case and accents.
    expect(byName.petitions.rows.map((p) => p.petitioner)).toEqual([
      "alpha group",
      "Ömer's committee",
      "Zeta Foundation",
    ]);
    // Labels sort as the caller orders them (here: letter, visit, call); ties newest first with desc.
    const labelOrder = ["letter", "visit", "call", "meeting"];
    const byKind = await read({ contacts: { sort: { id: "kind", desc: false, labelOrder } } });
    expect(byKind.contacts.rows.map((x) => x.id)).toEqual([ids.letter, ids.visit, ids.call, ids.call2]);
    const byKindDesc = await read({ contacts: { sort: { id: "kind", desc: true, labelOrder } } });
    expect(byKindDesc.contacts.rows.map((x) => x.id)).toEqual([ids.call2, ids.call, ids.visit, ids.letter]);
  });

  it("gives the sources asked for with the facts of what each supports, and every title to choose from", async () => {
    const page = await read({ sources: { limit: 2 } });
    expect(page.sources.total).toBe(3);
    expect(page.sources.rows.map((s) => s.title)).toEqual(["Call log", "Foundation letter"]);
    expect(page.sources.choices.map((s) => s.title)).toEqual(["Call log", "Foundation letter", "Yonhap report"]);
    expect(page.sources.rows[0]?.attachments).toEqual([
      expect.objectContaining({
        target: { kind: "contact", id: ids.call },
        facts: expect.objectContaining({ kind: "contact", contactKind: "call", retracted: false }),
      }),
    ]);
    const whole = await read();
    expect(whole.sources.rows[2]?.attachments.map((a) => a.facts)).toEqual([
      { kind: "case" },
      expect.objectContaining({ kind: "status_change", status: "on_trial", retracted: true }),
    ]);
  });

  it("shows a petition's sources on its first event only, and item sources beside the item", async () => {
    const { items } = await read({ kinds: ["petition_event", "contact"] });
    const events = items.filter((i) => i.kind === "petition_event" && i.petitionId === ids.zeta);
    expect(events.map((e) => e.sources.map((s) => s.title))).toEqual([[], ["Foundation letter"]]);
    const call = items.find((i) => i.id === ids.call);
    expect(call?.sources.map((s) => s.title)).toEqual(["Call log"]);
  });

  it("says since when the current status holds (retractions left out) and when the last contact was", async () => {
    const page = await read();
    expect(page.statusSince?.on).toBe("2021-03-01");
    expect(page.lastContact?.on).toBe("2021-05-20");
  });

  it("lists every target a source can support, retracted ones marked", async () => {
    const targets = await listSourceTargets(coordinator, record);
    expect(targets.map((t) => (t.kind === "case" ? "case" : `${t.kind}:${t.id}`))).toEqual([
      "case",
      `status_change:${ids.detained}`,
      `status_change:${ids.charged}`,
      `status_change:${ids.trial}`,
      `contact:${ids.visit}`,
      `contact:${ids.call}`,
      `contact:${ids.letter}`,
      `contact:${ids.call2}`,
      `petition:${ids.zeta}`,
      `petition:${ids.alpha}`,
      `petition:${ids.omega}`,
    ]);
    expect(targets.filter((t) => t.kind !== "case" && t.retracted).map((t) => t.kind)).toEqual(["status_change"]);
  });
});
