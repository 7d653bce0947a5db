/**
 * Backups with PostgreSQL's own tools: `pg_dump --format=custom` to a file, `pg_restore` of such a
 * file into an empty database in one transaction, and a fingerprint of a database (rows and an md5
 * per table) to prove a restore matches its source. The tools come from PG_BIN when set, else PATH;
 * pg_dump must be at least as new as the server it dumps.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { ConfigError } from "@/lib/config-error";

const run = promisify(execFile);

function tool(name: "pg_dump" | "pg_restore"): string {
  return process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : name;
}

/** The connection as libpq environment variables, so that no password shows in the process list. */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || "5432",
    PGUSER: decodeURIComponent(u.username || "postgres"),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1) || "postgres"),
  };
}

async function toolMajor(name: "pg_dump" | "pg_restore"): Promise<number> {
  try {
    const { stdout } = await run(tool(name), ["--version"]);
    const major = Number(/\b(\d+)(?:\.\d+)?/.exec(stdout)?.[1]);
    if (!Number.isInteger(major)) throw new Error(stdout);
    return major;
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT")
      throw new ConfigError(
        `${name} was not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client), or set PG_BIN to the folder that holds ${name}.`,
      );
    throw error;
  }
}

async function serverMajor(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ v: string }[]>`select current_setting('server_version_num') as v`;
    return Math.floor(Number(row?.v) / 10000);
  } finally {
    await sql.end();
  }
}

/** Checks that the tool can handle the server (pg_dump refuses a newer server, and says so late). */
async function assertToolFits(name: "pg_dump" | "pg_restore", url: string): Promise<void> {
  const [mine, theirs] = await Promise.all([toolMajor(name), serverMajor(url)]);
  if (mine < theirs)
    throw new ConfigError(
      `${name} is PostgreSQL ${mine} and the server is PostgreSQL ${theirs}: ${name} must be at least as new as the server. Install postgresql-client-${theirs}, or set PG_BIN to its folder.`,
    );
}

/** Writes a custom-format dump of the database at `url` to `file`. */
export async function backupDatabase(url: string, file: string): Promise<void> {
  await assertToolFits("pg_dump", url);
  try {
    await run(tool("pg_dump"), ["--format=custom", "--compress=6", `--file=${file}`], { env: libpqEnv(url) });
  } catch (error) {
    throw new ConfigError(`pg_dump failed: ${String((error as { stderr?: string }).stderr ?? error).trim()}`);
  }
}

/** The user tables of a database, schema-qualified, in a stable order. */
async function userTables(sql: postgres.Sql): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select format('%I.%I', n.nspname, c.relname) as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
      and n.nspname not like 'pg\\_%'
    order by 1`;
  return rows.map((r) => r.name);
}

/** Restores a custom-format dump into the database at `url`, which must hold no tables yet. */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  await assertToolFits("pg_restore", url);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await userTables(sql);
    if (tables.length > 0)
      throw new ConfigError(
        `The database ${new URL(url).pathname.slice(1)} is not empty (it has ${tables.length} tables, ${tables.slice(0, 3).join(", ")}…): restore into an empty database.`,
      );
  } finally {
    await sql.end();
  }
  try {
    await run(
      tool("pg_restore"),
      [
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        "--no-acl",
        `--dbname=${libpqEnv(url).PGDATABASE}`,
        file,
      ],
      { env: libpqEnv(url) },
    );
  } catch (error) {
    throw new ConfigError(
      `pg_restore failed and restored nothing: ${String((error as { stderr?: string }).stderr ?? error).trim()}`,
    );
  }
}

export interface TableFingerprint {
  table: string;
  rows: number;
  md5: string;
}

/** Rows and an md5 over every row's text, in a stable order, for each user table. */
export async function fingerprint(url: string): Promise<TableFingerprint[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const result: TableFingerprint[] = [];
    for (const table of await userTables(sql)) {
      const [row] = await sql.unsafe<{ rows: number; md5: string }[]>(
        `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from ${table} t`,
      );
      result.push({ table, rows: row?.rows ?? 0, md5: row?.md5 ?? "" });
    }
    return result;
  } finally {
    await sql.end();
  }
}
