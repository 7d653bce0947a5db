/**
 * Item 4, hostile input: malformed payloads (scripts/lib/reliability/payloads.ts) sent to every
 * Server Action the code exports and every route handler, as an admin (who may reach the deepest
 * code). No answer may be a 5xx, or an action's generic "something went wrong" (a server error
 * dressed as a result). Afterwards: every accepted payload must have been valid by the app's own
 * schema, the rows each action writes must number exactly its accepted answers (a refused payload
 * wrote nothing), and the database invariants must hold.
 */
import postgres from "postgres";
import { z } from "zod";
import { adminNewAccountSchema, changeRoleSchema, resetPasswordSchema, setActiveSchema } from "@/lib/schemas/account";
import { assignmentSchema } from "@/lib/schemas/assignment";
import { caseEditSchema, caseFormSchema, EMPTY_CASE_FORM } from "@/lib/schemas/case";
import {
  attachSourceSchema,
  contactSchema,
  EMPTY_CONTACT,
  EMPTY_PETITION,
  EMPTY_PETITION_STATE,
  EMPTY_SOURCE,
  EMPTY_STATUS_CHANGE,
  linkCaseSchema,
  noteSchema,
  petitionSchema,
  petitionStateSchema,
  retractFormSchema,
  sourceSchema,
  statusChangeSchema,
} from "@/lib/schemas/records";
import { type ActionOutcome, manifestActions, postAction, sourceActions, sourceRouteHandlers } from "./actions";
import { databaseInvariants } from "./invariants";
import { type Payload, payloadFor } from "./payloads";
import { type Check, check, leaksInternals, makeAccounts, makeCases, rng, signInAll } from "./setup";

export interface FuzzOptions {
  url: string;
  baseUrl: string;
  payloads: number;
  seed: number;
  concurrency: number;
}

interface Ids {
  ref: string;
  otherRef: string;
  caseId: string;
  accountId: string;
  petitionId: string;
  sourceId: string;
  noteId: string;
  linkId: string;
}

const day = { year: "2024", month: "3", day: "5", part: "", approx: false };
const validCase = { ...EMPTY_CASE_FORM, fullName: "Fuzz Person", detainingCountry: "RU" };
const onCase = (values: z.ZodType) => z.object({ ref: z.string(), values });

interface ActionTarget {
  page: (ids: Ids) => string;
  base: (ids: Ids) => unknown[];
  /** What an accepted first argument must satisfy (the app's own schema). */
  schema?: z.ZodType;
  /** The table this action adds a row to per accepted call, for the written-rows count. */
  table?: string;
  /** Send without the admin's session (signing out would end it). */
  anonymous?: boolean;
}

const ACTIONS: Record<string, ActionTarget> = {
  "app/(auth)/sign-in/actions.ts#signInAction": {
    page: () => "/sign-in",
    base: () => [{ email: "nobody@reliability.example.org", password: "wrong-password-123", callbackUrl: "/cases" }],
    anonymous: true,
  },
  "app/(portal)/actions.ts#signOutAction": { page: () => "/cases", base: () => [], anonymous: true },
  "app/(portal)/cases/_form/actions.ts#createCaseAction": {
    page: () => "/cases/new",
    base: () => [validCase],
    schema: caseFormSchema,
    table: "cases",
  },
  "app/(portal)/cases/_form/actions.ts#updateCaseAction": {
    page: (c) => `/cases/${c.ref}/edit`,
    base: (c) => [{ ref: c.ref, version: 1, values: validCase }],
    schema: caseEditSchema,
  },
  "app/(portal)/cases/_form/actions.ts#findDuplicatesAction": {
    page: () => "/cases/new",
    base: () => [{ fullName: "Fuzz Person", nativeName: "", otherNames: "", birthYear: "1980", nationality: "KR" }],
  },
  "app/(portal)/admin/users/actions.ts#createAccountAction": {
    page: () => "/admin/users",
    base: () => [{ email: "fuzz-made@reliability.example.org", name: "Fuzz Made", role: "caseworker" }],
    schema: adminNewAccountSchema,
    table: "accounts",
  },
  "app/(portal)/admin/users/actions.ts#changeRoleAction": {
    page: () => "/admin/users",
    base: (c) => [{ accountId: c.accountId, version: 1, role: "coordinator" }],
    schema: changeRoleSchema,
  },
  "app/(portal)/admin/users/actions.ts#setActiveAction": {
    page: () => "/admin/users",
    base: (c) => [{ accountId: c.accountId, version: 1, active: false }],
    schema: setActiveSchema,
  },
  "app/(portal)/admin/users/actions.ts#resetPasswordAction": {
    page: () => "/admin/users",
    base: (c) => [{ accountId: c.accountId, version: 1 }],
    schema: resetPasswordSchema,
  },
  "app/(portal)/account/password/actions.ts#changeOwnPasswordAction": {
    page: () => "/account/password",
    base: () => [{ current: "not-the-current-password", next: "a-new-long-password", confirm: "a-new-long-password" }],
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#recordStatusChangeAction": {
    page: (c) => `/cases/${c.ref}`,
    base: (c) => [{ ref: c.ref, values: { ...EMPTY_STATUS_CHANGE, status: "charged", occurred: day } }],
    schema: onCase(statusChangeSchema),
    table: "status_changes",
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#logContactAction": {
    page: (c) => `/cases/${c.ref}`,
    base: (c) => [{ ref: c.ref, values: { ...EMPTY_CONTACT, occurred: day, summary: "Fuzz contact" } }],
    schema: onCase(contactSchema),
    table: "consular_contacts",
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#addPetitionAction": {
    page: (c) => `/cases/${c.ref}`,
    base: (c) => [{ ref: c.ref, values: { ...EMPTY_PETITION, petitioner: "Fuzz", addressee: "Fuzz", filed: day } }],
    schema: onCase(petitionSchema),
    table: "petitions",
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#changePetitionStateAction": {
    page: (c) => `/cases/${c.ref}`,
    base: (c) => [
      { petitionId: c.petitionId, version: 1, values: { ...EMPTY_PETITION_STATE, toState: "acknowledged", on: day } },
    ],
    schema: z.object({ values: petitionStateSchema }),
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#addNoteAction": {
    page: (c) => `/cases/${c.ref}`,
    base: (c) => [{ ref: c.ref, values: { occurred: day, body: "Fuzz note" } }],
    schema: onCase(noteSchema),
    table: "case_notes",
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#addSourceAction": {
    page: (c) => `/cases/${c.ref}`,
    base: (c) => [{ ref: c.ref, values: { ...EMPTY_SOURCE, title: "Fuzz source", url: "https://example.org/a" } }],
    schema: onCase(sourceSchema),
    table: "sources",
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#attachSourceAction": {
    page: (c) => `/cases/${c.ref}`,
    base: (c) => [{ values: { sourceId: c.sourceId, target: "case" } }],
    schema: z.object({ values: attachSourceSchema }),
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#sourceTargetsAction": {
    page: (c) => `/cases/${c.ref}`,
    base: (c) => [{ ref: c.ref }],
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#detachSourceAction": {
    page: (c) => `/cases/${c.ref}`,
    base: (c) => [{ linkId: c.linkId }],
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#linkCaseAction": {
    page: (c) => `/cases/${c.ref}`,
    base: (c) => [{ ref: c.ref, values: { otherRef: c.otherRef, kind: "related", note: "Fuzz link" } }],
    schema: onCase(linkCaseSchema),
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#unlinkCaseAction": {
    page: (c) => `/cases/${c.ref}`,
    base: (c) => [{ ref: c.ref, otherRef: c.otherRef }],
  },
  "app/(portal)/cases/[ref]/_lib/actions.ts#retractAction": {
    page: (c) => `/cases/${c.ref}`,
    base: (c) => [{ kind: "note", id: c.noteId, version: 1, values: { reason: "Fuzz retraction" } }],
    schema: z.object({ values: retractFormSchema }),
  },
  "app/(portal)/cases/[ref]/_assign/actions.ts#assignAction": {
    page: (c) => `/cases/${c.ref}`,
    base: (c) => [{ ref: c.ref, accountId: c.accountId }],
    schema: assignmentSchema,
  },
  "app/(portal)/cases/[ref]/_assign/actions.ts#unassignAction": {
    page: (c) => `/cases/${c.ref}`,
    base: (c) => [{ ref: c.ref, accountId: c.accountId }],
    schema: assignmentSchema,
  },
  "app/(portal)/cases/[ref]/_assign/actions.ts#assignableCaseworkersAction": {
    page: (c) => `/cases/${c.ref}`,
    base: () => [{}],
  },
};

/** The requests a route handler is fuzzed with: method, path and body vary with the payload's index. */
const ROUTES: Record<string, (i: number, random: () => number, nasty: string) => RequestSpec> = {
  "app/api/health/route.ts": (i, _r, nasty) => {
    const methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"];
    const method = methods[i % methods.length] as string;
    return {
      method,
      path: `/api/health?${enc(nasty)}=${enc(nasty)}`,
      body: method === "GET" || method === "HEAD" ? undefined : nasty,
      contentType: i % 2 ? "application/json" : "application/x-www-form-urlencoded",
    };
  },
  "app/api/auth/[...nextauth]/route.ts": (i, random, nasty) => {
    const paths = [
      "session",
      "csrf",
      "providers",
      "signin",
      "signout",
      "error",
      "callback/credentials",
      "signin/credentials",
      enc(nasty),
      `callback/${enc(nasty)}`,
    ];
    const path = paths[Math.floor(random() * paths.length)] as string;
    const post = i % 2 === 0;
    const fields = ["email", "password", "csrfToken", "callbackUrl", "redirect", "json"];
    const form = new URLSearchParams();
    for (const f of fields) if (random() < 0.6) form.set(f, random() < 0.5 ? nasty : "x");
    return {
      method: post ? "POST" : "GET",
      path: `/api/auth/${path}?callbackUrl=${enc(nasty)}&error=${enc(nasty)}`,
      body: post ? (random() < 0.8 ? form.toString() : nasty) : undefined,
      contentType: random() < 0.8 ? "application/x-www-form-urlencoded" : "application/json",
    };
  },
};

/** Percent-encoding that also takes lone surrogates (sent as the invalid UTF-8 bytes they would be). */
function enc(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
}

interface RequestSpec {
  method: string;
  path: string;
  body?: string;
  contentType: string;
}

interface Tally {
  sent: number;
  accepted: number;
  refused: number;
  fiveXx: number;
  serverErrors: number;
  acceptedInvalid: number;
  samples: string[];
}

const tally = (): Tally => ({
  sent: 0,
  accepted: 0,
  refused: 0,
  fiveXx: 0,
  serverErrors: 0,
  acceptedInvalid: 0,
  samples: [],
});

async function seedTargets(sql: postgres.Sql, adminId: string): Promise<Ids> {
  const [main, other] = await makeCases(sql, 2, 2020);
  const [worker] = await makeAccounts(sql, "caseworker", 1, "fuzz-target");
  const one = async <T>(q: Promise<T[]>) => (await q)[0] as T;
  const petition = await one(sql<{ id: string }[]>`
    insert into petitions (case_id, petitioner, addressee, asks, state, filed_on, filed_precision, recorded_by)
    values (${main?.id as string}, 'Fuzz', 'Fuzz', 'release', 'submitted', '2024-03-01', 'day', ${adminId}) returning id`);
  await sql`insert into petition_events (petition_id, case_id, to_state, occurred_on, recorded_by)
            values (${petition.id}, ${main?.id as string}, 'submitted', '2024-03-01', ${adminId})`;
  const source = await one(sql<{ id: string }[]>`
    insert into sources (case_id, kind, title, recorded_by) values (${main?.id as string}, 'other', 'Fuzz', ${adminId}) returning id`);
  const link = await one(sql<{ id: string }[]>`
    insert into source_links (source_id, case_id) values (${source.id}, ${main?.id as string}) returning id`);
  const note = await one(sql<{ id: string }[]>`
    insert into case_notes (case_id, occurred_on, body, recorded_by) values (${main?.id as string}, '2024-03-05', 'to retract', ${adminId}) returning id`);
  // Audit rows for what was seeded straight into the tables, so the invariants hold from the start.
  for (const [entity, id] of [
    ["petitions", petition.id],
    ["sources", source.id],
    ["case_notes", note.id],
  ] as const) {
    await sql`insert into audit_log (actor_id, action, entity, entity_id, case_id) values (${adminId}, 'create', ${entity}, ${id}, ${main?.id as string})`;
  }
  return {
    ref: main?.ref as string,
    otherRef: other?.ref as string,
    caseId: main?.id as string,
    accountId: worker?.id as string,
    petitionId: petition.id,
    sourceId: source.id,
    noteId: note.id,
    linkId: link.id,
  };
}

async function countRows(sql: postgres.Sql, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${t}`);
    out[t] = row?.n ?? 0;
  }
  return out;
}

export async function fuzz(
  o: FuzzOptions,
): Promise<{ checks: Check[]; figures: Record<string, number>; perTarget: Record<string, Tally> }> {
  const sql = postgres(o.url, { max: 2, onnotice: () => {} });
  try {
    const [admin] = await makeAccounts(sql, "admin", 1, "fuzzer");
    if (!admin) throw new Error("no admin");
    const ids = await seedTargets(sql, admin.id);
    const [cookie] = await signInAll(o.baseUrl, [admin]);
    const manifest = manifestActions();

    const inCode = sourceActions();
    const missing = inCode.filter((k) => !(k in ACTIONS));
    const routes = sourceRouteHandlers();
    const missingRoutes = routes.map((r) => r.file).filter((f) => !(f in ROUTES));
    const targets = [...Object.keys(ACTIONS), ...Object.keys(ROUTES)];
    const perTargetCount = Math.ceil(o.payloads / targets.length);
    const tables = [...new Set(Object.values(ACTIONS).flatMap((a) => (a.table ? [a.table] : [])))];
    const before = await countRows(sql, tables);

    const perTarget: Record<string, Tally> = Object.fromEntries(targets.map((t) => [t, tally()]));
    const jobs: Array<() => Promise<void>> = [];
    for (const [key, target] of Object.entries(ACTIONS)) {
      const id = manifest.get(key)?.id;
      const t = perTarget[key] as Tally;
      const base = target.base(ids);
      for (let i = 0; i < perTargetCount; i++) {
        jobs.push(async () => {
          const payload: Payload = payloadFor(base, o.seed, i);
          const outcome = await postAction(o.baseUrl, {
            id: id ?? "0".repeat(42),
            page: target.page(ids),
            cookie: target.anonymous ? undefined : cookie,
            ...("args" in payload ? { args: payload.args } : { args: [], rawBody: payload.rawBody }),
          });
          record(t, outcome, payload, target.schema);
        });
      }
    }
    for (const [file, make] of Object.entries(ROUTES)) {
      const t = perTarget[file] as Tally;
      for (let i = 0; i < perTargetCount; i++) {
        jobs.push(async () => {
          const random = rng(o.seed * 7919 + i);
          const nasty = payloadNasty(random);
          const spec = make(i, random, nasty);
          const response = await fetch(`${o.baseUrl}${spec.path}`, {
            method: spec.method,
            redirect: "manual",
            headers: { "content-type": spec.contentType, cookie: i % 3 === 0 ? (cookie as string) : "" },
            body: spec.body,
          }).then(
            async (r) => ({ status: r.status, body: await r.text() }),
            (e) => ({ status: 0, body: String(e) }),
          );
          t.sent++;
          if (response.status >= 500 || response.status === 0) {
            t.fiveXx++;
            if (t.samples.length < 6) t.samples.push(`${spec.method} ${spec.path.slice(0, 80)} → ${response.status}`);
          } else if (response.status < 400) t.accepted++;
          else t.refused++;
          if (leaksInternals(response.body) && t.samples.length < 6) {
            t.serverErrors++;
            t.samples.push(`${spec.method} ${spec.path.slice(0, 60)} leaks: ${response.body.slice(0, 120)}`);
          }
        });
      }
    }
    // Interleave targets (job i of every target, then i+1) and run a few at a time.
    const order = jobs
      .map((job, n) => ({ job, key: (n % perTargetCount) * targets.length + Math.floor(n / perTargetCount) }))
      .sort((a, b) => a.key - b.key);
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: o.concurrency }, async () => {
        for (let job = order[next++]; job; job = order[next++]) await job.job();
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const after = await countRows(sql, tables);
    const writeProblems: string[] = [];
    for (const [key, target] of Object.entries(ACTIONS)) {
      if (!target.table) continue;
      const added = (after[target.table] ?? 0) - (before[target.table] ?? 0);
      const accepted = (perTarget[key] as Tally).accepted;
      if (added !== accepted) writeProblems.push(`${target.table}: ${added} rows added, ${accepted} accepted`);
    }
    const invariants = await databaseInvariants(sql);
    const all = Object.values(perTarget);
    const sum = (f: (t: Tally) => number) => all.reduce((n, t) => n + f(t), 0);
    const problemsWith = (f: (t: Tally) => number) =>
      Object.entries(perTarget)
        .filter(([, t]) => f(t) > 0)
        .map(([k, t]) => `${k.replace(/^app\//, "")}: ${t.samples.join(" | ")}`);
    const checks: Check[] = [
      check("every Server Action in the code is fuzzed", missing.length === 0, missing.join(", ")),
      check("every route handler in the code is fuzzed", missingRoutes.length === 0, missingRoutes.join(", ")),
      check(
        "every fuzzed action is in the build",
        Object.keys(ACTIONS).every(
          (k) => manifest.has(k) || k.endsWith("#signInAction") || k.endsWith("#signOutAction"),
        ),
        "",
      ),
      check(
        `at least ${o.payloads.toLocaleString("en")} payloads sent`,
        sum((t) => t.sent) >= o.payloads,
        `${sum((t) => t.sent)}`,
      ),
      check(
        "zero 5xx answers",
        sum((t) => t.fiveXx) === 0,
        problemsWith((t) => t.fiveXx)
          .slice(0, 4)
          .join(" || "),
      ),
      check(
        "zero server errors dressed as results, no internals leaked",
        sum((t) => t.serverErrors) === 0,
        problemsWith((t) => t.serverErrors)
          .slice(0, 4)
          .join(" || "),
      ),
      check(
        "every accepted payload was valid by the app's schema",
        sum((t) => t.acceptedInvalid) === 0,
        problemsWith((t) => t.acceptedInvalid)
          .slice(0, 4)
          .join(" || "),
      ),
      check(
        "rows written = accepted answers (refused payloads wrote nothing)",
        writeProblems.length === 0,
        writeProblems.join("; "),
      ),
      ...invariants,
    ];
    return {
      checks,
      perTarget,
      figures: {
        payloads: sum((t) => t.sent),
        targets: targets.length,
        accepted: sum((t) => t.accepted),
        refused: sum((t) => t.refused),
        "5xx": sum((t) => t.fiveXx),
        "server errors": sum((t) => t.serverErrors),
        seconds: Number(seconds.toFixed(1)),
      },
    };
  } finally {
    await sql.end();
  }
}

function payloadNasty(random: () => number): string {
  const strings = [
    "<img src=x onerror=alert(1)>",
    "' OR 1=1 --",
    "\u0000",
    "\ud800",
    "A".repeat(100_000),
    "😀".repeat(1000),
    "javascript:alert(1)",
    "//evil.example.org",
    "/\\evil.example.org",
    "%00%ff",
    "../../etc/passwd",
    "{}",
    "[",
    "",
  ];
  return strings[Math.floor(random() * strings.length)] as string;
}

function record(t: Tally, outcome: ActionOutcome, payload: Payload, schema: z.ZodType | undefined) {
  t.sent++;
  const label = "args" in payload ? JSON.stringify(payload.args).slice(0, 100) : payload.label;
  if (outcome.status >= 500 || outcome.status === 0) {
    t.fiveXx++;
    if (t.samples.length < 6)
      t.samples.push(`${label} → ${outcome.status} ${outcome.kind === "http" ? outcome.body.slice(0, 100) : ""}`);
    return;
  }
  if (outcome.kind === "result") {
    if (outcome.value.code === "ERROR" || outcome.value.code === "UNAVAILABLE") {
      t.serverErrors++;
      if (t.samples.length < 6) t.samples.push(`${label} → ${outcome.value.code}`);
      return;
    }
    if (outcome.value.ok) {
      t.accepted++;
      if (schema && "args" in payload && !schema.safeParse(payload.args[0]).success) {
        t.acceptedInvalid++;
        if (t.samples.length < 6) t.samples.push(`${label} accepted, but invalid by the schema`);
      }
      return;
    }
  }
  if (outcome.kind === "http" && leaksInternals(outcome.body)) {
    t.serverErrors++;
    if (t.samples.length < 6) t.samples.push(`${label} leaks: ${outcome.body.slice(0, 100)}`);
  }
  t.refused++;
}
