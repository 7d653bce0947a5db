/**
 * Throwaway databases for tests: each test run (and each of its parts) gets its own, created on
 * the server at TEST_ADMIN_DATABASE_URL and dropped when the run ends.
 */
import postgres from "postgres";
import { runMigrations } from "@/db/migrate";
import { ensureDatabase } from "../lib/database";

export const TEST_DB_PREFIX = "casefile_test_";

/** The server to make test databases on, as a URL to its maintenance database. */
export function adminUrl(): string {
  const url =
    process.env.TEST_ADMIN_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    process.env.DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  return url;
}

/** The run id shared by every process of one test run (set by scripts/test.ts or playwright.config.ts). */
export function testRunId(): string {
  process.env.CASEFILE_TEST_RUN ??= Date.now().toString(36);
  return process.env.CASEFILE_TEST_RUN;
}

export function testDatabaseName(part: string): string {
  return `${TEST_DB_PREFIX}${testRunId()}_${part}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
}

/** The URL of this run's database for `part` (it exists once createTestDatabase(part) has run). */
export function testDatabaseUrl(part: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${testDatabaseName(part)}`;
  return url.toString();
}

/** Creates (or recreates) a database named for this run and part, migrated; returns its URL. */
export async function createTestDatabase(part: string): Promise<string> {
  const name = testDatabaseName(part);
  await dropDatabases(name);
  const url = await ensureDatabase(adminUrl(), name);
  await runMigrations(url);
  return url;
}

/** Drops the test databases whose names start with `prefix` (their connections are ended first). */
export async function dropDatabases(prefix: string): Promise<void> {
  const sql = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${prefix.replace(/_/g, "\\_")}%`}`;
    for (const { datname } of rows) {
      await sql.unsafe(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await sql.end();
  }
}
