/**
 * Finds the database the commands work on: DATABASE_URL when set, else the embedded server with
 * its data under .data/postgres (started here, stopped by the caller).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { ConfigError, parseDatabaseUrl, redact } from "@/lib/config-error";
import { startEmbedded } from "./embedded-pg";

export const DATA_DIR = path.resolve(process.env.CASEFILE_DATA_DIR ?? ".data");

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** Connects once to prove the server answers; turns driver errors into one sentence. */
export async function assertReachable(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`select 1`;
  } catch (error) {
    const reason = (error as { code?: string; message?: string }).code ?? (error as Error).message;
    const u = new URL(url);
    throw new ConfigError(
      `Cannot reach PostgreSQL at ${u.hostname}:${u.port || 5432}/${u.pathname.slice(1) || "postgres"} (${reason}): check DATABASE_URL and that the server is running.`,
    );
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

/** Creates a database on the server behind `adminUrl` if it is missing; returns its URL. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 as x from pg_database where datname = ${name}`;
    if (!row) await sql.unsafe(`create database "${name.replace(/"/g, "")}"`);
  } finally {
    await sql.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function openDatabase(log: (line: string) => void = () => {}): Promise<Database> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    const url = parseDatabaseUrl(fromEnv);
    await assertReachable(url);
    return { url, embedded: false, stop: async () => {} };
  }
  const server = await startEmbedded(path.join(DATA_DIR, "postgres"), log);
  try {
    const url = await ensureDatabase(server.url, "casefile");
    return { url, embedded: true, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** AUTH_SECRET from the environment; for the embedded default, generated once and kept under .data/. */
export function resolveAuthSecret(embedded: boolean): string {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32)
      throw new ConfigError("AUTH_SECRET is too short: use at least 32 random characters (openssl rand -base64 33).");
    return fromEnv;
  }
  if (!embedded) {
    throw new ConfigError(
      "AUTH_SECRET is not set: it is required with DATABASE_URL (in production). Generate one with `openssl rand -base64 33` and set it.",
    );
  }
  const file = path.join(DATA_DIR, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    fs.writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

export { redact };

/** The URL in an environment variable, validated; undefined when the variable is unset or empty. */
export function parseUrlFromEnv(variable: string): string | undefined {
  const value = process.env[variable];
  return value ? parseDatabaseUrl(value, variable) : undefined;
}
