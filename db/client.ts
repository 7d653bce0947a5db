/**
 * The one postgres.js client and Drizzle instance, created on first use and cached on globalThis so
 * that hot reload in development does not open a new pool each time.
 */
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { parseDatabaseUrl } from "@/lib/config-error";
import { noteConnectionClosed, onDatabaseRecovered } from "./availability";
import * as schema from "./schema";

export type Db = ReturnType<typeof makeDb>;
/** A transaction handle, as given to `db.transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Opens a client for a connection string: used by the app (through getDb) and by scripts and tests. */
export function makeDb(url: string, options: { max?: number; onclose?: () => void } = {}) {
  const client = postgres(url, {
    max: options.max ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
    idle_timeout: 30,
    connect_timeout: 5,
    onnotice: () => {},
    onclose: options.onclose,
  });
  return Object.assign(drizzle({ client, schema, casing: "snake_case" }), { client });
}

const globalForDb = globalThis as unknown as { casefileDb?: Db; casefileDbRenewal?: boolean };

/** The app's shared database handle, from DATABASE_URL. */
export function getDb(): Db {
  if (!globalForDb.casefileDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Casefile with `npm start`, which sets it.");
    // A closed connection may be the first sign of an outage: db/availability.ts checks at once.
    globalForDb.casefileDb = makeDb(parseDatabaseUrl(url), { onclose: noteConnectionClosed });
    if (!globalForDb.casefileDbRenewal) {
      globalForDb.casefileDbRenewal = true;
      // After an outage, connections that lived through it can fail once more on their next
      // write: later requests get a fresh pool; the old one finishes its queries and closes.
      onDatabaseRecovered(() => {
        const old = globalForDb.casefileDb;
        globalForDb.casefileDb = undefined;
        void old?.client.end({ timeout: 5 }).catch(() => {});
      });
    }
  }
  return globalForDb.casefileDb;
}
