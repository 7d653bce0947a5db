import { inject } from "vitest";

// The DAL's shared client (db/client.ts getDb) reads DATABASE_URL: point it at this run's database.
process.env.DATABASE_URL = inject("databaseUrl");
