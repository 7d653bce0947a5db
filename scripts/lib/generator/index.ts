/**
 * Fills an empty, migrated database with synthetic cases (see model.ts) as fast as PostgreSQL can
 * take them: ONE transaction that drops the secondary indexes and foreign keys of the tables it
 * fills, streams every row with COPY while the next batch is being generated, then rebuilds the
 * indexes and re-adds the foreign keys (which checks every reference once, in bulk) and commits.
 * A failure anywhere rolls the whole thing back, indexes included. VACUUM ANALYZE runs after the commit.
 *
 * Generated rows get no audit_log rows: this is a bulk synthetic load, not something anyone did,
 * and the audit log records what people did.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import cliProgress from "cli-progress";
import postgres from "postgres";
import { ConfigError } from "@/lib/config-error";
import { hashPassword } from "@/lib/password";
import type { BatchJob, BatchResult } from "./batch";
import { dayOf, stampOf } from "./dates";
import { REF_SLOT } from "./model";
import { staffName } from "./names";
import { Random } from "./random";
import { TABLE_NAMES, TABLES, type TableName } from "./tables";

/** The password of every generated account (they share one argon2 hash, computed once). */
export const GENERATED_PASSWORD = "casefile-generated";
export const GENERATED_EMAIL_DOMAIN = "generated.casefile.example";

export interface GenerateOptions {
  url: string;
  cases: number;
  seed: number;
  /** YYYY-MM-DD: the day the data ends on (deadlines and follow-ups are relative to it). */
  today: string;
  /** Show a progress bar (on a terminal). */
  progress?: boolean;
  log?: (line: string) => void;
}

export interface GenerateResult {
  rows: number;
  byTable: Record<string, number>;
  seconds: number;
  /** Seconds spent loading rows, and rebuilding indexes and foreign keys. */
  loadSeconds: number;
  indexSeconds: number;
  accounts: { admins: string[]; coordinators: string[]; caseworkers: string[] };
}

/**
 * Cases per batch: big enough that each COPY is worth starting, small enough to keep memory flat.
 * Part of what a seed means (each batch has its own random stream): changing it changes the data.
 */
const BATCH = 2_000;
/** Worker threads generating batches; PostgreSQL takes the rest of the machine. */
const MAX_WORKERS = 2;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function generateData(options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const sql = postgres(options.url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const [{ any } = { any: false }] = await sql<{ any: boolean }[]>`select exists (select 1 from cases) as any`;
    if (any) {
      throw new ConfigError(
        "The database already holds cases: the generator only fills an empty database (give it a new one with --database-url).",
      );
    }

    // Accounts: a few admins and coordinators, one caseworker per 500 cases (at least 3).
    const people = new Random(options.seed ^ 0x5bd1e995);
    const caseworkerCount = Math.max(3, Math.round(options.cases / 500));
    const make = (role: string, count: number, digits: number) =>
      Array.from({ length: count }, (_, i) => ({
        id: people.uuid(),
        email: `${role}${String(i + 1).padStart(digits, "0")}@${GENERATED_EMAIL_DOMAIN}`,
        name: staffName(people),
        role,
      }));
    const admins = make("admin", 2, 1);
    const coordinators = make("coordinator", 4, 1);
    const caseworkers = make("caseworker", caseworkerCount, String(caseworkerCount).length);
    const accounts = [...admins, ...coordinators, ...caseworkers];
    const taken = await sql<{ email: string }[]>`
      select email from accounts where email = any(${accounts.map((a) => a.email)}::text[]) limit 1`;
    if (taken[0]) {
      throw new ConfigError(
        `The database already has an account ${taken[0].email}: give the generator a new database.`,
      );
    }
    log(`Hashing the shared password of ${accounts.length} accounts…`);
    const passwordHash = await hashPassword(GENERATED_PASSWORD);

    const today = dayOf(options.today);
    const byTable = Object.fromEntries([...TABLE_NAMES, "accounts"].map((t) => [t, 0])) as Record<string, number>;
    let loadSeconds = 0;
    let indexSeconds = 0;

    await sql.begin(async (tx) => {
      await tx.unsafe("set local maintenance_work_mem = '256MB'");
      const openedAt = stampOf(today - 25 * 366, 480);
      await tx`insert into accounts ${tx(
        accounts.map((a) => ({ ...a, password_hash: passwordHash, created_at: openedAt, updated_at: openedAt })),
      )}`;
      byTable.accounts = accounts.length;

      // Set aside what slows a bulk load: secondary indexes and foreign-key checks on every row.
      const tables = TABLE_NAMES.map((t) => `public.${t}`);
      const indexes = await tx<{ name: string; def: string }[]>`
        select quote_ident(c.relname) as name, pg_get_indexdef(i.indexrelid) as def
        from pg_index i join pg_class c on c.oid = i.indexrelid
        where i.indrelid = any(${tables}::regclass[])
          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`;
      const foreignKeys = await tx<{ tbl: string; name: string; def: string }[]>`
        select conrelid::regclass::text as tbl, quote_ident(conname) as name, pg_get_constraintdef(oid) as def
        from pg_constraint where contype = 'f' and conrelid = any(${tables}::regclass[])`;
      for (const fk of foreignKeys) await tx.unsafe(`alter table ${fk.tbl} drop constraint ${fk.name}`);
      for (const index of indexes) await tx.unsafe(`drop index ${index.name}`);
      // The dashboard's summaries (migration 0004) are rebuilt once at the end, not row by row.
      const summaryTriggers = await tx<{ tbl: string; name: string }[]>`
        select tgrelid::regclass::text as tbl, quote_ident(tgname) as name from pg_trigger
        where not tgisinternal and tgname like 'dashboard\_%' and tgrelid = any(${tables}::regclass[])`;
      for (const t of summaryTriggers) await tx.unsafe(`alter table ${t.tbl} disable trigger ${t.name}`);

      const bar =
        options.progress && process.stderr.isTTY
          ? new cliProgress.SingleBar(
              {
                format: "  {bar} {percentage}% | {value}/{total} cases | {rows} rows | {rate} rows/s | {duration}s",
                hideCursor: true,
              },
              cliProgress.Presets.shades_classic,
            )
          : null;
      const loadStart = performance.now();
      let rows = accounts.length;
      bar?.start(options.cases, 0, { rows: 0, rate: 0 });

      // Batches are generated by worker threads, in parallel, and loaded in order as they come.
      const staff = { coordinators: coordinators.map((a) => a.id), caseworkers: caseworkers.map((a) => a.id) };
      const batches = Math.ceil(options.cases / BATCH);
      const pool = new WorkerPool(Math.max(1, Math.min(MAX_WORKERS, availableParallelism())));
      const inFlight = new Map<number, Promise<BatchResult>>();
      const refCounters = new Map<number, number>();
      let scheduled = 0;
      try {
        for (let k = 0; k < batches; k++) {
          while (scheduled < batches && scheduled <= k + pool.size) {
            const index = scheduled++;
            const count = Math.min(BATCH, options.cases - index * BATCH);
            inFlight.set(index, pool.run({ index, count, seed: options.seed, today, staff }));
          }
          const batch = await inFlight.get(k)!;
          inFlight.delete(k);
          // References count up within each year, in case order.
          const caseLines = batch.caseLines.map((line, i) => {
            const year = batch.refYears[i]!;
            const n = (refCounters.get(year) ?? 0) + 1;
            refCounters.set(year, n);
            return line.replaceAll(REF_SLOT, String(n).padStart(5, "0"));
          });
          for (const table of TABLE_NAMES) {
            const count = batch.counts[table] ?? 0;
            if (count === 0) continue;
            await copyText(table, table === "cases" ? caseLines.join("") : (batch.text[table] ?? ""));
            byTable[table] = (byTable[table] ?? 0) + count;
          }
          rows += batch.rows;
          const seconds = (performance.now() - loadStart) / 1000;
          const rate = Math.round(rows / Math.max(seconds, 0.001));
          if (bar) bar.increment(batch.count, { rows, rate });
          else if (options.progress && (k + 1) % Math.max(1, Math.round(batches / 10)) === 0) {
            // No terminal (CI, a log file): a line every tenth of the way instead of a bar.
            log(
              `  ${Math.min(options.cases, (k + 1) * BATCH).toLocaleString("en")} cases, ${rows.toLocaleString("en")} rows, ${rate.toLocaleString("en")} rows/s`,
            );
          }
        }
      } finally {
        bar?.stop();
        await Promise.allSettled(inFlight.values());
        await pool.close();
      }

      async function copyText(table: TableName, text: string) {
        const stream = await tx
          .unsafe(`copy ${ident(table)} (${TABLES[table].map(ident).join(", ")}) from stdin`)
          .writable();
        await new Promise<void>((resolve, reject) => {
          stream.on("error", reject);
          stream.on("finish", resolve);
          // Pieces of a few megabytes: one protocol message each.
          for (let i = 0; i < text.length; i += 4_000_000) stream.write(text.slice(i, i + 4_000_000));
          stream.end();
        });
      }
      loadSeconds = (performance.now() - loadStart) / 1000;
      log(
        `Loaded ${rows.toLocaleString("en")} rows in ${loadSeconds.toFixed(1)} s; rebuilding ${indexes.length} indexes and ${foreignKeys.length} foreign keys…`,
      );

      const indexStart = performance.now();
      for (const index of indexes) await tx.unsafe(index.def);
      for (const fk of foreignKeys) await tx.unsafe(`alter table ${fk.tbl} add constraint ${fk.name} ${fk.def}`);
      for (const t of summaryTriggers) await tx.unsafe(`alter table ${t.tbl} enable trigger ${t.name}`);
      if (summaryTriggers.length > 0) await tx.unsafe("select dashboard_rebuild()");
      indexSeconds = (performance.now() - indexStart) / 1000;
    });

    // VACUUM as well as ANALYZE, as autovacuum would soon after a bulk load: it sets the
    // visibility map, without which no index-only scan is chosen (the dashboard's detentions per
    // month read 6,700 heap pages for 18,000 cases, 30 ms, instead of 23 index pages, 6 ms).
    await sql.unsafe(
      `vacuum analyze accounts, ${TABLE_NAMES.map(ident).join(", ")}, dashboard_case_items, dashboard_open_counts, dashboard_caseload, dashboard_caseload_due`,
    );
    // Then write the load's dirty pages out now, not while whatever runs next is being measured:
    // the first bench after a generation measured every page slower against the floor than the
    // next run did (dashboard 3.9x, then 2.6x, same build). CHECKPOINT needs a superuser or
    // pg_checkpoint; without either, PostgreSQL writes them out in its own time.
    await sql.unsafe("checkpoint").catch(() => {});
    const rows = Object.values(byTable).reduce((a, b) => a + b, 0);
    return {
      rows,
      byTable,
      seconds: (performance.now() - started) / 1000,
      loadSeconds,
      indexSeconds,
      accounts: {
        admins: admins.map((a) => a.email),
        coordinators: coordinators.map((a) => a.email),
        caseworkers: caseworkers.map((a) => a.email),
      },
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Worker threads running batch jobs; jobs wait for a free worker. */
class WorkerPool {
  private idle: Worker[] = [];
  private waiting: Array<() => void> = [];
  private all: Worker[] = [];

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url));
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  async run(job: BatchJob): Promise<BatchResult> {
    let worker = this.idle.pop();
    while (!worker) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      worker = this.idle.pop();
    }
    const w = worker;
    try {
      return await new Promise<BatchResult>((resolve, reject) => {
        const onMessage = (message: { ok: true; result: BatchResult } | { ok: false; error: string }) => {
          w.off("error", onError);
          if (message.ok) resolve(message.result);
          else reject(new Error(`generating batch ${job.index}: ${message.error}`));
        };
        const onError = (error: Error) => {
          w.off("message", onMessage);
          reject(error);
        };
        w.once("message", onMessage);
        w.once("error", onError);
        w.postMessage(job);
      });
    } finally {
      this.idle.push(w);
      this.waiting.shift()?.();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
