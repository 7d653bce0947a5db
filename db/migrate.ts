import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { makeDb } from "./client";

/** Applies the committed SQL migrations in db/migrations; safe to run from several servers at once. */
export async function runMigrations(url: string): Promise<void> {
  const db = makeDb(url, { max: 1 });
  try {
    await db.execute(sql`select pg_advisory_lock(7283911)`);
    await migrate(db, { migrationsFolder: path.join(process.cwd(), "db/migrations") });
    await db.execute(sql`select pg_advisory_unlock(7283911)`);
  } finally {
    await db.client.end();
  }
}
