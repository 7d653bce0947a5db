import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/scripts/test/databases";
import { type Db, makeDb } from "../client";
import { accounts, caseAssignments, caseLinks, cases, consularContacts, petitions, statusChanges } from "../schema";
import { DEMO_ACCOUNTS, seedDemo } from "./demo";

let db: Db;
beforeAll(async () => {
  // Its own database: seeding happens only where there are no accounts yet.
  db = makeDb(await createTestDatabase("seed"), { max: 2 });
});
afterAll(() => db.client.end());

describe("demo seed", () => {
  it("seeds once, then does nothing", async () => {
    expect(await seedDemo(db)).toBe(true);
    expect(await seedDemo(db)).toBe(false);
    const rows = await db.select({ email: accounts.email, role: accounts.role }).from(accounts);
    const byEmail = (a: { email: string }, b: { email: string }) => a.email.localeCompare(b.email);
    expect(rows.sort(byEmail)).toEqual([...DEMO_ACCOUNTS].map((a) => ({ email: a.email, role: a.role })).sort(byEmail));
  });

  it("has Baek Won-soon with the detention extended to 15 June 2024, in Lefortovo", async () => {
    const [baek] = await db.select().from(cases).where(eq(cases.ref, "DC-2024-0001"));
    expect(baek).toMatchObject({
      fullName: "Baek Won-soon",
      detainingCountry: "RU",
      nationality: "KR",
      status: "detention_extended",
      nextDeadline: "2024-06-15",
      facilityCity: "Moscow",
      chargesClassified: true,
    });
    expect(baek?.facility).toMatch(/Lefortovo/);
    const steps = await db
      .select({ status: statusChanges.status })
      .from(statusChanges)
      .where(eq(statusChanges.caseId, baek?.id ?? ""))
      .orderBy(asc(statusChanges.occurredOn));
    expect(steps.map((s) => s.status)).toEqual(["detained", "under_investigation", "detention_extended"]);
    const meeting = await db
      .select()
      .from(consularContacts)
      .where(and(eq(consularContacts.caseId, baek?.id ?? ""), eq(consularContacts.kind, "meeting_officials")));
    expect(meeting[0]?.ourParticipants).toMatch(/Lee Do-hoon/);
    expect(meeting[0]?.theirParticipants).toMatch(/Rudenko/);
    const asks = await db
      .select()
      .from(petitions)
      .where(eq(petitions.caseId, baek?.id ?? ""));
    expect(asks.every((p) => /Global Love Rice Sharing Foundation/.test(p.petitioner))).toBe(true);
    expect(asks.length).toBeGreaterThanOrEqual(2);
  });

  it("has Jun Kyung-chul tried, convicted and repatriated on 7 November 2017, in that order", async () => {
    const [jun] = await db.select().from(cases).where(eq(cases.ref, "DC-2017-0001"));
    expect(jun).toMatchObject({ status: "repatriated", nationality: "KP", isOpen: true, ageYears: 29 });
    const steps = await db
      .select({ status: statusChanges.status, on: statusChanges.occurredOn })
      .from(statusChanges)
      .where(eq(statusChanges.caseId, jun?.id ?? ""))
      .orderBy(asc(statusChanges.occurredOn), asc(statusChanges.recordedAt));
    expect(steps.slice(-3)).toEqual([
      { status: "on_trial", on: "2017-11-07" },
      { status: "convicted", on: "2017-11-07" },
      { status: "repatriated", on: "2017-11-07" },
    ]);
  });

  it("has the family of seven detained on 7 November 1999, every pair linked", async () => {
    const family = await db
      .select({ id: cases.id, detainedOn: cases.detainedOn, sex: cases.sex })
      .from(cases)
      .where(sql`${cases.ref} like 'DC-1999-%'`);
    expect(family).toHaveLength(7);
    expect(family.every((c) => c.detainedOn === "1999-11-07")).toBe(true);
    expect(family.filter((c) => c.sex === "male")).toHaveLength(5);
    expect(family.filter((c) => c.sex === "female")).toHaveLength(1);
    const [links] = await db.select({ n: sql<number>`count(*)::int` }).from(caseLinks);
    expect(links?.n).toBe(21);
  });

  it("has the 2004 Vladivostok consulate defector as a restricted case assigned to one caseworker", async () => {
    const [defector] = await db.select().from(cases).where(eq(cases.ref, "DC-2004-0001"));
    expect(defector).toMatchObject({ restricted: true, detainedOn: "2004-10-29" });
    const assigned = await db
      .select({ email: accounts.email })
      .from(caseAssignments)
      .innerJoin(accounts, eq(accounts.id, caseAssignments.accountId))
      .where(eq(caseAssignments.caseId, defector?.id ?? ""));
    expect(assigned).toEqual([{ email: "caseworker@example.org" }]);
  });
});
