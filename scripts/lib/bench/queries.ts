/**
 * The SQL behind each page, timed directly through the driver. Rather than copying the queries
 * here (and letting them drift), the bench runs the data-access layer itself outside Next.js: the
 * `server-only` guard is swapped for an empty module, the DAL's shared database handle is one of
 * ours with a logger, and every query a DAL call sends is captured with its parameters. Each one is
 * then run again through the driver and timed, and under EXPLAIN ANALYZE for the server's side of
 * it and the plan.
 */
import { register } from "node:module";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Actor } from "@/db/dal/actor";
import * as schema from "@/db/schema";

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

export interface TimedQuery {
  name: string;
  /** Median wall time of the query through the driver (planning and round trip included). */
  exec_ms: number;
  /** Median execution time on the server (EXPLAIN ANALYZE, TIMING OFF). */
  server_ms: number;
  planning_ms: number;
  rows: number;
  plan: string;
  sql: string;
}

/** `import "server-only"` throws outside React's server environment: resolve it to an empty module. */
let hooked = false;
function stubServerOnly() {
  if (hooked) return;
  hooked = true;
  const hook = `export async function resolve(specifier, context, next) {
    if (specifier === "server-only") return { url: "data:text/javascript,export%20%7B%7D", shortCircuit: true };
    return next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

export class QueryLab {
  private captured: CapturedQuery[] = [];
  private readonly client: postgres.Sql;

  constructor(url: string) {
    stubServerOnly();
    this.client = postgres(url, { max: 4, onnotice: () => {} });
    const captured = () => this.captured;
    const db = drizzle({
      client: this.client,
      schema,
      casing: "snake_case",
      logger: { logQuery: (sql, params) => void captured().push({ sql, params }) },
    });
    // db/client.ts's getDb() returns this handle when it is set: the DAL then runs on it.
    (globalThis as unknown as { casefileDb?: unknown }).casefileDb = Object.assign(db, { client: this.client });
  }

  /** Runs `call` and returns the queries it sent, in order. */
  async capture(call: () => Promise<unknown>): Promise<CapturedQuery[]> {
    this.captured = [];
    await call();
    const out = this.captured;
    this.captured = [];
    return out;
  }

  /**
   * Times a captured query: `runs` executions through the driver after one warm-up (the median wall
   * time, planning and the trip to the server included: what the app waits for), the server's own
   * execution and planning times (EXPLAIN ANALYZE with TIMING OFF, which adds no per-row clock
   * reads), and the plan with per-node times and buffers.
   */
  async explain(name: string, query: CapturedQuery, runs = 9): Promise<TimedQuery> {
    const params = query.params as postgres.ParameterOrJSON<never>[];
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
    const wall: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const started = performance.now();
      await this.client.unsafe(query.sql, params);
      if (i > 0) wall.push(performance.now() - started);
    }
    const exec: number[] = [];
    const planning: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const [row] = await this.client.unsafe(`explain (analyze, timing off, format json) ${query.sql}`, params);
      const [result] = (row?.["QUERY PLAN"] ?? []) as Array<{
        "Execution Time": number;
        "Planning Time": number;
        Plan: { "Actual Rows": number };
      }>;
      if (!result) continue;
      exec.push(result["Execution Time"]);
      planning.push(result["Planning Time"]);
      rows = result.Plan["Actual Rows"];
    }
    const text = await this.client.unsafe(`explain (analyze, buffers) ${query.sql}`, params);
    return {
      name,
      exec_ms: median(wall),
      server_ms: median(exec),
      planning_ms: median(planning),
      rows,
      plan: text.map((r) => r["QUERY PLAN"]).join("\n"),
      sql: query.sql,
    };
  }

  /** The first account with this role, as the DAL receives it. */
  async actor(role: "coordinator" | "caseworker"): Promise<Actor> {
    const [row] = await this.client<Actor[]>`
      select id, email, name, role, must_change_password as "mustChangePassword"
      from accounts where role = ${role} and active order by email limit 1`;
    if (!row) throw new Error(`the bench database has no ${role}`);
    return row;
  }

  async close(): Promise<void> {
    (globalThis as unknown as { casefileDb?: unknown }).casefileDb = undefined;
    await this.client.end({ timeout: 2 });
  }
}

/** A short label for a captured query of the cases list: its page, its capped count, or its assignees. */
export function listQueryRole(sql: string): string {
  if (/count\(\*\)::int as n from/.test(sql)) return "count";
  if (/^select "case_assignments"\."case_id"/.test(sql)) return "assignees";
  if (/with recursive walk/.test(sql)) return "facet";
  return "page";
}
