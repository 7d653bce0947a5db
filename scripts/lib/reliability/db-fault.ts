/**
 * Item 3, a database fault under write load. The check starts its own throwaway embedded
 * PostgreSQL (never the machine's shared server), serves the production build from it, and while
 * clients log contacts and status changes it stops PostgreSQL, keeps it down a few seconds and
 * starts it again on the same port. A prober asks for a page, /api/health and an action every
 * 100 ms. While the database is down every answer must be a plain 503 (or an UNAVAILABLE result),
 * never a stack trace; after it is back the same server (no restart) must serve again within 5
 * seconds; and no record may be half-written.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { CASE_STATUSES } from "@/lib/domain";
import { EMPTY_CONTACT, EMPTY_STATUS_CHANGE } from "@/lib/schemas/records";
import { startServer } from "../bench/server";
import { freePort, startEmbedded } from "../embedded-pg";
import { type ActionOutcome, actionId, postAction } from "./actions";
import { databaseInvariants } from "./invariants";
import {
  type Check,
  check,
  freshDatabase,
  leaksInternals,
  makeAccounts,
  makeCases,
  pick,
  rng,
  signInAll,
} from "./setup";

export interface FaultOptions {
  clients: number;
  /** Seconds of load before the stop, and after recovery. */
  loadSeconds: number;
  downSeconds: number;
  seed: number;
  log: (line: string) => void;
}

interface Probe {
  at: number;
  what: "page" | "health" | "action" | "write";
  status: number;
  ok: boolean;
  unavailable: boolean;
  leak: boolean;
  detail: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function databaseFault(o: FaultOptions): Promise<{ checks: Check[]; figures: Record<string, number> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casefile-rel-pg-"));
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  let pg = await startEmbedded(dataDir, () => {}, { port });
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  let sql: postgres.Sql | null = null;
  try {
    const url = await freshDatabase(pg.url, "fault", "db");
    sql = postgres(url, { max: 2, onnotice: () => {} });
    const accounts = await makeAccounts(sql, "coordinator", o.clients + 1, "fault");
    const seeded = await makeCases(sql, 10, 2021);
    server = await startServer(url);
    const baseUrl = server.url;
    const cookies = await signInAll(baseUrl, accounts);
    const proberCookie = cookies[o.clients] as string;
    const contactId = actionId("app/(portal)/cases/[ref]/_lib/actions.ts#logContactAction");
    const statusId = actionId("app/(portal)/cases/[ref]/_lib/actions.ts#recordStatusChangeAction");
    const random = rng(o.seed);
    const probes: Probe[] = [];
    const accepted: Array<{ kind: "contact" | "status"; token: string }> = [];
    let running = true;
    const t0 = performance.now();
    const now = () => performance.now() - t0;

    const classify = (what: Probe["what"], at: number, outcome: ActionOutcome): Probe => {
      const body =
        outcome.kind === "http" ? outcome.body : outcome.kind === "result" ? JSON.stringify(outcome.value) : "";
      const unavailable =
        (outcome.kind === "http" && outcome.status === 503 && /unavailable/i.test(body)) ||
        (outcome.kind === "result" && outcome.value.code === "UNAVAILABLE");
      return {
        at,
        what,
        status: outcome.status,
        ok: outcome.kind === "result" && outcome.value.ok,
        unavailable,
        leak: leaksInternals(body),
        detail: body.slice(0, 160),
      };
    };

    // Writers: each client alternates a contact and a status change on a random case.
    let job = 0;
    const writers = Array.from({ length: o.clients }, async (_, client) => {
      while (running) {
        const n = job++;
        const target = pick(random, seeded);
        const token = `fault-${o.seed}-${n}`;
        const isContact = n % 2 === 0;
        const at = now();
        const outcome = await postAction(baseUrl, {
          id: isContact ? contactId : statusId,
          page: `/cases/${target.ref}`,
          cookie: cookies[client],
          args: [
            {
              ref: target.ref,
              values: isContact
                ? {
                    ...EMPTY_CONTACT,
                    occurred: { year: "2024", month: "5", day: String(1 + (n % 28)), part: "", approx: false },
                    summary: token,
                  }
                : {
                    ...EMPTY_STATUS_CHANGE,
                    status: pick(random, CASE_STATUSES),
                    occurred: { year: "2024", month: "6", day: String(1 + (n % 28)), part: "", approx: false },
                    note: token,
                  },
            },
          ],
        });
        const probe = classify("write", at, outcome);
        probes.push(probe);
        if (probe.ok) accepted.push({ kind: isContact ? "contact" : "status", token });
        if (!probe.ok) await sleep(50);
      }
    });

    // The prober: a page (HTML), the health check and a read-only action, every 100 ms.
    const duplicatesId = actionId("app/(portal)/cases/_form/actions.ts#findDuplicatesAction");
    const prober = (async () => {
      while (running) {
        const at = now();
        const page = await fetch(`${baseUrl}/cases`, {
          headers: { cookie: proberCookie, accept: "text/html" },
          redirect: "manual",
        }).then(
          async (r) => ({ kind: "http" as const, status: r.status, body: await r.text() }),
          (e) => ({ kind: "http" as const, status: 0, body: String(e) }),
        );
        const pageProbe = classify("page", at, page);
        // A page that rendered (200) must show the cases list; the 503 page says "unavailable".
        pageProbe.ok = page.status === 200 && page.body.includes("Reliability Person");
        probes.push(pageProbe);
        const health = await fetch(`${baseUrl}/api/health`).then(
          async (r) => ({ kind: "http" as const, status: r.status, body: await r.text() }),
          (e) => ({ kind: "http" as const, status: 0, body: String(e) }),
        );
        const healthProbe = classify("health", at, health);
        healthProbe.ok = health.status === 200;
        probes.push(healthProbe);
        probes.push(
          classify(
            "action",
            at,
            await postAction(baseUrl, {
              id: duplicatesId,
              page: "/cases/new",
              cookie: proberCookie,
              args: [{ fullName: "Reliability Person" }],
            }),
          ),
        );
        await sleep(100);
      }
    })();

    await sleep(o.loadSeconds * 1000);
    const stopAt = now();
    o.log(`  stopping the throwaway PostgreSQL at ${(stopAt / 1000).toFixed(1)} s, under load…`);
    await pg.stop();
    const stoppedAt = now();
    await sleep(o.downSeconds * 1000);
    const startAt = now();
    pg = await startEmbedded(dataDir, () => {}, { port });
    const startedAt = now();
    o.log(
      `  started it again at ${(startedAt / 1000).toFixed(1)} s (took ${((startedAt - startAt) / 1000).toFixed(1)} s)`,
    );
    // Recovery: the first moment after PostgreSQL is back from which page, health and action all succeed.
    let recoveredAt = -1;
    for (let i = 0; i < 300 && recoveredAt < 0; i++) {
      await sleep(50);
      const after = probes.filter((p) => p.at >= startedAt);
      const firstOk = (what: Probe["what"]) => after.find((p) => p.what === what && p.ok)?.at;
      const times = (["page", "health", "action", "write"] as const).map(firstOk);
      if (times.every((t) => t !== undefined)) recoveredAt = Math.max(...(times as number[]));
    }
    await sleep(o.loadSeconds * 1000);
    running = false;
    await Promise.all([...writers, prober]);
    const serverAlive = server.pid > 0 && isAlive(server.pid);
    if (process.env.RELIABILITY_DEBUG) {
      for (const p of probes.filter((x) => x.at >= startedAt - 500).slice(0, 40))
        o.log(`    ${(p.at / 1000).toFixed(2)} ${p.what} ${p.status} ${p.ok} ${p.detail.slice(0, 100)}`);
    }

    // While down: from the stop's end to the start's beginning (PostgreSQL refuses connections).
    const during = probes.filter((p) => p.at >= stoppedAt + 50 && p.at < startAt);
    const badDuring = during.filter((p) => !p.unavailable);
    const leaks = probes.filter((p) => p.leak);
    // A request in flight when PostgreSQL went away may fail mid-render: it gets the error page
    // (500, the same plain text, no detail). Every request started while it was down must get 503.
    const inFlight = (p: Probe) => p.at >= stopAt - 2000 && p.at < stoppedAt + 50;
    const cutOff = probes.filter((p) => p.status >= 500 && p.status !== 503 && inFlight(p));
    const otherFiveXx = probes.filter((p) => p.status >= 500 && p.status !== 503 && !inFlight(p));
    const recovery = recoveredAt < 0 ? Number.POSITIVE_INFINITY : (recoveredAt - startedAt) / 1000;

    // Every accepted write is in the database; nothing half-written.
    const tokens = accepted.map((a) => a.token);
    const [found] = await sql<{ n: number }[]>`
      select (select count(*) from consular_contacts where summary = any(${tokens}))::int
           + (select count(*) from status_changes where note = any(${tokens}))::int as n`;
    const invariants = await databaseInvariants(sql);

    const checks: Check[] = [
      check(
        "while down, every answer is a plain 503 or an UNAVAILABLE result",
        during.length > 0 && badDuring.length === 0,
        `${during.length} answers, ${badDuring.length} otherwise: ${badDuring
          .slice(0, 3)
          .map((p) => `${p.what} ${p.status} ${p.detail}`)
          .join(" | ")}`,
      ),
      check("no answer shows a stack trace or driver detail", leaks.length === 0, leaks[0]?.detail ?? ""),
      check(
        "no 5xx other than 503, but for requests cut off by the stop",
        otherFiveXx.length === 0,
        otherFiveXx
          .slice(0, 3)
          .map((p) => `${p.what} ${p.status} at ${(p.at / 1000).toFixed(1)} s ${p.detail}`)
          .join(" | "),
      ),
      check("serving again within 5 s of PostgreSQL being back", recovery <= 5, `${recovery.toFixed(2)} s`),
      check("the same server process throughout (no restart)", serverAlive, `pid ${server.pid}`),
      check(
        "every accepted write is in the database",
        found?.n === accepted.length,
        `${found?.n} of ${accepted.length}`,
      ),
      ...invariants,
    ];
    const unavailable = probes.filter((p) => p.unavailable).length;
    return {
      checks,
      figures: {
        requests: probes.length,
        "accepted writes": accepted.length,
        "503 / unavailable answers": unavailable,
        "answers while down": during.length,
        "cut off by the stop (error page)": cutOff.length,
        "other 5xx": otherFiveXx.length,
        "seconds down": Number(((startAt - stopAt) / 1000).toFixed(1)),
        "recovery s": Number(recovery.toFixed(2)),
      },
    };
  } finally {
    await sql?.end({ timeout: 1 }).catch(() => {});
    await server?.stop();
    await pg.stop().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
