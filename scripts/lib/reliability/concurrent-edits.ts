/**
 * Item 1, concurrent edits: randomized concurrent updates of a few cases by many signed-in clients,
 * through the real HTTP path (updateCaseAction posted as the edit page posts it). Each update first
 * "opens the form" (reads the case's version), waits a random moment as a person typing would, then
 * saves with that version: concurrent saves of one case must be refused with a conflict naming who
 * changed it. Afterwards every accepted update must be in the database and in the audit log exactly
 * once, every refused one nowhere, and each case's versions must form an unbroken chain.
 */
import postgres from "postgres";
import { EMPTY_CASE_FORM } from "@/lib/schemas/case";
import { type ActionOutcome, actionId, postAction } from "./actions";
import { type Check, check, makeAccounts, makeCases, pick, rng, runClients, type SeededCase, signInAll } from "./setup";

export interface EditsOptions {
  url: string;
  baseUrl: string;
  cases: number;
  clients: number;
  updates: number;
  seed: number;
}

export interface EditsReport {
  checks: Check[];
  figures: Record<string, number | string>;
}

const RISKS = ["low", "medium", "high", "critical"] as const;

export async function concurrentEdits(o: EditsOptions): Promise<EditsReport> {
  const sql = postgres(o.url, { max: 4, onnotice: () => {} });
  try {
    const accounts = await makeAccounts(sql, "coordinator", o.clients, "editor");
    const seeded = await makeCases(sql, o.cases, 2023);
    const cookies = await signInAll(o.baseUrl, accounts);
    const id = actionId("app/(portal)/cases/_form/actions.ts#updateCaseAction");
    const random = rng(o.seed);

    interface Attempt {
      token: string;
      case: SeededCase;
      version: number;
      outcome: ActionOutcome;
    }
    const attempts: Attempt[] = [];
    const started = performance.now();
    await runClients(o.clients, o.updates, async (client, job) => {
      const target = pick(random, seeded);
      const pause = Math.floor(random() * 40);
      const risk = pick(random, RISKS);
      const token = `edit-${o.seed}-${job}`;
      // Open the form: the version it is loaded with.
      const [row] = await sql<{ version: number }[]>`select version from cases where id = ${target.id}`;
      const version = row?.version as number;
      await new Promise((r) => setTimeout(r, pause));
      const outcome = await postAction(o.baseUrl, {
        id,
        page: `/cases/${target.ref}/edit`,
        cookie: cookies[client],
        args: [
          {
            ref: target.ref,
            version,
            values: {
              ...EMPTY_CASE_FORM,
              fullName: `Reliability Person ${target.ref} (${token})`,
              detainingCountry: "RU",
              riskLevel: risk,
              facility: `Facility ${job % 7}`,
              summary: token,
            },
          },
        ],
      });
      attempts.push({ token, case: target, version, outcome });
    });
    const seconds = (performance.now() - started) / 1000;

    const names = new Set(accounts.map((a) => a.name));
    const accepted = attempts.filter((a) => a.outcome.kind === "result" && a.outcome.value.ok);
    const conflicts = attempts.filter(
      (a) => a.outcome.kind === "result" && !a.outcome.value.ok && a.outcome.value.code === "CONFLICT",
    );
    const namedConflicts = conflicts.filter((a) => {
      const by = a.outcome.kind === "result" ? a.outcome.value.conflict?.by : undefined;
      return by !== undefined && names.has(by);
    });
    const other = attempts.filter((a) => !accepted.includes(a) && !conflicts.includes(a));
    const fiveXx = attempts.filter((a) => a.outcome.status >= 500).length;

    // The database's side.
    const refused = new Set(conflicts.map((a) => a.token));
    const acceptedTokens = new Set(accepted.map((a) => a.token));
    const caseIds = seeded.map((c) => c.id);
    const rows = await sql<{ id: string; version: number; summary: string | null }[]>`
      select id, version, summary from cases where id = any(${caseIds})`;
    const audit = await sql<{ id: string; caseId: string; before: number; after: number; token: string | null }[]>`
      select id, case_id as "caseId", (before->>'version')::int as before, (after->>'version')::int as after,
             after->>'summary' as token
      from audit_log where entity = 'cases' and action = 'update' and case_id = any(${caseIds}) order by id`;

    const auditTokens = new Map<string, number>();
    for (const a of audit) if (a.token) auditTokens.set(a.token, (auditTokens.get(a.token) ?? 0) + 1);
    const acceptedInAuditOnce = accepted.filter((a) => auditTokens.get(a.token) === 1).length;
    const refusedInAudit = [...refused].filter((t) => auditTokens.has(t)).length;
    const strayAudit = audit.filter((a) => !a.token || !acceptedTokens.has(a.token)).length;

    // Per case: the final version counts the accepted updates, the versions answered are 2..final
    // with none twice, the audit rows chain version by version, and the row holds the last one.
    const problems: string[] = [];
    for (const c of seeded) {
      const row = rows.find((r) => r.id === c.id);
      const mine = accepted.filter((a) => a.case.id === c.id);
      const answered = mine
        .map(
          (a) => ((a.outcome.kind === "result" ? a.outcome.value.data : null) as { version?: number } | null)?.version,
        )
        .sort((x, y) => (x ?? 0) - (y ?? 0));
      const expected = Array.from({ length: mine.length }, (_, i) => i + 2);
      if (!row) problems.push(`${c.ref}: row gone`);
      else if (row.version !== mine.length + 1)
        problems.push(`${c.ref}: version ${row.version}, ${mine.length} accepted updates`);
      if (JSON.stringify(answered) !== JSON.stringify(expected))
        problems.push(`${c.ref}: versions answered ${answered.join(",")}`);
      const chain = audit.filter((a) => a.caseId === c.id);
      chain.forEach((a, i) => {
        if (a.before !== i + 1 || a.after !== i + 2)
          problems.push(`${c.ref}: audit row ${i + 1} goes ${a.before}→${a.after}`);
      });
      const last = mine.find(
        (a) =>
          ((a.outcome.kind === "result" ? a.outcome.value.data : null) as { version?: number } | null)?.version ===
          row?.version,
      );
      if (mine.length > 0 && row?.summary !== last?.token)
        problems.push(`${c.ref}: holds ${row?.summary}, the last accepted update was ${last?.token}`);
    }
    const refusedInRows = rows.filter((r) => r.summary && refused.has(r.summary)).length;

    const checks = [
      check(
        "every update answered: accepted or conflict",
        other.length === 0,
        describeOutcomes(other.map((a) => a.outcome)),
      ),
      check("zero 5xx answers", fiveXx === 0, `${fiveXx}`),
      check("some updates met a conflict (the test raced)", conflicts.length > 0, `${conflicts.length}`),
      check(
        "every conflict names who changed the case",
        namedConflicts.length === conflicts.length,
        `${conflicts.length - namedConflicts.length} without a known name`,
      ),
      check(
        "every accepted update is in the audit log exactly once",
        acceptedInAuditOnce === accepted.length,
        `${accepted.length - acceptedInAuditOnce} missing or doubled`,
      ),
      check(
        "no audit row for a refused update, none unexplained",
        refusedInAudit === 0 && strayAudit === 0,
        `${refusedInAudit} refused, ${strayAudit} stray`,
      ),
      check("no refused update in the cases", refusedInRows === 0, `${refusedInRows}`),
      check(
        "versions: final = 1 + accepted, answered 2..final once each, audit chain unbroken, last write held",
        problems.length === 0,
        problems.slice(0, 5).join("; "),
      ),
    ];
    return {
      checks,
      figures: {
        updates: attempts.length,
        clients: o.clients,
        cases: o.cases,
        accepted: accepted.length,
        conflicts: conflicts.length,
        other: other.length,
        "5xx": fiveXx,
        "audit rows": audit.length,
        seconds: Number(seconds.toFixed(1)),
      },
    };
  } finally {
    await sql.end();
  }
}

/** A few distinct unexpected outcomes, for the report. */
export function describeOutcomes(outcomes: ActionOutcome[]): string {
  const seen = new Map<string, number>();
  for (const o of outcomes) {
    const key =
      o.kind === "result"
        ? `${o.value.code}: ${o.value.error}`
        : o.kind === "redirect"
          ? `redirect ${o.location}`
          : `http ${o.status} ${o.body.slice(0, 120)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen]
    .slice(0, 4)
    .map(([k, n]) => `${n}× ${k}`)
    .join("; ");
}
