import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PartialDateFields } from "@/lib/partial-date";
import { caseFormSchema, EMPTY_CASE_FORM } from "@/lib/schemas/case";
import { EMPTY_CONTACT } from "@/lib/schemas/records";
import { makeDb } from "../client";
import { accounts } from "../schema";
import type { Actor } from "./actor";
import { createCase } from "./case-write";
import { addNote, logContact } from "./records";
import { getCaseTimeline } from "./timeline";

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
    const page = await getCaseTimeline(coordinator, ref, { ...options, after });
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
      const whole = await getCaseTimeline(coordinator, ref, { order });
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
      expect(pages[2]?.contacts).toHaveLength(3);
    },
  );

  it("pages within a filter", async () => {
    const pages = await walk({ order: "desc", limit: 5, kinds: ["note"] });
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 2]);
    expect(pages.flatMap((p) => p.items).every((i) => i.kind === "note")).toBe(true);
  });

  it("starts at the beginning on a malformed cursor, and is empty past the end", async () => {
    const forged = await getCaseTimeline(coordinator, ref, { order: "asc", limit: 4, after: "x'; drop table cases" });
    expect(forged.start).toBe(0);
    expect(forged.items).toHaveLength(4);
    const whole = await getCaseTimeline(coordinator, ref, { order: "asc" });
    const last = await walk({ order: "asc", limit: 15 });
    expect(last).toHaveLength(1);
    const end = `9999-12-31_${"9".repeat(20)}_${"f".repeat(8)}-ffff-ffff-ffff-${"f".repeat(12)}`;
    const past = await getCaseTimeline(coordinator, ref, { order: "asc", limit: 4, after: end });
    expect(past.items).toEqual([]);
    expect(past.start).toBe(whole.items.length);
    expect(past.nextCursor).toBeNull();
  });
});
