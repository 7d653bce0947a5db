/**
 * The bench's database: `casefile_bench_<N>` on the server at TEST_DATABASE_URL or DATABASE_URL,
 * else on an embedded server with its data in .data/bench-postgres. Reused when it already holds N
 * cases; otherwise (re)made with the generator (seed 1), plus one case with a 500-item timeline.
 */
import path from "node:path";
import postgres from "postgres";
import { makeDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed/demo";
import { todayIso } from "@/lib/partial-date";
import { assertReachable, DATA_DIR, ensureDatabase, parseUrlFromEnv } from "../database";
import { startEmbedded } from "../embedded-pg";
import { generateData } from "../generator";

export interface BenchDatabase {
  url: string;
  /** Where the database lives, for the report (no password). */
  where: string;
  /** Seconds spent generating data in this run (0 when reused). */
  generatedSeconds: number;
  generatedRows: number;
  stop(): Promise<void>;
}

export const BENCH_SEED = 1;
const BENCH_SHARED_BUFFERS_MB = 512;

/** The PostgreSQL server the bench works on: TEST_DATABASE_URL, DATABASE_URL, or an embedded one. */
export async function openBenchServer(): Promise<{ adminUrl: string; where: string; stop: () => Promise<void> }> {
  const fromEnv = parseUrlFromEnv("TEST_DATABASE_URL") ?? parseUrlFromEnv("DATABASE_URL");
  if (fromEnv) {
    await assertReachable(fromEnv);
    return { adminUrl: fromEnv, where: `the PostgreSQL server at ${new URL(fromEnv).host}`, stop: async () => {} };
  }
  const dataDir = path.join(DATA_DIR, "bench-postgres");
  let server = await startEmbedded(dataDir);
  try {
    // initdb's 128 MB of shared buffers cannot hold a 100,000-case database (about 1 GB), which a
    // production server would be sized for: give the bench's own server 512 MB (takes a restart).
    const sql = postgres(server.url, { max: 1, onnotice: () => {} });
    const [row] = await sql<{ mb: number }[]>`
      select (setting::bigint * 8 / 1024)::int as mb from pg_settings where name = 'shared_buffers'`;
    if ((row?.mb ?? 0) < BENCH_SHARED_BUFFERS_MB) {
      await sql.unsafe(`alter system set shared_buffers = '${BENCH_SHARED_BUFFERS_MB}MB'`);
      await sql.end();
      await server.stop();
      server = await startEmbedded(dataDir);
    } else {
      await sql.end();
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  const running = server;
  return {
    adminUrl: running.url,
    where: `an embedded PostgreSQL (.data/bench-postgres, shared_buffers ${BENCH_SHARED_BUFFERS_MB} MB)`,
    stop: () => running.stop(),
  };
}

export async function openBenchDatabase(cases: number, log: (line: string) => void): Promise<BenchDatabase> {
  const { adminUrl, where, stop } = await openBenchServer();
  try {
    const name = `casefile_bench_${cases}`;
    const url = await ensureDatabase(adminUrl, name);
    await runMigrations(url);
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    let generatedSeconds = 0;
    let generatedRows = 0;
    try {
      const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from cases`;
      if (n !== cases) {
        if (n > 0) {
          log(`${name} holds ${n.toLocaleString("en")} cases, not ${cases.toLocaleString("en")}: making it again.`);
          await sql.end();
          await recreate(adminUrl, name);
          await runMigrations(url);
        }
        log(`Generating ${cases.toLocaleString("en")} cases into ${name} (seed ${BENCH_SEED})…`);
        const result = await generateData({ url, cases, seed: BENCH_SEED, today: todayIso(), progress: true, log });
        generatedSeconds = result.seconds;
        generatedRows = result.rows;
        log(
          `Generated ${result.rows.toLocaleString("en")} rows in ${result.seconds.toFixed(1)} s (${Math.round(result.rows / result.seconds).toLocaleString("en")} rows/s).`,
        );
      } else {
        log(`Reusing ${name} (${n.toLocaleString("en")} cases) on ${where}.`);
      }
    } finally {
      await sql.end({ timeout: 1 }).catch(() => {});
    }
    return { url, where: `${name} on ${where}`, generatedSeconds, generatedRows, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A fresh database with the demo cases and accounts (db/seed/demo.ts), for Lighthouse. */
export async function openDemoDatabase(): Promise<{ url: string; where: string; stop: () => Promise<void> }> {
  const { adminUrl, where, stop } = await openBenchServer();
  try {
    const name = "casefile_lighthouse";
    await recreate(adminUrl, name);
    const url = await ensureDatabase(adminUrl, name);
    await runMigrations(url);
    const db = makeDb(url, { max: 2 });
    try {
      await seedDemo(db);
    } finally {
      await db.client.end();
    }
    return { url, where: `${name} on ${where}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function recreate(adminUrl: string, name: string) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end();
  }
}
