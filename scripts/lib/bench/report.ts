/** The bench's results: the table it prints, the targets from the issue, and the JSON it writes. */
import fs from "node:fs";
import path from "node:path";
import type { FirstLoadJs } from "./first-load-js";
import type { LoadResult } from "./load";
import type { TimedQuery } from "./queries";

export interface PageResult {
  name: string;
  path: string;
  load: LoadResult;
  js: FirstLoadJs | null;
  /** The server's peak RSS while this page was under load, MB. */
  rssMb: number;
  /** What this page is held to, beyond p95 ≤ 3× the floor's. */
  kind: "floor" | "list" | "deep" | "search" | "case" | "dashboard" | "other";
}

export interface Report {
  scale: { cases: number; items: number };
  floor: PageResult;
  pages: PageResult[];
  queries: TimedQuery[];
  rssMb: number;
  meta: Record<string, unknown>;
}

const TARGET = { ratio: 3, listQueryMs: 5, deepRatio: 2, searchMs: 30, rssMb: 400 } as const;

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

export function ratio(page: PageResult, floor: PageResult): number {
  return page.load.p95 / floor.load.p95;
}

/** The targets of issue 6, each with what was measured and whether it holds. */
export function targets(report: Report): Array<{ target: string; measured: string; ok: boolean }> {
  const out: Array<{ target: string; measured: string; ok: boolean }> = [];
  for (const page of report.pages) {
    const r = ratio(page, report.floor);
    out.push({ target: `${page.name}: p95 ≤ ${TARGET.ratio}× floor`, measured: `${f1(r)}×`, ok: r <= TARGET.ratio });
  }
  // The list queries (page and capped count) of each /cases view; a search is held to its own limit.
  for (const q of report.queries.filter((q) => q.name.startsWith("/cases ") && !q.name.includes("caseworker"))) {
    if (!/: (page|count)/.test(q.name)) continue;
    const limit = /search/.test(q.name) ? TARGET.searchMs : TARGET.listQueryMs;
    out.push({ target: `${q.name} ≤ ${limit} ms`, measured: `${f1(q.exec_ms)} ms`, ok: q.exec_ms <= limit });
  }
  const search = report.queries.filter((q) => /^\/cases search .*: (page|count)/.test(q.name));
  if (search.length) {
    const total = search.reduce((n, q) => n + q.exec_ms, 0);
    out.push({
      target: `spelling-variant search, page + count ≤ ${TARGET.searchMs} ms`,
      measured: `${f1(total)} ms`,
      ok: total <= TARGET.searchMs,
    });
  }
  const first = report.queries.find((q) => /page 1 by name: page/.test(q.name));
  const deep = report.queries.find((q) => /deep page .*: page/.test(q.name));
  if (first && deep) {
    const r = deep.exec_ms / first.exec_ms;
    out.push({
      target: `deep page query ≤ ${TARGET.deepRatio}× page 1`,
      measured: `${f1(r)}×`,
      ok: r <= TARGET.deepRatio,
    });
  }
  const p1 = report.pages.find((p) => p.kind === "list");
  const pd = report.pages.find((p) => p.kind === "deep");
  if (p1 && pd) {
    const r = pd.load.p95 / p1.load.p95;
    out.push({
      target: `deep page p95 ≤ ${TARGET.deepRatio}× page 1`,
      measured: `${f1(r)}×`,
      ok: r <= TARGET.deepRatio,
    });
  }
  out.push({
    target: `server RSS < ${TARGET.rssMb} MB`,
    measured: `${f1(report.rssMb)} MB`,
    ok: report.rssMb < TARGET.rssMb,
  });
  return out;
}

export function printReport(report: Report, log: (line: string) => void): void {
  const rows = [report.floor, ...report.pages];
  const w = Math.max(...rows.map((r) => r.name.length), 30);
  log("");
  log(
    `${pad("page", w)}  ${lpad("p50 ms", 8)}  ${lpad("p95 ms", 8)}  ${lpad("req/s", 8)}  ${lpad("p95/floor", 9)}  ${lpad("JS kB", 7)}  ${lpad("gzip kB", 7)}  ${lpad("RSS MB", 7)}  ${lpad("failed", 6)}`,
  );
  log("-".repeat(w + 77));
  for (const r of rows) {
    const js = r.js;
    log(
      `${pad(r.name, w)}  ${lpad(f1(r.load.p50), 8)}  ${lpad(f1(r.load.p95), 8)}  ${lpad(f1(r.load.rps), 8)}  ${lpad(r === report.floor ? "1.0" : f1(ratio(r, report.floor)), 9)}  ${lpad(js ? f1(js.kb) : "–", 7)}  ${lpad(js ? f1(js.gzipKb) : "–", 7)}  ${lpad(f1(r.rssMb), 7)}  ${lpad(String(r.load.non2xx + r.load.errors + r.load.timeouts), 6)}`,
    );
  }
  log("");
  const qw = Math.max(...report.queries.map((q) => q.name.length), 20);
  log(
    `${pad("query (median)", qw)}  ${lpad("exec ms", 8)}  ${lpad("server", 8)}  ${lpad("planning", 8)}  ${lpad("rows", 6)}`,
  );
  log("-".repeat(qw + 38));
  for (const q of report.queries) {
    log(
      `${pad(q.name, qw)}  ${lpad(f1(q.exec_ms), 8)}  ${lpad(f1(q.server_ms), 8)}  ${lpad(f1(q.planning_ms), 8)}  ${lpad(String(q.rows), 6)}`,
    );
  }
  log("exec ms: through the driver (planning and round trip included); server, planning: EXPLAIN ANALYZE.");
  log("");
  log(`server peak RSS: ${f1(report.rssMb)} MB`);
  log("");
  log("targets (issue 6):");
  for (const t of targets(report)) log(`  ${t.ok ? "✓" : "✗"} ${t.target}: ${t.measured}`);
}

const round = (n: number, digits = 2) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);

export function writeReport(report: Report, file: string): void {
  const page = (p: PageResult) => ({
    name: p.name,
    p50_ms: round(p.load.p50),
    p95_ms: round(p.load.p95),
    rps: round(p.load.rps),
    ratio_p95: round(ratio(p, report.floor)),
    path: p.path,
    requests: p.load.requests,
    non2xx: p.load.non2xx,
    errors: p.load.errors + p.load.timeouts,
    first_load_js_kb: p.js ? round(p.js.kb, 1) : null,
    first_load_js_gzip_kb: p.js ? round(p.js.gzipKb, 1) : null,
    rss_mb: round(p.rssMb, 1),
  });
  const json = {
    scale: report.scale,
    floor: {
      p50_ms: round(report.floor.load.p50),
      p95_ms: round(report.floor.load.p95),
      rps: round(report.floor.load.rps),
      path: report.floor.path,
      rss_mb: round(report.floor.rssMb, 1),
    },
    pages: report.pages.map(page),
    queries: report.queries.map((q) => ({
      name: q.name,
      exec_ms: round(q.exec_ms, 3),
      server_ms: round(q.server_ms, 3),
      planning_ms: round(q.planning_ms, 3),
      rows: q.rows,
      plan: q.plan,
    })),
    rss_mb: round(report.rssMb, 1),
    targets: targets(report),
    meta: report.meta,
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}
