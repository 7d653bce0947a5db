import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/domain";
import { isOpenStatus } from "@/lib/domain";
import type { PartialDateFields } from "@/lib/partial-date";
import { caseFormSchema, EMPTY_CASE_FORM } from "@/lib/schemas/case";
import { EMPTY_CONTACT, EMPTY_PETITION, EMPTY_PETITION_STATE, EMPTY_STATUS_CHANGE } from "@/lib/schemas/records";
import { createTestDatabase } from "@/scripts/test/databases";
import { createAccount } from "../accounts";
import { type Db, makeDb } from "../client";
import { caseAssignments, cases, consularContacts, type NewCase, petitions } from "../schema";
import { type Actor, loadActor } from "./actor";
import { assignCaseworker, unassignCaseworker } from "./assignments";
import { createCase } from "./case-write";
import { type DashboardFilter, getDashboard } from "./dashboard";
import { addPetition, changePetitionState, logContact, recordStatusChange, retract } from "./records";

/*
 * A small fixture whose every figure is computed by hand below, on 1 June 2024, quiet after 30 days.
 *   C1 RU Lefortovo, Moscow    detention_extended  high      detained 2024-01-15  deadline 2024-06-15  contact 2024-05-20 (follow-up 2024-06-05)  petition due 2024-05-15 (submitted)  → A
 *   C2 RU SIZO-1, Vladivostok  detained            critical  detained 2024-04-20  deadline 2024-05-25  never contacted                                                                → B
 *   C3 CN                      released (closed)   low       detained 2023-08-01                       petition answered
 *   C4 CN                      under_investigation medium    detained 2023-12-10  restricted           contact 2024-04-15 (follow-up 2024-05-01)  petition due 2024-07-01 (acknowledged)
 */
let db: Db;
let coordinator: Actor;
let workerA: Actor;
let workerB: Actor;
const ids: Record<string, string> = {};

async function person(role: Role) {
  const r = await createAccount(db, {
    email: `dash-${randomUUID().slice(0, 8)}@test.example.org`,
    name: `Dash ${role}`,
    role,
    password: "a-long-enough-password",
  });
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return (await loadActor(db, r.account.id, 1)) as Actor;
}

function aCase(
  key: string,
  values: Partial<NewCase> & Required<Pick<NewCase, "detainingCountry" | "status">>,
): NewCase {
  return {
    ref: `DC-2024-${key.slice(1).padStart(4, "0")}`,
    fullName: `Dashboard person ${key}`,
    detainedPrecision: values.detainedOn ? "day" : null,
    isOpen: isOpenStatus(values.status),
    ...values,
  };
}

beforeAll(async () => {
  const url = await createTestDatabase("dashboard");
  process.env.DATABASE_URL = url; // the DAL's shared client, in this worker, uses this database
  db = makeDb(url, { max: 2 });
  coordinator = await person("coordinator");
  workerA = await person("caseworker");
  workerB = await person("caseworker");
  const rows = [
    aCase("C1", {
      detainingCountry: "RU",
      facility: "Lefortovo",
      facilityCity: "Moscow",
      status: "detention_extended",
      riskLevel: "high",
      detainedOn: "2024-01-15",
      nextDeadline: "2024-06-15",
      lastContactOn: "2024-05-20",
    }),
    aCase("C2", {
      detainingCountry: "RU",
      facility: "SIZO-1",
      facilityCity: "Vladivostok",
      status: "detained",
      riskLevel: "critical",
      detainedOn: "2024-04-20",
      nextDeadline: "2024-05-25",
    }),
    aCase("C3", { detainingCountry: "CN", status: "released", riskLevel: "low", detainedOn: "2023-08-01" }),
    aCase("C4", {
      detainingCountry: "CN",
      status: "under_investigation",
      riskLevel: "medium",
      detainedOn: "2023-12-10",
      restricted: true,
      lastContactOn: "2024-04-15",
    }),
  ];
  for (const [i, row] of rows.entries()) {
    const [inserted] = await db.insert(cases).values(row).returning({ id: cases.id });
    ids[`C${i + 1}`] = inserted?.id ?? "";
  }
  await db.insert(caseAssignments).values([
    { caseId: ids.C1 as string, accountId: workerA.id },
    { caseId: ids.C2 as string, accountId: workerB.id },
  ]);
  const contact = {
    kind: "visit",
    counterpart: "detainee",
    outcome: "access_granted",
    recordedBy: coordinator.id,
  } as const;
  await db.insert(consularContacts).values([
    { ...contact, caseId: ids.C1 as string, occurredOn: "2024-05-20", followUpOn: "2024-06-05" },
    { ...contact, caseId: ids.C4 as string, occurredOn: "2024-04-15", followUpOn: "2024-05-01" },
  ]);
  const petition = {
    petitioner: "A foundation",
    addressee: "A ministry",
    asks: "release",
    recordedBy: coordinator.id,
    filedOn: "2024-04-01",
    filedPrecision: "day",
  } as const;
  await db.insert(petitions).values([
    { ...petition, caseId: ids.C1 as string, state: "submitted", answerDue: "2024-05-15" },
    { ...petition, caseId: ids.C3 as string, state: "answered", answerDue: "2024-01-01" },
    { ...petition, caseId: ids.C4 as string, state: "acknowledged", answerDue: "2024-07-01" },
  ]);
});
afterAll(() => db.client.end());

const on: DashboardFilter = { today: "2024-06-01", quietDays: 30 };
const asMap = (rows: Array<{ key: string; n: number }>) => Object.fromEntries(rows.map((r) => [r.key, r.n]));
const refs = (rows: Array<{ ref: string }>) => rows.map((r) => r.ref);
const ref = (key: string) => `DC-2024-${key.slice(1).padStart(4, "0")}`;

describe("the coordinator's dashboard on 1 June 2024", () => {
  it("counts open cases by status, country, facility and risk", async () => {
    const d = await getDashboard(coordinator, on);
    expect(d.totalOpen).toBe(3);
    expect(asMap(d.byStatus)).toEqual({ detention_extended: 1, detained: 1, under_investigation: 1 });
    expect(asMap(d.byCountry)).toEqual({ RU: 2, CN: 1 });
    expect(asMap(d.byRisk)).toEqual({ high: 1, critical: 1, medium: 1 });
    expect(d.byFacility.map((r) => [r.key, r.city, r.n])).toEqual(
      expect.arrayContaining([
        ["Lefortovo", "Moscow", 1],
        ["SIZO-1", "Vladivostok", 1],
        ["", "", 1],
      ]),
    );
  });

  it("counts new detentions per month over the last 24 months, closed cases included", async () => {
    const d = await getDashboard(coordinator, on);
    expect(d.perMonth).toHaveLength(24);
    expect(d.perMonth[0]?.month).toBe("2022-07");
    expect(d.perMonth[23]?.month).toBe("2024-06");
    const nonZero = Object.fromEntries(d.perMonth.filter((m) => m.n > 0).map((m) => [m.month, m.n]));
    expect(nonZero).toEqual({ "2023-08": 1, "2023-12": 1, "2024-01": 1, "2024-04": 1 });
  });

  it("lists cases gone quiet, longest silence first; never contacted counts from detention", async () => {
    const d = await getDashboard(coordinator, on);
    expect(d.quiet.map((q) => [q.ref, q.silentDays])).toEqual([
      [ref("C4"), 47],
      [ref("C2"), 42],
    ]);
    const longer = await getDashboard(coordinator, { ...on, quietDays: 45 });
    expect(refs(longer.quiet)).toEqual([ref("C4")]);
  });

  it("lists deadlines and follow-ups due within 14 days and overdue, with days left", async () => {
    const d = await getDashboard(coordinator, on);
    expect(d.deadlines.map((x) => [x.ref, x.daysLeft])).toEqual([
      [ref("C2"), -7],
      [ref("C1"), 14],
    ]);
    expect(d.followUps.map((x) => [x.ref, x.daysLeft])).toEqual([
      [ref("C4"), -31],
      [ref("C1"), 4],
    ]);
  });

  it("lists petitions still awaiting an answer after their due date", async () => {
    const d = await getDashboard(coordinator, on);
    expect(d.petitionsOverdue.map((p) => [p.ref, p.daysLeft])).toEqual([[ref("C1"), -17]]);
  });

  it("puts critical, then high-risk cases at the top", async () => {
    const d = await getDashboard(coordinator, on);
    expect(refs(d.highRisk)).toEqual([ref("C2"), ref("C1")]);
    expect(d.highRiskTotal).toBe(2);
  });

  it("reads one row more than the preview of each list, and the expanded list in full", async () => {
    const full = await getDashboard(coordinator, on);
    const one = await getDashboard(coordinator, on, { preview: 1 });
    for (const list of ["quiet", "deadlines", "followUps", "highRisk"] as const) {
      expect(full[list].length, list).toBe(2);
      expect(one[list], list).toEqual(full[list]); // 2 = preview + 1: all there is
    }
    const none = await getDashboard(coordinator, on, { preview: 0 });
    for (const list of ["quiet", "deadlines", "followUps", "highRisk", "petitionsOverdue"] as const) {
      expect(none[list], list).toEqual(full[list].slice(0, 1)); // the first row says there is more
    }
    expect(none.caseload).toEqual(full.caseload.slice(0, 1));
    // The total stays the count of every high-risk case, however few rows are read.
    expect(none.highRiskTotal).toBe(2);
    const expanded = await getDashboard(coordinator, on, { preview: 0, expanded: "deadlines" });
    expect(expanded.deadlines).toEqual(full.deadlines);
    expect(expanded.quiet).toEqual(full.quiet.slice(0, 1));
  });

  it("gives each caseworker's open cases and overdue items", async () => {
    const d = await getDashboard(coordinator, on);
    const load = Object.fromEntries(d.caseload.map((c) => [c.id, [c.openCases, c.overdue]]));
    expect(load[workerA.id]).toEqual([1, 1]); // C1: the overdue petition
    expect(load[workerB.id]).toEqual([1, 1]); // C2: the overdue deadline
  });

  it("filters every figure by detaining country and detention dates", async () => {
    const cn = await getDashboard(coordinator, { ...on, country: "CN" });
    expect(cn.totalOpen).toBe(1);
    expect(refs(cn.quiet)).toEqual([ref("C4")]);
    expect(cn.deadlines).toEqual([]);
    const spring = await getDashboard(coordinator, { ...on, detainedFrom: "2024-01-01", detainedTo: "2024-03-31" });
    expect(asMap(spring.byStatus)).toEqual({ detention_extended: 1 });
  });
});

describe("a caseworker's dashboard", () => {
  it("is limited to the cases assigned to them, and their own caseload row", async () => {
    const d = await getDashboard(workerA, on);
    expect(d.totalOpen).toBe(1);
    expect(asMap(d.byStatus)).toEqual({ detention_extended: 1 });
    expect(d.quiet).toEqual([]);
    expect(refs(d.followUps)).toEqual([ref("C1")]);
    expect(d.caseload.map((c) => c.id)).toEqual([workerA.id]);
    // The restricted, unassigned C4 appears in no figure.
    const all = JSON.stringify(d);
    expect(all).not.toContain(ref("C4"));
  });
});

/*
 * The summaries behind the coordinator's view (migration 0004) are kept by triggers. After each kind
 * of write through the DAL they must equal a rebuild from the records, and the dashboard read from
 * them must equal the same dashboard summed per case (a detention-date filter that every case here
 * passes takes that path).
 */
describe("the maintained dashboard summaries", () => {
  const SUMMARIES = ["dashboard_case_items", "dashboard_open_counts", "dashboard_caseload", "dashboard_caseload_due"];

  /** Rows of each summary table that a fresh dashboard_rebuild() would not write, and the reverse. */
  async function driftFromRebuild(): Promise<Record<string, number>> {
    const drift: Record<string, number> = {};
    await db
      .transaction(async (tx) => {
        for (const t of SUMMARIES) {
          await tx.execute(sql.raw(`create temp table kept_${t} on commit drop as select * from ${t}`));
        }
        await tx.execute(sql`select dashboard_rebuild()`);
        for (const t of SUMMARIES) {
          // Rows whose counts fell to 0 are kept by the triggers, never written by a rebuild.
          const live = t === "dashboard_case_items" ? t : `(select * from ${t} where ${zero(t)}) as x`;
          const kept = t === "dashboard_case_items" ? `kept_${t}` : `(select * from kept_${t} where ${zero(t)}) as y`;
          const rows = await tx.execute<{ n: number }>(
            sql.raw(`select count(*)::int as n from (
            (select * from ${kept} except all select * from ${live})
            union all (select * from ${live} except all select * from ${kept})) as d`),
          );
          drift[t] = rows[0]?.n ?? -1;
        }
        tx.rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Error && e.message.includes("Rollback"))) throw e;
      });
    return drift;
  }
  const zero = (t: string) => (t === "dashboard_caseload" ? "open_cases <> 0 or due_items <> 0" : "n <> 0");
  const noDrift = Object.fromEntries(SUMMARIES.map((t) => [t, 0]));

  /** The coordinator's figures from the summaries, and the same summed per case. */
  async function bothWays() {
    const fromSummaries = await getDashboard(coordinator, on);
    const perCase = await getDashboard(coordinator, { ...on, detainedFrom: "1900-01-01" });
    const figures = (d: typeof fromSummaries) => ({
      totalOpen: d.totalOpen,
      byStatus: d.byStatus,
      byCountry: d.byCountry,
      byFacility: d.byFacility,
      byRisk: d.byRisk,
      caseload: d.caseload,
    });
    return { fromSummaries: figures(fromSummaries), perCase: figures(perCase) };
  }

  const day = (on: string): PartialDateFields => {
    const [year, month, d] = on.split("-");
    return { year: year ?? "", month: String(Number(month)), day: String(Number(d)), part: "", approx: false };
  };

  it("follow every kind of write through the DAL, and agree with the figures summed per case", async () => {
    const load = async (who: Actor) =>
      (await getDashboard(coordinator, on)).caseload.find((c) => c.id === who.id) ?? { openCases: 0, overdue: 0 };
    const before = await load(workerA);
    const check = async (step: string) => {
      expect({ step, drift: await driftFromRebuild() }).toEqual({ step, drift: noDrift });
      const both = await bothWays();
      expect({ step, figures: both.fromSummaries }).toEqual({ step, figures: both.perCase });
    };

    const { ref: newRef } = await createCase(
      coordinator,
      caseFormSchema.parse({
        ...EMPTY_CASE_FORM,
        fullName: "Summary person",
        detainingCountry: "KP",
        facility: "Camp 15",
        facilityCity: "Yodok",
        riskLevel: "critical",
        detained: day("2024-05-01"),
      }),
    );
    await check("case opened");
    await assignCaseworker(coordinator, newRef, workerA.id);
    await check("assigned");
    expect(await load(workerA)).toMatchObject({ openCases: before.openCases + 1, overdue: before.overdue });

    // A contact whose follow-up is past due on 1 June: one overdue item for the assignee.
    const first = await logContact(workerA, newRef, {
      ...EMPTY_CONTACT,
      occurred: day("2024-05-20"),
      outcome: "no_answer",
      followUpOn: "2024-05-25",
    });
    await check("contact logged");
    expect((await load(workerA)).overdue).toBe(before.overdue + 1);
    // A later contact supersedes it: its follow-up (not yet due) is the pending one.
    const second = await logContact(workerA, newRef, {
      ...EMPTY_CONTACT,
      occurred: day("2024-05-28"),
      outcome: "pending",
      followUpOn: "2024-06-04",
    });
    await check("later contact");
    expect((await load(workerA)).overdue).toBe(before.overdue);
    expect((await getDashboard(coordinator, on)).followUps.map((x) => [x.ref, x.daysLeft])).toContainEqual([newRef, 3]);
    await retract(workerA, { kind: "contact", id: second.id, version: 1, reason: "Wrong case." });
    await check("later contact retracted");
    expect((await load(workerA)).overdue).toBe(before.overdue + 1);
    expect(first.id).toBeTruthy();

    await recordStatusChange(workerA, newRef, {
      ...EMPTY_STATUS_CHANGE,
      status: "detention_extended",
      occurred: day("2024-05-26"),
      deadlineOn: "2024-05-30",
    });
    await check("status change with a deadline");
    expect((await load(workerA)).overdue).toBe(before.overdue + 2);

    const petition = await addPetition(workerA, newRef, {
      ...EMPTY_PETITION,
      petitioner: "A civic group",
      addressee: "A ministry",
      state: "submitted",
      filed: day("2024-05-02"),
      answerDue: "2024-05-20",
    });
    await check("petition filed");
    expect((await load(workerA)).overdue).toBe(before.overdue + 3);
    await changePetitionState(workerA, petition.id, 1, {
      ...EMPTY_PETITION_STATE,
      toState: "answered",
      on: day("2024-05-29"),
      answer: "Refused.",
    });
    await check("petition answered");
    expect((await load(workerA)).overdue).toBe(before.overdue + 2);

    await assignCaseworker(coordinator, newRef, workerB.id);
    await unassignCaseworker(coordinator, newRef, workerA.id);
    await check("reassigned");
    expect(await load(workerA)).toMatchObject(before);

    await recordStatusChange(workerB, newRef, {
      ...EMPTY_STATUS_CHANGE,
      status: "released",
      occurred: day("2024-05-31"),
    });
    await check("released");
    const closed = await getDashboard(coordinator, on);
    expect(closed.byCountry.find((r) => r.key === "KP")).toBeUndefined();
    expect(closed.followUps.map((x) => x.ref)).not.toContain(newRef);
  });
});
