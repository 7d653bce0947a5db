/**
 * What every reliability check starts from: a fresh migrated database of its own, accounts and
 * cases written straight into it, the production server on a free port, and signed-in sessions.
 */
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { runMigrations } from "@/db/migrate";
import type { Role } from "@/lib/domain";
import { hashPassword } from "@/lib/password";
import { buildSearchText } from "@/lib/search";
import { signIn } from "../bench/session";
import { ensureDatabase } from "../database";

export const RELIABILITY_DB_PREFIX = "casefile_rel_";

export interface Account {
  id: string;
  email: string;
  name: string;
  role: Role;
  password: string;
}

export interface SeededCase {
  id: string;
  ref: string;
}

/** A run's database `casefile_rel_<run>_<part>` on the server behind adminUrl (recreated), migrated. */
export async function freshDatabase(adminUrl: string, run: string, part: string): Promise<string> {
  const name = `${RELIABILITY_DB_PREFIX}${run}_${part}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  await dropDatabases(adminUrl, name);
  const url = await ensureDatabase(adminUrl, name);
  await runMigrations(url);
  return url;
}

/** Drops the databases whose names start with `prefix` (their connections ended first). */
export async function dropDatabases(adminUrl: string, prefix: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${prefix.replace(/_/g, "\\_")}%`}`;
    for (const { datname } of rows) await sql.unsafe(`drop database if exists "${datname}" with (force)`);
  } finally {
    await sql.end();
  }
}

/**
 * Accounts written straight into the database, all with one password (hashed once: argon2 per
 * account would cost seconds at 50 accounts). Names are unique, so a conflict answer's "changed by"
 * can be traced to the account.
 */
export async function makeAccounts(
  sql: postgres.Sql,
  role: Role,
  count: number,
  label: string,
  namePrefix = "Rel",
): Promise<Account[]> {
  const password = `rel-${randomUUID()}`;
  const hash = await hashPassword(password);
  const out: Account[] = [];
  for (let i = 0; i < count; i++) {
    const tag = randomUUID().slice(0, 8);
    const email = `${label}-${i}-${tag}@reliability.example.org`;
    const name = `${namePrefix} ${label} ${i + 1}`;
    const [row] = await sql<{ id: string }[]>`
      insert into accounts (email, name, role, password_hash) values (${email}, ${name}, ${role}, ${hash})
      returning id`;
    out.push({ id: row?.id as string, email, name, role, password });
  }
  return out;
}

/** Cases written straight into the database (as a data import would), detained in Russia. */
export async function makeCases(sql: postgres.Sql, count: number, year: number): Promise<SeededCase[]> {
  const out: SeededCase[] = [];
  for (let i = 0; i < count; i++) {
    const ref = `DC-${year}-${String(i + 1).padStart(4, "0")}`;
    const fullName = `Reliability Person ${i + 1}`;
    const [row] = await sql<{ id: string }[]>`
      insert into cases (ref, full_name, search_text, detaining_country, detained_on, detained_precision, status_on)
      values (${ref}, ${fullName}, ${buildSearchText({ ref, fullName })}, 'RU', '2024-01-15', 'day', '2024-01-15')
      returning id`;
    out.push({ id: row?.id as string, ref });
  }
  return out;
}

/** Signs every account in over HTTP, a few at a time (argon2 is slow on purpose). */
export async function signInAll(baseUrl: string, accounts: Account[], parallel = 4): Promise<string[]> {
  const cookies: string[] = new Array(accounts.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < accounts.length) {
        const i = next++;
        const a = accounts[i] as Account;
        cookies[i] = await signIn(baseUrl, a.email, a.password);
      }
    }),
  );
  return cookies;
}

/** Runs `worker` on `clients` concurrent loops that share one queue of `total` jobs. */
export async function runClients(
  clients: number,
  total: number,
  worker: (client: number, job: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (next < total) {
        const job = next++;
        await worker(client, job);
      }
    }),
  );
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** One line of a check's report, and whether it passed. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export const check = (name: string, ok: boolean, detail = ""): Check => ({ name, ok, detail });

/** Looks like a stack trace or internal detail leaking into an answer. */
export function leaksInternals(body: string): boolean {
  return /\n\s+at\s+\S+|node_modules\/|\.tsx?:\d+:\d+|DrizzleQueryError|PostgresError|ECONNREFUSED/.test(body);
}
