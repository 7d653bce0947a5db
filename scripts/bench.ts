/**
 * `npm run bench [-- --cases N] [--duration S] [--connections C] [--strict]`: in one run, a database
 * of N synthetic cases (made once, then reused), the production build served by `next start`,
 * signed in as a generated coordinator, and measured:
 *   - each page under load by autocannon in a separate process (p50, p95, requests/s, p95 divided
 *     by the floor's p95), while the server's RSS is sampled every 200 ms;
 *   - each page's first-load JavaScript (the scripts its HTML loads);
 *   - the SQL behind each page, captured from the data-access layer itself and timed with
 *     EXPLAIN (ANALYZE, BUFFERS) straight through the driver.
 * Prints a table and writes bench/results/latest.json. The server and an embedded PostgreSQL are
 * stopped at the end, whatever happens. All traffic stays on 127.0.0.1.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import postgres from "postgres";
import { CASE_STATUSES, isOpenStatus } from "@/lib/domain";
import { todayIso } from "@/lib/partial-date";
import { DEFAULT_PAGE_SIZE } from "@/lib/schemas/lists";
import { intFlag, parseFlags } from "./lib/bench/args";
import { ensureBigCase } from "./lib/bench/big-case";
import { openBenchDatabase } from "./lib/bench/database";
import { firstLoadJs } from "./lib/bench/first-load-js";
import type { LoadResult } from "./lib/bench/load";
import { listQueryRole, QueryLab, type TimedQuery } from "./lib/bench/queries";
import { type PageResult, printReport, type Report, targets, writeReport } from "./lib/bench/report";
import { RssSampler } from "./lib/bench/rss";
import { mergeLoads, runLoad } from "./lib/bench/run-load";
import { distDir, ensureBuild, startServer } from "./lib/bench/server";
import { signIn } from "./lib/bench/session";
import { runMain } from "./lib/cli";
import { GENERATED_EMAIL_DOMAIN, GENERATED_PASSWORD } from "./lib/generator";
import { koreanVariantQuery } from "./lib/generator/names";

const RESULTS = path.resolve("bench/results/latest.json");
const DEEP_PAGE = 1000;
/**
 * At most this many rounds of floor-and-every-page, each at least 5 s per target: 20 s gives four
 * rounds of 5 s. On this 2-core VM one page's p95 moved by ±10% from run to run with two rounds of
 * 5 s; more, interleaved rounds average a drifting machine out over the floor and the pages alike.
 */
const MAX_ROUNDS = 4;
const MIN_ROUND_S = 5;
/** Seconds of load at each target before any is measured. */
const WARM_UP_S = 2;
const OPEN_STATUSES = CASE_STATUSES.filter(isOpenStatus);

const log = (line: string) => console.log(line);

/** Steps to undo, last first, on the way out (also on Ctrl+C). */
const cleanup: Array<() => Promise<void>> = [];
let cleaning: Promise<void> | null = null;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanup.reverse()) await step().catch(() => {});
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\nStopping (${signal})…`);
    void cleanUp().then(() => process.exit(130));
  });
}

interface Target {
  name: string;
  path: string;
  kind: PageResult["kind"];
  /** Text the page must contain, to be sure it shows what we think it shows. */
  expect?: string;
}

runMain(async () => {
  const flags = parseFlags(process.argv.slice(2), {
    values: ["cases", "duration", "connections"],
    switches: ["strict"],
  });
  const cases = intFlag(flags, "cases", 100_000, 1, 10_000_000);
  const duration = intFlag(flags, "duration", 20, 1, 600);
  const connections = intFlag(flags, "connections", 10, 1, 200);
  const started = performance.now();
  try {
    // 1. The database, and the numbers the pages will be asked for.
    const database = await openBenchDatabase(cases, log);
    cleanup.push(() => database.stop());
    const big = await ensureBigCase(database.url);
    const facts = await readFacts(database.url, cases);
    log(
      `Big case: ${big.ref} with ${big.items} timeline items. ${facts.items.toLocaleString("en")} timeline items in all.`,
    );

    // 2. The production server, and a signed-in coordinator.
    const built = await ensureBuild(
      { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(33).toString("base64") },
      log,
    );
    const server = await startServer(database.url);
    cleanup.push(() => server.stop());
    log(`Server: ${server.url} (pid ${server.pid}, build ${distDir()}/).`);
    const coordinator = `coordinator1@${GENERATED_EMAIL_DOMAIN}`;
    const cookie = await signIn(server.url, coordinator, GENERATED_PASSWORD);

    // 3. What to measure.
    const deep = facts.deep;
    const pages: Target[] = [
      { name: "/cases page 1 by name", path: "/cases?sort=name.asc", kind: "list", expect: facts.firstByName },
      {
        name: `/cases deep page ${deep.page} by name (keyset)`,
        path: `/cases?sort=name.asc&cursor=${deep.cursor}`,
        kind: "deep",
        expect: deep.firstRef,
      },
      {
        name: "/cases open statuses + country RU",
        path: `/cases?status=${OPEN_STATUSES.join(",")}&country=RU`,
        kind: "list",
      },
      {
        name: `/cases search "${facts.search.q}"`,
        path: `/cases?q=${encodeURIComponent(facts.search.q)}`,
        kind: "search",
        expect: facts.search.ref,
      },
      { name: `/cases/${big.ref} (${big.items} items)`, path: `/cases/${big.ref}`, kind: "case", expect: big.ref },
      { name: "/dashboard", path: "/dashboard", kind: "dashboard" },
    ];
    // The floor: a signed-in page with one trivial query (/ping) when the app has one, else the health route.
    const ping = await fetch(`${server.url}/ping`, { headers: { cookie }, redirect: "manual" });
    await ping.arrayBuffer();
    const floorTarget: Target =
      ping.status === 200
        ? { name: "floor: /ping (signed-in page)", path: "/ping", kind: "floor" }
        : { name: "floor: /api/health, signed in", path: "/api/health", kind: "floor" };
    for (const t of pages) await checkPage(server.url, cookie, t);
    log(`Search for "${facts.search.q}" (a spelling of ${facts.search.name}).`);

    // 4. Load, one target at a time, with the server's memory sampled throughout. First a short
    // pass at every target, so that no target is measured while the server's code is still being
    // optimised; then `rounds` rounds of floor-and-every-page, each target's latencies pooled over
    // its rounds, so that a drift during the run (a checkpoint, a neighbour on the machine) lands
    // on the floor and the pages alike instead of on whichever came last.
    const all = [floorTarget, ...pages];
    const rounds = Math.max(1, Math.min(MAX_ROUNDS, Math.floor(duration / MIN_ROUND_S)));
    const load = (t: Target, seconds: number) =>
      runLoad({ url: `${server.url}${t.path}`, connections, duration: seconds, headers: { cookie } });
    process.stdout.write(`Warming up (${all.length} targets, ${WARM_UP_S} s each)… `);
    for (const t of all) await load(t, WARM_UP_S);
    console.log("done.");
    const rss = new RssSampler(server.pid);
    rss.start();
    // Per target, in the order of `all`: its passes, and the peak RSS seen while it was loaded.
    const loads = all.map((): LoadResult[] => []);
    const rssMb = all.map(() => 0);
    for (let round = 1; round <= rounds; round++) {
      for (const [i, t] of all.entries()) {
        process.stdout.write(`Round ${round}/${rounds}: ${t.name} for ${duration / rounds} s… `);
        rss.mark();
        const result = await load(t, duration / rounds);
        loads[i]?.push(result);
        rssMb[i] = Math.max(rssMb[i] ?? 0, rss.mark() / 1024);
        console.log(
          `p95 ${Number.isFinite(result.p95) ? result.p95.toFixed(1) : "–"} ms, ${result.rps.toFixed(1)} req/s`,
        );
      }
    }
    rss.stop();
    const results: PageResult[] = [];
    for (const [i, t] of all.entries()) {
      const merged = mergeLoads(loads[i] ?? []);
      if (merged.non2xx + merged.errors + merged.timeouts > 0) {
        log(
          `  ! ${t.name}: ${merged.non2xx} non-2xx, ${merged.errors} errors, ${merged.timeouts} timeouts (left out of the latencies)`,
        );
      }
      const js = t.kind === "floor" ? null : await firstLoadJs(server.url, t.path, cookie);
      results.push({ name: t.name, path: t.path, kind: t.kind, load: merged, js, rssMb: rssMb[i] ?? 0 });
    }
    const [floor, ...measured] = results as [PageResult, ...PageResult[]];

    // 5. The SQL behind each page, through the DAL itself.
    // Nine runs per query; three for a short (CI) run.
    const runs = duration >= 5 ? 9 : 3;
    log(`Timing the queries behind each page (${runs} runs each, and EXPLAIN ANALYZE)…`);
    const queries = await timeQueries(database.url, {
      today: todayIso(),
      runs,
      deep,
      search: facts.search.q,
      bigRef: big.ref,
    });

    const report: Report = {
      scale: { cases, items: facts.items },
      floor,
      pages: measured,
      queries,
      rssMb: rss.peakKb / 1024,
      meta: {
        duration_s: duration,
        connections,
        database: database.where,
        build: distDir(),
        built_now: built,
        generated_s: database.generatedSeconds || null,
        generated_rows: database.generatedRows || null,
        search: facts.search,
        big_case: big,
        deep_page: { page: deep.page, size: DEFAULT_PAGE_SIZE },
        signed_in_as: coordinator,
        at: new Date().toISOString(),
        total_s: Math.round((performance.now() - started) / 1000),
      },
    };
    printReport(report, log);
    writeReport(report, RESULTS);
    log(`\nWrote ${path.relative(process.cwd(), RESULTS)} (with every plan). ${report.meta.total_s} s in all.`);
    if (flags.has("strict") && targets(report).some((t) => !t.ok)) process.exitCode = 1;
  } finally {
    await cleanUp();
  }
});

/** Facts of the generated data the pages are asked about. */
async function readFacts(url: string, cases: number) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ items } = { items: 0 }] = await sql<{ items: number }[]>`
      select ((select count(*) from status_changes) + (select count(*) from consular_contacts)
            + (select count(*) from petition_events) + (select count(*) from case_notes))::int as items`;
    const [first] = await sql<{ ref: string }[]>`select ref from cases order by full_name, id limit 1`;
    // The 1,000th page of 25 by name (or the last page of a smaller list), as the keyset cursor the
    // DAL hands out: "after the last row of the page before" (db/dal/lists.ts).
    const size = DEFAULT_PAGE_SIZE;
    const page = Math.max(2, Math.min(DEEP_PAGE, Math.ceil(cases / size)));
    const [before] = await sql<{ full_name: string; id: string }[]>`
      select full_name, id from cases order by full_name, id offset ${(page - 1) * size - 1} limit 1`;
    const [deepFirst] = await sql<{ ref: string }[]>`
      select ref from cases order by full_name, id offset ${(page - 1) * size} limit 1`;
    if (!before || !deepFirst) throw new Error(`the bench database has fewer than ${(page - 1) * size + 1} cases`);
    const cursor = Buffer.from(JSON.stringify({ s: "name.asc", d: "a", k: [before.full_name, before.id] })).toString(
      "base64url",
    );
    // A Korean name, searched for in another spelling ("Baek Won-soon" as "Paek Won Sun").
    const [named] = await sql<{ full_name: string; ref: string }[]>`
      select full_name, ref from cases
      where not restricted and full_name ~ '^[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+$'
      order by (full_name like 'Baek %') desc, (full_name like 'Jun %') desc, ref limit 1`;
    const q = named ? koreanVariantQuery(named.full_name) : null;
    if (!named || !q) throw new Error("the bench database has no Korean name to search for");
    return {
      items,
      firstByName: first?.ref,
      deep: { page, cursor, firstRef: deepFirst.ref, key: [before.full_name, before.id] as [string, string] },
      search: { q, name: named.full_name, ref: named.ref },
    };
  } finally {
    await sql.end();
  }
}

/** Each page must answer 200 to the signed-in coordinator, and show what we expect it to. */
async function checkPage(baseUrl: string, cookie: string, t: Target) {
  const response = await fetch(`${baseUrl}${t.path}`, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${t.path} answered ${response.status} to the signed-in coordinator`);
  if (t.expect && !body.includes(t.expect)) {
    log(`  note: ${t.name} does not show ${t.expect} (expected on it): the URL may not mean what the bench thinks.`);
  }
}

/** The queries each page's DAL calls send, timed. Pages whose DAL cannot load here are reported, not hidden. */
async function timeQueries(
  url: string,
  input: { today: string; deep: { cursor: string }; search: string; bigRef: string; runs: number },
): Promise<TimedQuery[]> {
  const lab = new QueryLab(url);
  const { runs } = input;
  const out: TimedQuery[] = [];
  try {
    const coordinator = await lab.actor("coordinator");
    const caseworker = await lab.actor("caseworker");
    const { searchCases, caseListFacets } = await import("@/db/dal/case-list");
    const lists: Array<[string, Parameters<typeof searchCases>[1], typeof coordinator]> = [
      ["/cases page 1 by name", { sort: { id: "name", desc: false } }, coordinator],
      ["/cases deep page by name", { sort: { id: "name", desc: false }, cursor: input.deep.cursor }, coordinator],
      ["/cases open statuses + RU", { status: [...OPEN_STATUSES], country: "RU" }, coordinator],
      [`/cases search "${input.search}"`, { q: input.search }, coordinator],
      ["/cases page 1 by name (as caseworker)", { sort: { id: "name", desc: false } }, caseworker],
    ];
    for (const [name, params, actor] of lists) {
      const captured = await lab.capture(() => searchCases(actor, params, { today: input.today }));
      const seen = new Map<string, number>();
      for (const q of captured) {
        const role = listQueryRole(q.sql);
        const n = (seen.get(role) ?? 0) + 1;
        seen.set(role, n);
        out.push(await lab.explain(`${name}: ${role}${n > 1 ? ` ${n}` : ""}`, q, runs));
      }
    }
    const facets = await lab.capture(() => caseListFacets(coordinator));
    for (const [i, q] of facets.entries()) out.push(await lab.explain(`/cases facets ${i + 1}`, q, runs));
  } catch (error) {
    log(`  ! the cases list's DAL could not be timed here: ${(error as Error).message}`);
  }
  try {
    const coordinator = await lab.actor("coordinator");
    const { getCase } = await import("@/db/dal/cases");
    const { getCaseRecord } = await import("@/db/dal/timeline");
    const { CASE_TABLE_ROWS, DEFAULT_SORTS, TIMELINE_PAGE_SIZE } = await import(
      "@/app/(portal)/cases/[ref]/_lib/search-params"
    );
    // As the page asks for it by default: a page of the timeline, the first rows of each table.
    const captured = await lab.capture(async () => {
      await getCase(coordinator, input.bigRef);
      await getCaseRecord(coordinator, input.bigRef, {
        order: "desc",
        limit: TIMELINE_PAGE_SIZE,
        history: { sort: DEFAULT_SORTS.historySort, limit: CASE_TABLE_ROWS },
        contacts: { sort: DEFAULT_SORTS.contactsSort, limit: CASE_TABLE_ROWS },
        petitions: { sort: DEFAULT_SORTS.petitionsSort, limit: CASE_TABLE_ROWS },
        sources: { limit: CASE_TABLE_ROWS },
      });
    });
    for (const [i, q] of captured.entries()) out.push(await lab.explain(`/cases/[ref] query ${i + 1}`, q, runs));
  } catch (error) {
    log(`  ! the case page's DAL could not be timed here: ${(error as Error).message}`);
  }
  try {
    const coordinator = await lab.actor("coordinator");
    const { DASHBOARD_PREVIEW_ROWS, getDashboard } = await import("@/db/dal/dashboard");
    const captured = await lab.capture(() =>
      getDashboard(coordinator, { today: input.today, quietDays: 30 }, { preview: DASHBOARD_PREVIEW_ROWS }),
    );
    for (const [i, q] of captured.entries()) out.push(await lab.explain(`/dashboard query ${i + 1}`, q, runs));
  } catch (error) {
    log(`  ! the dashboard's DAL could not be timed here: ${(error as Error).message}`);
  }
  await lab.close();
  return out;
}
