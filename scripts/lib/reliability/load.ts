/**
 * Item 2, load with nothing lost: many concurrent signed-in clients log consular contacts through
 * logContactAction, posted from the case page as the browser posts it. Afterwards the database
 * must hold exactly one contact and one audit row per call, each case's "last contact" must follow
 * its contacts, and no answer may be a 5xx.
 */
import postgres from "postgres";
import { CONTACT_COUNTERPARTS, CONTACT_KINDS, CONTACT_OUTCOMES } from "@/lib/domain";
import { EMPTY_CONTACT } from "@/lib/schemas/records";
import { type ActionOutcome, actionId, postAction } from "./actions";
import { describeOutcomes } from "./concurrent-edits";
import { type Check, check, makeAccounts, makeCases, pick, rng, runClients, signInAll } from "./setup";

export interface LoadOptions {
  url: string;
  baseUrl: string;
  clients: number;
  contacts: number;
  cases: number;
  seed: number;
}

export async function loadNothingLost(o: LoadOptions): Promise<{ checks: Check[]; figures: Record<string, number> }> {
  const sql = postgres(o.url, { max: 2, onnotice: () => {} });
  try {
    const accounts = await makeAccounts(sql, "coordinator", o.clients, "logger");
    const seeded = await makeCases(sql, o.cases, 2022);
    const cookies = await signInAll(o.baseUrl, accounts);
    const id = actionId("app/(portal)/cases/[ref]/_lib/actions.ts#logContactAction");
    const random = rng(o.seed);
    const tag = `load-${o.seed}-${Date.now().toString(36)}`;

    const outcomes: ActionOutcome[] = new Array(o.contacts);
    const latencies: number[] = [];
    const started = performance.now();
    await runClients(o.clients, o.contacts, async (client, job) => {
      const target = pick(random, seeded);
      const day = 1 + Math.floor(random() * 28);
      const month = 1 + Math.floor(random() * 12);
      const t0 = performance.now();
      outcomes[job] = await postAction(o.baseUrl, {
        id,
        page: `/cases/${target.ref}`,
        cookie: cookies[client],
        args: [
          {
            ref: target.ref,
            values: {
              ...EMPTY_CONTACT,
              kind: pick(random, CONTACT_KINDS),
              counterpart: pick(random, CONTACT_COUNTERPARTS),
              outcome: pick(random, CONTACT_OUTCOMES),
              occurred: { year: "2024", month: String(month), day: String(day), part: "", approx: false },
              summary: `${tag}-${job}`,
            },
          },
        ],
      });
      latencies.push(performance.now() - t0);
    });
    const seconds = (performance.now() - started) / 1000;

    const ok = outcomes.filter((x) => x.kind === "result" && x.value.ok).length;
    const fiveXx = outcomes.filter((x) => x.status >= 500 || x.status === 0).length;
    const refused = outcomes.filter((x) => !(x.kind === "result" && x.value.ok));
    const [counts] = await sql<{ rows: number; distinct: number; audit: number; orphans: number }[]>`
      select
        (select count(*)::int from consular_contacts where summary like ${`${tag}-%`}) as rows,
        (select count(distinct summary)::int from consular_contacts where summary like ${`${tag}-%`}) as distinct,
        (select count(*)::int from audit_log a join consular_contacts c on c.id::text = a.entity_id
          where a.entity = 'consular_contacts' and a.action = 'create' and c.summary like ${`${tag}-%`}) as audit,
        (select count(*)::int from consular_contacts c where not exists (
          select 1 from audit_log a where a.entity = 'consular_contacts' and a.action = 'create' and a.entity_id = c.id::text)) as orphans`;
    const [lastContact] = await sql<{ wrong: number }[]>`
      select count(*)::int as wrong from cases k
      where k.last_contact_on is distinct from (select max(occurred_on) from consular_contacts c where c.case_id = k.id and c.retracted_at is null)`;
    latencies.sort((a, b) => a - b);
    const p95 = latencies[Math.floor(latencies.length * 0.95)] ?? 0;

    const checks = [
      check(`all ${o.contacts} calls accepted`, ok === o.contacts, describeOutcomes(refused)),
      check("zero 5xx answers (and no dropped connection)", fiveXx === 0, `${fiveXx}`),
      check(
        `exactly ${o.contacts} contact rows, all distinct`,
        counts?.rows === o.contacts && counts.distinct === o.contacts,
        `${counts?.rows} rows, ${counts?.distinct} distinct`,
      ),
      check(`exactly ${o.contacts} audit rows for them`, counts?.audit === o.contacts, `${counts?.audit}`),
      check("no contact without its audit row", counts?.orphans === 0, `${counts?.orphans}`),
      check("every case's last contact follows its contacts", lastContact?.wrong === 0, `${lastContact?.wrong} wrong`),
    ];
    return {
      checks,
      figures: {
        clients: o.clients,
        calls: o.contacts,
        accepted: ok,
        "5xx": fiveXx,
        "contact rows": counts?.rows ?? -1,
        "audit rows": counts?.audit ?? -1,
        seconds: Number(seconds.toFixed(1)),
        "calls/s": Number((o.contacts / seconds).toFixed(1)),
        "p95 ms": Math.round(p95),
      },
    };
  } finally {
    await sql.end();
  }
}
