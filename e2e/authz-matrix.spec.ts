/**
 * The authorization matrix: every Server Action and every route handler, called directly as a
 * crafted request would (no UI), as each kind of account. The expected outcome of every cell is
 * derived from the permission map (lib/permissions.ts) and the record-level rules; the list of
 * actions and handlers is found from the code, so a new one missing from RULES fails this spec.
 */
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { eq } from "drizzle-orm";
import { caseAssignments, caseLinks, caseNotes, cases, petitions, sourceLinks, sources } from "@/db/schema";
import type { Role } from "@/lib/domain";
import { can, type Permission } from "@/lib/permissions";
import { EMPTY_CASE_FORM } from "@/lib/schemas/case";
import {
  EMPTY_CONTACT,
  EMPTY_PETITION,
  EMPTY_PETITION_STATE,
  EMPTY_SOURCE,
  EMPTY_STATUS_CHANGE,
} from "@/lib/schemas/records";
import { buildSearchText } from "@/lib/search";
import { deactivate, expect, type TestAccount, test } from "./fixtures";
import {
  type ActionOutcome,
  callAction,
  manifestActions,
  sourceActions,
  sourceRouteHandlers,
} from "./lib/server-actions";

type Rule =
  | { kind: "public" }
  | { kind: "signed-in" }
  | { kind: "permission"; permission: Permission }
  | { kind: "case-read" }
  | { kind: "case-write" }
  | { kind: "permission-on-case"; permission: Permission };

interface Ctx {
  ref: string;
  version: () => Promise<number>;
  caseId: string;
  newAccountId: () => Promise<{ id: string; version: number }>;
  caseworkerId: string;
  /** Fresh rows in the target case, so each call acts on something of its own. */
  newNote: () => Promise<string>;
  newPetition: () => Promise<string>;
  newSource: () => Promise<string>;
  newSourceLink: () => Promise<string>;
  newLinkedCase: () => Promise<string>;
}

const day = { year: "2024", month: "3", day: "5", part: "", approx: false };
const onCasePage = (c: Ctx) => `/cases/${c.ref}`;

interface ActionSpec {
  rule: Rule;
  /** The page the action is posted to. */
  page: (ctx: Ctx) => string;
  args: (ctx: Ctx) => Promise<unknown[]> | unknown[];
}

const validCase = { ...EMPTY_CASE_FORM, fullName: "Matrix Person", detainingCountry: "RU" };

/** Every Server Action in the code, with who may call it. A new action must be added here. */
const RULES: Record<string, ActionSpec | { skip: string }> = {
  "app/(auth)/sign-in/actions.ts#signInAction": { skip: "public by design: signing in is how a session starts" },
  "app/(portal)/actions.ts#signOutAction": { skip: "ends the caller's own session; needs none to be harmless" },
  "app/(portal)/cases/_form/actions.ts#createCaseAction": {
    rule: { kind: "permission", permission: "case:create" },
    page: () => "/cases/new",
    args: () => [{ ...validCase, fullName: `Matrix ${randomUUID().slice(0, 6)}` }],
  },
  "app/(portal)/cases/_form/actions.ts#updateCaseAction": {
    rule: { kind: "case-write" },
    page: (c) => `/cases/${c.ref}/edit`,
    args: async (c) => [
      {
        ref: c.ref,
        version: await c.version(),
        values: { ...validCase, fullName: `Matrix edited ${randomUUID().slice(0, 4)}` },
      },
    ],
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#sourceTargetsAction": {
    rule: { kind: "case-read" },
    page: onCasePage,
    args: (c) => [{ ref: c.ref }],
  },
  "app/(portal)/cases/_form/actions.ts#findDuplicatesAction": {
    rule: { kind: "signed-in" },
    page: () => "/cases/new",
    args: () => [{ fullName: "Matrix Person" }],
  },
  "app/(portal)/admin/users/actions.ts#createAccountAction": {
    rule: { kind: "permission", permission: "account:manage" },
    page: () => "/admin/users",
    args: () => [{ email: `made-${randomUUID().slice(0, 8)}@e2e.example.org`, name: "Made", role: "caseworker" }],
  },
  "app/(portal)/admin/users/actions.ts#changeRoleAction": {
    rule: { kind: "permission", permission: "account:manage" },
    page: () => "/admin/users",
    args: async (c) => {
      const a = await c.newAccountId();
      return [{ accountId: a.id, version: a.version, role: "coordinator" }];
    },
  },
  "app/(portal)/admin/users/actions.ts#setActiveAction": {
    rule: { kind: "permission", permission: "account:manage" },
    page: () => "/admin/users",
    args: async (c) => {
      const a = await c.newAccountId();
      return [{ accountId: a.id, version: a.version, active: false }];
    },
  },
  "app/(portal)/admin/users/actions.ts#resetPasswordAction": {
    rule: { kind: "permission", permission: "account:manage" },
    page: () => "/admin/users",
    args: async (c) => {
      const a = await c.newAccountId();
      return [{ accountId: a.id, version: a.version }];
    },
  },
  "app/(portal)/account/password/actions.ts#changeOwnPasswordAction": {
    rule: { kind: "signed-in" },
    page: () => "/account/password",
    // Valid shape, wrong current password: a signed-in caller gets a field error, anyone else a refusal.
    args: () => [{ current: "not-the-current-password", next: "a-new-long-password", confirm: "a-new-long-password" }],
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#recordStatusChangeAction": {
    rule: { kind: "case-write" },
    page: onCasePage,
    args: (c) => [{ ref: c.ref, values: { ...EMPTY_STATUS_CHANGE, status: "charged", occurred: day } }],
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#logContactAction": {
    rule: { kind: "case-write" },
    page: onCasePage,
    args: (c) => [{ ref: c.ref, values: { ...EMPTY_CONTACT, occurred: day } }],
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#addPetitionAction": {
    rule: { kind: "case-write" },
    page: onCasePage,
    args: (c) => [{ ref: c.ref, values: { ...EMPTY_PETITION, petitioner: "Matrix", addressee: "Matrix", filed: day } }],
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#changePetitionStateAction": {
    rule: { kind: "case-write" },
    page: onCasePage,
    args: async (c) => [
      {
        petitionId: await c.newPetition(),
        version: 1,
        values: { ...EMPTY_PETITION_STATE, toState: "acknowledged", on: day },
      },
    ],
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#addNoteAction": {
    rule: { kind: "case-write" },
    page: onCasePage,
    args: (c) => [{ ref: c.ref, values: { occurred: day, body: "Matrix note" } }],
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#addSourceAction": {
    rule: { kind: "case-write" },
    page: onCasePage,
    args: (c) => [{ ref: c.ref, values: { ...EMPTY_SOURCE, title: "Matrix source" } }],
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#attachSourceAction": {
    rule: { kind: "case-write" },
    page: onCasePage,
    args: async (c) => [{ values: { sourceId: await c.newSource(), target: "case" } }],
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#detachSourceAction": {
    rule: { kind: "case-write" },
    page: onCasePage,
    args: async (c) => [{ linkId: await c.newSourceLink() }],
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#linkCaseAction": {
    rule: { kind: "case-write" },
    page: onCasePage,
    // No such case: an allowed caller gets a field error on the reference; anyone else a refusal first.
    args: (c) => [{ ref: c.ref, values: { otherRef: "DC-1900-0001", kind: "related", note: "" } }],
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#unlinkCaseAction": {
    rule: { kind: "case-write" },
    page: onCasePage,
    args: async (c) => [{ ref: c.ref, otherRef: await c.newLinkedCase() }],
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#retractAction": {
    rule: { kind: "case-write" },
    page: onCasePage,
    args: async (c) => [{ kind: "note", id: await c.newNote(), version: 1, values: { reason: "Matrix retraction" } }],
  },
  "app/(portal)/cases/[ref]/_assign/actions.ts#assignAction": {
    rule: { kind: "permission-on-case", permission: "case:assign" },
    page: (c) => `/cases/${c.ref}`,
    args: async (c) => [{ ref: c.ref, accountId: (await c.newAccountId()).id }],
  },
  "app/(portal)/cases/[ref]/_assign/actions.ts#unassignAction": {
    rule: { kind: "permission-on-case", permission: "case:assign" },
    page: (c) => `/cases/${c.ref}`,
    args: (c) => [{ ref: c.ref, accountId: c.caseworkerId }],
  },
  "app/(portal)/cases/[ref]/_assign/actions.ts#assignableCaseworkersAction": {
    rule: { kind: "permission", permission: "case:assign" },
    page: (c) => `/cases/${c.ref}`,
    args: () => [{}],
  },
};

/** Route handlers and who may use them. Auth.js's own endpoints and the health check are public. */
const ROUTES: Record<string, { public: true; reason: string } | { rule: Rule; path: string }> = {
  "app/api/auth/[...nextauth]/route.ts": { public: true, reason: "Auth.js sign-in, session and CSRF endpoints" },
  "app/api/health/route.ts": { public: true, reason: "load-balancer health check; answers no data" },
};

interface Persona {
  name: string;
  role: Role | null;
  active: boolean;
  assigned: boolean;
  restrictedTarget: boolean;
}

const PERSONAS: Persona[] = [
  { name: "nobody signed in", role: null, active: false, assigned: false, restrictedTarget: false },
  {
    name: "caseworker assigned to the case",
    role: "caseworker",
    active: true,
    assigned: true,
    restrictedTarget: false,
  },
  { name: "caseworker not assigned", role: "caseworker", active: true, assigned: false, restrictedTarget: false },
  {
    name: "caseworker, restricted case not assigned",
    role: "caseworker",
    active: true,
    assigned: false,
    restrictedTarget: true,
  },
  { name: "coordinator", role: "coordinator", active: true, assigned: false, restrictedTarget: false },
  { name: "admin", role: "admin", active: true, assigned: false, restrictedTarget: false },
  {
    name: "deactivated account (was assigned)",
    role: "caseworker",
    active: false,
    assigned: true,
    restrictedTarget: false,
  },
];

/** What the permission map says for a cell. */
function expectedAllowed(rule: Rule, p: Persona): boolean {
  if (rule.kind === "public") return true;
  if (!p.role || !p.active) return false;
  const readable = can(p.role, "case:read-restricted") || !p.restrictedTarget || p.assigned;
  switch (rule.kind) {
    case "signed-in":
      return true;
    case "permission":
      return can(p.role, rule.permission);
    case "case-read":
      return readable;
    case "permission-on-case":
      return can(p.role, rule.permission) && readable;
    case "case-write":
      return readable && (can(p.role, "case:write-any") || (can(p.role, "case:write-assigned") && p.assigned));
  }
}

function classify(outcome: ActionOutcome): "allowed" | "denied" | string {
  if (outcome.kind === "result") {
    if (outcome.value.ok) return "allowed";
    const code = outcome.value.code ?? "";
    if (["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"].includes(code)) return "denied";
    // Past authorization, refused on the merits (e.g. a wrong current password): the call was allowed in.
    if (code === "VALIDATION" && outcome.value.fieldErrors && !("_form" in outcome.value.fieldErrors)) return "allowed";
    return `unexpected ${code}: ${outcome.value.error}`;
  }
  if (outcome.kind === "redirect")
    return /\/sign-in/.test(outcome.location) ? "denied" : `redirect ${outcome.location}`;
  if ([401, 403, 404].includes(outcome.status)) return "denied";
  return `http ${outcome.status}`;
}

test.describe.configure({ mode: "serial" });

test("every Server Action and route handler in the code is in the matrix", async () => {
  const inCode = sourceActions();
  expect(inCode.length).toBeGreaterThan(5);
  expect(
    inCode.filter((k) => !(k in RULES)),
    "actions missing from RULES",
  ).toEqual([]);
  expect(
    Object.keys(RULES).filter((k) => !inCode.includes(k)),
    "RULES naming actions that no longer exist",
  ).toEqual([]);
  const manifest = manifestActions();
  const unreachable = Object.entries(RULES)
    .filter(([k, v]) => !("skip" in v) && !manifest.has(k))
    .map(([k]) => k);
  expect(unreachable, "actions no page references (not in the build's manifest)").toEqual([]);
  const handlers = sourceRouteHandlers();
  expect(
    handlers.map((h) => h.file).filter((f) => !(f in ROUTES)),
    "route handlers missing from ROUTES",
  ).toEqual([]);
});

test("the matrix: zero unexpected allows, zero unexpected refusals", async ({
  db,
  makeAccount,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const origin = baseURL as string;
  const manifest = manifestActions();

  // The cases: X (not restricted) and R (restricted), each with one assigned caseworker.
  const [assignedWorker, otherWorker, coordinator, admin, formerWorker] = await Promise.all([
    makeAccount("caseworker"),
    makeAccount("caseworker"),
    makeAccount("coordinator"),
    makeAccount("admin"),
    makeAccount("caseworker"),
  ]);
  async function makeCase(restricted: boolean) {
    const ref = `DC-2019-${String(10000 + Math.floor(Math.random() * 89999))}`;
    const fullName = `Matrix Case ${randomUUID().slice(0, 6)}`;
    const [row] = await db
      .insert(cases)
      .values({ ref, fullName, searchText: buildSearchText({ ref, fullName }), detainingCountry: "RU", restricted })
      .returning({ id: cases.id });
    const id = row?.id as string;
    await db.insert(caseAssignments).values([
      { caseId: id, accountId: assignedWorker.id },
      { caseId: id, accountId: formerWorker.id },
    ]);
    return { id, ref };
  }
  const caseX = await makeCase(false);
  const caseR = await makeCase(true);

  const accountFor: Record<string, TestAccount | null> = {
    "nobody signed in": null,
    "caseworker assigned to the case": assignedWorker,
    "caseworker not assigned": otherWorker,
    "caseworker, restricted case not assigned": otherWorker,
    coordinator,
    admin,
    "deactivated account (was assigned)": formerWorker,
  };

  // One signed-in request context per persona (its own cookie jar); the deactivated one signs in first.
  const contexts = new Map<string, APIRequestContext>();
  for (const persona of PERSONAS) {
    const ctx = await playwright.request.newContext({ baseURL: origin });
    const account = accountFor[persona.name];
    if (account) {
      const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
      const res = await ctx.post("/api/auth/callback/credentials", {
        form: { email: account.email, password: account.password, csrfToken },
        maxRedirects: 0,
      });
      expect(res.status(), `sign-in of ${persona.name}`).toBeLessThan(400);
    }
    contexts.set(persona.name, ctx);
  }
  await deactivate(db, formerWorker.id);

  const failures: string[] = [];
  let cells = 0;
  for (const [key, spec] of Object.entries(RULES)) {
    if ("skip" in spec) continue;
    const action = manifest.get(key);
    if (!action) {
      failures.push(`${key}: not in the build`);
      continue;
    }
    for (const persona of PERSONAS) {
      const target = persona.restrictedTarget ? caseR : caseX;
      const ctx: Ctx = {
        ref: target.ref,
        caseId: target.id,
        caseworkerId: assignedWorker.id,
        version: async () =>
          (await db.select({ v: cases.version }).from(cases).where(eq(cases.id, target.id)))[0]?.v ?? 1,
        newAccountId: async () => {
          const a = await makeAccount("caseworker");
          return { id: a.id, version: 1 };
        },
        newNote: async () => {
          const [row] = await db
            .insert(caseNotes)
            .values({ caseId: target.id, occurredOn: "2024-03-05", body: "to retract", recordedBy: coordinator.id })
            .returning({ id: caseNotes.id });
          return row?.id as string;
        },
        newPetition: async () => {
          const [row] = await db
            .insert(petitions)
            .values({
              caseId: target.id,
              petitioner: "P",
              addressee: "A",
              asks: "release",
              state: "submitted",
              filedOn: "2024-03-01",
              filedPrecision: "day",
              recordedBy: coordinator.id,
            })
            .returning({ id: petitions.id });
          return row?.id as string;
        },
        newSource: async () => {
          const [row] = await db
            .insert(sources)
            .values({ caseId: target.id, kind: "other", title: "Matrix", recordedBy: coordinator.id })
            .returning({ id: sources.id });
          return row?.id as string;
        },
        newSourceLink: async () => {
          const [src] = await db
            .insert(sources)
            .values({ caseId: target.id, kind: "other", title: "Matrix", recordedBy: coordinator.id })
            .returning({ id: sources.id });
          const [link] = await db
            .insert(sourceLinks)
            .values({ sourceId: src?.id as string, caseId: target.id })
            .returning({ id: sourceLinks.id });
          return link?.id as string;
        },
        newLinkedCase: async () => {
          const other = await makeCase(persona.restrictedTarget);
          const [a, b] = [target.id, other.id].sort();
          await db.insert(caseLinks).values({ caseA: a as string, caseB: b as string, kind: "related" });
          return other.ref;
        },
      };
      const outcome = await callAction(contexts.get(persona.name) as APIRequestContext, {
        id: action.id,
        page: spec.page(ctx),
        args: await spec.args(ctx),
        origin,
      });
      const got = classify(outcome);
      const want = expectedAllowed(spec.rule, persona) ? "allowed" : "denied";
      cells++;
      if (got !== want) failures.push(`${key} as ${persona.name}: expected ${want}, got ${got}`);
    }
  }

  // Route handlers: public ones answer without a session; any other must refuse those without access.
  for (const [file, route] of Object.entries(ROUTES)) {
    if ("public" in route) continue;
    for (const persona of PERSONAS) {
      const res = await (contexts.get(persona.name) as APIRequestContext).get(route.path, { maxRedirects: 0 });
      const got =
        res.status() < 300
          ? "allowed"
          : [401, 403, 404].includes(res.status()) || res.status() === 307
            ? "denied"
            : `http ${res.status()}`;
      const want = expectedAllowed(route.rule, persona) ? "allowed" : "denied";
      cells++;
      if (got !== want) failures.push(`${file} as ${persona.name}: expected ${want}, got ${got}`);
    }
  }
  for (const ctx of contexts.values()) await ctx.dispose();
  expect(cells).toBeGreaterThan(50);
  expect(failures).toEqual([]);
});
