import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { CaseStatus, RiskLevel, Role } from "@/lib/domain";
import { type CaseListParams, loadCaseListParams } from "@/lib/schemas/case-list";
import { LAST_PAGE } from "@/lib/schemas/lists";
import { buildSearchText } from "@/lib/search";
import { makeDb } from "../client";
import { accounts, caseAssignments, cases, type NewCase } from "../schema";
import type { Actor } from "./actor";
import { caseListFacets, readableDetainingCountries, searchCases } from "./case-list";
import { addDays, COUNT_CAP } from "./lists";

const db = makeDb(inject("databaseUrl"), { max: 4 });
afterAll(() => db.client.end());

/**
 * Every case here has this city, so that the facility filter (facility or city) scopes a query to
 * this file's rows: other test files write cases into the same database.
 */
const TAG = `Qcity${randomUUID().slice(0, 8)}`;
/** Detaining countries nobody else uses (user-assigned ISO codes). */
const QZ = "QZ";
const QX = "QX";
const TODAY = "2026-11-25";
const serial = Math.floor(Math.random() * 90_000) + 10_000;
let n = 0;
const nextRef = () => `DC-9${String(serial).slice(0, 3)}-${String(serial).slice(3)}${String(++n).padStart(3, "0")}`;

async function account(role: Role): Promise<Actor> {
  const tag = randomUUID().slice(0, 8);
  const [row] = await db
    .insert(accounts)
    .values({ email: `list-${tag}@test.example.org`, name: `List ${role} ${tag}`, role, passwordHash: "x" })
    .returning();
  if (!row) throw new Error("no account");
  return { id: row.id, email: row.email, name: row.name, role: row.role, mustChangePassword: false };
}

type Seed = Partial<NewCase> & { fullName: string };
async function insertCase(seed: Seed): Promise<string> {
  const ref = seed.ref ?? nextRef();
  const values: NewCase = {
    detainingCountry: QZ,
    facilityCity: TAG,
    ...seed,
    ref,
    searchText: buildSearchText({
      ref,
      fullName: seed.fullName,
      nativeName: seed.nativeName,
      otherNames: seed.otherNames,
    }),
  };
  const [row] = await db.insert(cases).values(values).returning({ id: cases.id });
  if (!row) throw new Error("no case");
  return row.id;
}

let coordinator: Actor;
let assignedWorker: Actor;
let otherWorker: Actor;
const ids = {} as Record<"baek" | "jun" | "decoy" | "secret", string>;
const all = new Set<string>();

/** Params scoped to this file's rows. */
const scoped = (params: Partial<CaseListParams> = {}): Partial<CaseListParams> => ({ facility: TAG, ...params });

async function collect(actor: Actor, params: Partial<CaseListParams>, size: 25 | 50 | 100 = 25) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page = await searchCases(actor, scoped({ ...params, size, cursor }), { today: TODAY });
    pages.push(page.rows.map((r) => r.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return pages;
}

beforeAll(async () => {
  [coordinator, assignedWorker, otherWorker] = await Promise.all([
    account("coordinator"),
    account("caseworker"),
    account("caseworker"),
  ]);
  ids.baek = await insertCase({
    fullName: "Baek Won-soon",
    nativeName: "백원순",
    otherNames: ["Baek Wonsoon"],
    nationality: "KR",
    facility: "Lefortovo pre-trial detention centre",
    detainedOn: "2024-01-15",
    detainedPrecision: "year",
    detainedApprox: true,
    status: "detention_extended",
    riskLevel: "high",
    nextDeadline: addDays(TODAY, 5),
  });
  ids.jun = await insertCase({
    fullName: "Jun Kyung-chul",
    nativeName: "전경철",
    nationality: "KP",
    detainingCountry: QX,
    detainedOn: "2017-11-05",
    detainedPrecision: "month",
    detainedApprox: true,
    status: "repatriated",
    riskLevel: "critical",
  });
  ids.decoy = await insertCase({
    fullName: "Paek Min-su",
    status: "charged",
    riskLevel: "low",
    nextDeadline: addDays(TODAY, 20),
  });
  ids.secret = await insertCase({
    fullName: "Unidentified defector at the consulate",
    nationality: "KP",
    status: "whereabouts_unknown",
    riskLevel: "critical",
    restricted: true,
    nextDeadline: addDays(TODAY, -3),
    detainedOn: "2004-10-29",
    detainedPrecision: "day",
  });
  await db.insert(caseAssignments).values({ caseId: ids.secret, accountId: assignedWorker.id });
  // Enough rows for several pages, with nulls in every nullable sort column.
  const statuses: CaseStatus[] = ["detained", "charged", "on_trial", "convicted"];
  const risks: RiskLevel[] = ["low", "medium", "high", "critical"];
  for (let i = 0; i < 60; i++) {
    await insertCase({
      fullName: `Zz Pager ${String(i).padStart(2, "0")}`,
      status: statuses[i % 4],
      riskLevel: risks[(i * 7) % 4],
      nationality: i % 3 === 0 ? null : i % 3 === 1 ? "US" : "GB",
      facility: i % 4 === 0 ? null : `Facility ${i % 5}`,
      nextDeadline: i % 2 === 0 ? null : addDays(TODAY, (i * 13) % 40),
      detainedOn: i % 5 === 0 ? null : addDays("2020-01-01", i * 11),
      detainedPrecision: i % 5 === 0 ? null : "day",
    });
  }
  const mine = await db
    .select({ id: cases.id })
    .from(cases)
    .where(inArray(cases.facilityCity, [TAG]));
  for (const row of mine) all.add(row.id);
});

describe("search", () => {
  it.each([
    ["Paek Won Sun", "baek"],
    ["Paik Won-sun", "baek"],
    ["baek wonsoon", "baek"],
    ["백원순", "baek"],
    ["Jeon Kyong-chol", "jun"],
    ["Chon Gyong-chol", "jun"],
    ["전경철", "jun"],
  ] as const)("%s finds the case and ranks it first", async (q, key) => {
    const page = await searchCases(coordinator, scoped({ q }), { today: TODAY });
    expect(page.rows[0]?.id).toBe(ids[key]);
  });

  it("finds a case by a fragment of its reference", async () => {
    const [row] = await db
      .select({ ref: cases.ref })
      .from(cases)
      .where(inArray(cases.id, [ids.jun]));
    const fragment = row?.ref.slice(3) ?? ""; // "9xxx-yyyyy": no "DC-"
    const page = await searchCases(coordinator, { q: fragment }, { today: TODAY });
    expect(page.rows[0]?.id).toBe(ids.jun);
  });

  it("ranks the closer spelling above a case sharing one name", async () => {
    const page = await searchCases(coordinator, scoped({ q: "Paek Won Sun" }), { today: TODAY });
    const order = page.rows.map((r) => r.id);
    expect(order[0]).toBe(ids.baek);
    if (order.includes(ids.decoy)) expect(order.indexOf(ids.decoy)).toBeGreaterThan(0);
    expect(order).not.toContain(ids.jun);
  });

  it("searches a name with the digits of its reference among the cases whose reference has them", async () => {
    const [row] = await db
      .select({ ref: cases.ref })
      .from(cases)
      .where(inArray(cases.id, [ids.baek]));
    const year = row?.ref.slice(3, 7) ?? ""; // "DC-9xxx-…": the "year" part
    const withYear = await searchCases(coordinator, scoped({ q: `Paek ${year}` }), { today: TODAY });
    expect(withYear.rows.map((r) => r.id)).toContain(ids.baek);
    expect(withYear.rows.every((r) => r.ref.includes(year))).toBe(true);
    const otherYear = await searchCases(coordinator, scoped({ q: "Paek Won Sun 1899" }), { today: TODAY });
    expect(otherYear.rows).toEqual([]);
    expect(otherYear.total).toEqual({ value: 0, exact: true });
  });

  it("counts every match of a search, on the first page and the next", async () => {
    const first = await searchCases(coordinator, scoped({ q: "Zz Pager" }), { today: TODAY });
    expect(first.total).toEqual({ value: 60, exact: true });
    const second = await searchCases(coordinator, scoped({ q: "Zz Pager", cursor: first.nextCursor }), {
      today: TODAY,
    });
    expect(second.total).toEqual({ value: 60, exact: true });
    expect(second.rows.length).toBe(25);
  });

  it("does not match unrelated names", async () => {
    const page = await searchCases(coordinator, scoped({ q: "Kim Ki-hyun" }), { today: TODAY });
    expect(page.rows.map((r) => r.id)).not.toContain(ids.baek);
  });
});

describe("filters", () => {
  const idsOf = async (actor: Actor, params: Partial<CaseListParams>, scope = true) => {
    const page = await searchCases(actor, scope ? scoped({ ...params, size: 100 }) : { ...params, size: 100 }, {
      today: TODAY,
    });
    return page.rows.map((r) => r.id).filter((id) => all.has(id));
  };

  it("status (several values)", async () => {
    expect(await idsOf(coordinator, { status: ["detention_extended", "repatriated"] })).toEqual(
      expect.arrayContaining([ids.baek, ids.jun]),
    );
    expect(await idsOf(coordinator, { status: ["detention_extended"] })).toEqual([ids.baek]);
  });

  it("detaining country and nationality", async () => {
    expect(await idsOf(coordinator, { country: QX })).toEqual([ids.jun]);
    expect((await idsOf(coordinator, { nationality: "KR", status: ["detention_extended"] })).sort()).toEqual([
      ids.baek,
    ]);
    const kp = await idsOf(coordinator, { nationality: "KP", risk: ["critical"] });
    expect(kp.sort()).toEqual([ids.jun, ids.secret].sort());
  });

  it("risk level (several values)", async () => {
    const rows = await searchCases(coordinator, scoped({ risk: ["critical", "high"], size: 100 }), { today: TODAY });
    expect(rows.rows.every((r) => r.riskLevel === "critical" || r.riskLevel === "high")).toBe(true);
    expect(rows.rows.map((r) => r.id)).toEqual(expect.arrayContaining([ids.baek, ids.jun, ids.secret]));
  });

  it("place of detention, by facility or city", async () => {
    expect(await idsOf(coordinator, { facility: "lefortovo" }, false)).toEqual([ids.baek]);
  });

  it("exactly one place of detention and city (the dashboard's links)", async () => {
    const lefortovo = "Lefortovo pre-trial detention centre";
    expect(await idsOf(coordinator, { place: lefortovo, city: TAG }, false)).toEqual([ids.baek]);
    expect(await idsOf(coordinator, { place: "Lefortovo", city: TAG }, false)).toEqual([]);
    expect(await idsOf(coordinator, { place: lefortovo, city: "Moscow" }, false)).toEqual([]);
  });

  it("assigned to me", async () => {
    expect(await idsOf(assignedWorker, { mine: true })).toEqual([ids.secret]);
    expect(await idsOf(otherWorker, { mine: true })).toEqual([]);
  });

  it("restricted only, or without restricted", async () => {
    expect(await idsOf(coordinator, { restricted: "only" })).toEqual([ids.secret]);
    expect(await idsOf(coordinator, { restricted: "exclude" })).not.toContain(ids.secret);
  });

  it("deadline within N days, overdue included, from the injected today", async () => {
    const within7 = await idsOf(coordinator, { due: 7 });
    expect(within7).toContain(ids.baek);
    expect(within7).toContain(ids.secret);
    expect(within7).not.toContain(ids.decoy);
    expect(await idsOf(coordinator, { due: 20 })).toContain(ids.decoy);
    const page = await searchCases(coordinator, scoped({ due: 7, size: 100 }), { today: TODAY });
    expect(page.rows.every((r) => r.nextDeadline !== null && r.nextDeadline <= addDays(TODAY, 7))).toBe(true);
  });

  it("returns only the table's fields, with the detention date's precision and the assignees", async () => {
    const page = await searchCases(assignedWorker, scoped({ restricted: "only" }), { today: TODAY });
    const row = page.rows[0];
    expect(Object.keys(row ?? {}).sort()).toEqual(
      [
        "assigned",
        "detained",
        "detainingCountry",
        "facility",
        "facilityCity",
        "fullName",
        "id",
        "nationality",
        "nativeName",
        "nextDeadline",
        "ref",
        "restricted",
        "riskLevel",
        "status",
      ].sort(),
    );
    expect(row?.assigned).toEqual([{ id: assignedWorker.id, name: assignedWorker.name }]);
    expect(row?.detained).toEqual({ on: "2004-10-29", precision: "day", approx: false });
  });

  it("offers the detaining countries and nationalities of readable cases", async () => {
    const facets = await caseListFacets(coordinator);
    expect(facets.countries).toEqual(expect.arrayContaining([QX, QZ]));
    expect(facets.nationalities).toEqual(expect.arrayContaining(["KP", "KR"]));
    expect([...facets.countries].sort()).toEqual(facets.countries);
    // The dashboard's country filter offers the same list.
    expect(await readableDetainingCountries(coordinator)).toEqual(facets.countries);
  });
});

describe("sorting", () => {
  it("sorts by next deadline, nulls last in both directions, ties by id", async () => {
    for (const desc of [false, true]) {
      const page = await searchCases(coordinator, scoped({ sort: { id: "deadline", desc }, size: 100 }), {
        today: TODAY,
      });
      const values = page.rows.map((r) => r.nextDeadline);
      const firstNull = values.indexOf(null);
      expect(firstNull).toBeGreaterThan(0);
      expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
      const set = values.slice(0, firstNull) as string[];
      expect(set).toEqual([...set].sort((a, b) => (desc ? b.localeCompare(a) : a.localeCompare(b))));
    }
  });

  it("defaults to the nearest deadline first", async () => {
    const page = await searchCases(coordinator, scoped({ size: 100 }), { today: TODAY });
    expect(page.rows[0]?.id).toBe(ids.secret); // overdue: the earliest deadline
  });

  it.each([
    ["name", (r: Row) => r.fullName],
    ["ref", (r: Row) => r.ref],
    ["country", (r: Row) => r.detainingCountry],
  ] as const)("sorts by %s", async (id, pick) => {
    for (const desc of [false, true]) {
      const page = await searchCases(coordinator, scoped({ sort: { id, desc }, size: 100 }), { today: TODAY });
      const values = page.rows.map(pick);
      const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(values).toEqual(desc ? sorted.reverse() : sorted);
    }
  });

  it("sorts by risk in the scale's order, not alphabetically", async () => {
    const page = await searchCases(coordinator, scoped({ sort: { id: "risk", desc: true }, size: 100 }), {
      today: TODAY,
    });
    const scale = ["low", "medium", "high", "critical"];
    const ranks = page.rows.map((r) => scale.indexOf(r.riskLevel));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });
});

type Row = Awaited<ReturnType<typeof searchCases>>["rows"][number];

describe("keyset pagination", () => {
  const sorts = [
    { id: "deadline", desc: false },
    { id: "deadline", desc: true },
    { id: "name", desc: false },
    { id: "ref", desc: true },
    { id: "status", desc: false },
    { id: "risk", desc: true },
    { id: "nationality", desc: false },
    { id: "facility", desc: true },
    { id: "detained", desc: false },
    { id: "detained", desc: true },
    { id: "country", desc: false },
  ] as const;

  it.each(sorts)("pages of 25 by $id (desc: $desc) cover every row exactly once, in order", async (sort) => {
    const pages = await collect(coordinator, { sort });
    const flat = pages.flat();
    expect(pages.length).toBe(Math.ceil(all.size / 25));
    expect(new Set(flat).size).toBe(flat.length);
    expect(new Set(flat)).toEqual(all);
    const single = await searchCases(coordinator, scoped({ sort, size: 100 }), { today: TODAY });
    expect(flat).toEqual(single.rows.map((r) => r.id));
  });

  it("walks back from the last page to the first through prevCursor, page for page", async () => {
    const sort = { id: "deadline", desc: false } as const;
    const forward = await collect(coordinator, { sort });
    const back: string[][] = [];
    let cursor: string | null = LAST_PAGE;
    for (let i = 0; i < 10 && cursor; i++) {
      const page = await searchCases(coordinator, scoped({ sort, cursor }), { today: TODAY });
      back.unshift(page.rows.map((r) => r.id));
      cursor = page.prevCursor;
    }
    // Read from the end, pages are aligned on the last row: each is a run of the forward order,
    // the last is the last 25 rows, and the walk ends on the (full) first page.
    const order = forward.flat();
    expect(new Set(back.flat())).toEqual(all);
    for (const page of back) {
      const start = order.indexOf(page[0] ?? "");
      expect(page).toEqual(order.slice(start, start + page.length));
    }
    expect(back.at(-1)).toEqual(order.slice(-25));
    expect(back[0]).toEqual(forward[0]);
  });

  it("a forward page's prevCursor returns the page before it", async () => {
    const sort = { id: "nationality", desc: false } as const;
    const first = await searchCases(coordinator, scoped({ sort }), { today: TODAY });
    expect(first.prevCursor).toBeNull();
    const second = await searchCases(coordinator, scoped({ sort, cursor: first.nextCursor }), { today: TODAY });
    const again = await searchCases(coordinator, scoped({ sort, cursor: second.prevCursor }), { today: TODAY });
    expect(again.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(again.prevCursor).toBeNull();
  });

  it("pages search results by relevance", async () => {
    const pages = await collect(coordinator, { q: "Zz Pager" });
    const flat = pages.flat();
    expect(new Set(flat).size).toBe(flat.length);
    expect(flat.length).toBe(60);
  });

  it("ignores a cursor made under another sort and starts at the first page", async () => {
    const byName = await searchCases(coordinator, scoped({ sort: { id: "name", desc: false } }), { today: TODAY });
    const first = await searchCases(coordinator, scoped({ sort: { id: "deadline", desc: false } }), { today: TODAY });
    const mixed = await searchCases(
      coordinator,
      scoped({ sort: { id: "deadline", desc: false }, cursor: byName.nextCursor }),
      { today: TODAY },
    );
    expect(mixed.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
  });
});

describe("authorization", () => {
  it("keeps a restricted case out of an unassigned caseworker's rows, search and count", async () => {
    const page = await searchCases(otherWorker, scoped({ size: 100 }), { today: TODAY });
    expect(page.rows.map((r) => r.id)).not.toContain(ids.secret);
    expect(page.total).toEqual({ value: all.size - 1, exact: true });
    const search = await searchCases(otherWorker, { q: "Unidentified defector at the consulate" }, { today: TODAY });
    expect(search.rows.map((r) => r.id)).not.toContain(ids.secret);
    const only = await searchCases(otherWorker, scoped({ restricted: "only" }), { today: TODAY });
    expect(only.rows).toEqual([]);
    expect(only.total).toEqual({ value: 0, exact: true });
  });

  it("shows it to the assigned caseworker and to a coordinator, counted", async () => {
    for (const actor of [assignedWorker, coordinator]) {
      const page = await searchCases(actor, scoped({ size: 100 }), { today: TODAY });
      expect(page.rows.map((r) => r.id)).toContain(ids.secret);
      expect(page.total).toEqual({ value: all.size, exact: true });
    }
  });

  it("keeps the restricted case's country out of an unassigned caseworker's filter choices", async () => {
    const only = await insertCase({ fullName: "Hidden country case", detainingCountry: "QW", restricted: true });
    all.add(only);
    expect((await caseListFacets(otherWorker)).countries).not.toContain("QW");
    expect((await caseListFacets(coordinator)).countries).toContain("QW");
  });
});

describe("params", () => {
  it("falls back to the defaults for bad values", async () => {
    const bad = {
      size: 7,
      sort: { id: "password_hash", desc: false },
      status: ["nope", "detention_extended"],
      risk: "high",
      cursor: "!!!",
      due: -5,
      country: "Russia",
      restricted: "maybe",
      mine: "yes",
    } as unknown as Partial<CaseListParams>;
    const page = await searchCases(coordinator, scoped(bad), { today: TODAY });
    expect(page.rows.map((r) => r.id)).toEqual([ids.baek]); // only the valid status applies
    const defaults = await searchCases(coordinator, scoped({ size: 7 as 25 }), { today: TODAY });
    expect(defaults.rows.length).toBe(25);
    expect(defaults.rows[0]?.id).toBe(ids.secret);
  });

  it("reads the URL with the same parsers, dropping what does not parse", () => {
    const params = loadCaseListParams(
      "?q=Paek&status=charged,bogus&risk=x&size=30&sort=nope.asc&due=abc&country=ru&mine=true&restricted=all&cursor=%25%25",
    );
    expect(params).toEqual({
      q: "Paek",
      status: ["charged"],
      risk: [],
      size: 25,
      sort: null,
      due: null,
      country: "RU",
      nationality: null,
      facility: "",
      place: null,
      city: null,
      mine: true,
      restricted: null,
      cursor: null,
    });
  });

  it("survives control characters in the search, the place and a cursor", async () => {
    await expect(searchCases(coordinator, { q: "9001\u0000-00", facility: "\u0000" })).resolves.toBeDefined();
    await expect(searchCases(coordinator, { q: "Baek\u0000" })).resolves.toBeDefined();
    const nul = Buffer.from(JSON.stringify({ s: "name.asc", d: "a", k: ["a\u0000", randomUUID()] })).toString(
      "base64url",
    );
    const page = await searchCases(coordinator, scoped({ sort: { id: "name", desc: false }, cursor: nul }));
    expect(page.prevCursor).toBeNull(); // read as the first page
  });

  it("treats a forged cursor as the first page", async () => {
    const forged = Buffer.from(JSON.stringify({ s: "deadline.asc", d: "a", k: ["not-a-date", "x"] })).toString(
      "base64url",
    );
    const page = await searchCases(coordinator, scoped({ cursor: forged }), { today: TODAY });
    const first = await searchCases(coordinator, scoped({}), { today: TODAY });
    expect(page.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
  });
});

describe("count", () => {
  it(`stops counting after ${COUNT_CAP} rows`, async () => {
    const city = `Qbulk${randomUUID().slice(0, 8)}`;
    const rows: NewCase[] = Array.from({ length: COUNT_CAP + 5 }, (_, i) => {
      const ref = `DC-8${String(serial).slice(0, 3)}-${String(serial).slice(3)}${String(i).padStart(4, "0")}`;
      const fullName = `Bulk ${i}`;
      return {
        ref,
        fullName,
        detainingCountry: QZ,
        facilityCity: city,
        searchText: buildSearchText({ ref, fullName }),
      };
    });
    await db.insert(cases).values(rows);
    const page = await searchCases(coordinator, { facility: city }, { today: TODAY });
    expect(page.total).toEqual({ value: COUNT_CAP, exact: false });
    expect(page.rows.length).toBe(25);
    expect(page.nextCursor).not.toBeNull();
  });
});
