/**
 * `npm run db:generate-data -- --cases 100000 [--seed N] [--database-url URL] [--today YYYY-MM-DD]`:
 * migrates, then fills an EMPTY database with realistic synthetic cases (scripts/lib/generator).
 * The database is --database-url, else DATABASE_URL, else the embedded one (.data/postgres). The
 * same seed and the same --today (default: today) give the same rows, ids included.
 */
import { runMigrations } from "@/db/migrate";
import { ConfigError, parseDatabaseUrl, redact } from "@/lib/config-error";
import { todayIso } from "@/lib/partial-date";
import { intFlag, parseFlags } from "./lib/bench/args";
import { runMain } from "./lib/cli";
import { assertReachable, type Database, openDatabase } from "./lib/database";
import { GENERATED_PASSWORD, generateData } from "./lib/generator";

runMain(async () => {
  const flags = parseFlags(process.argv.slice(2), { values: ["cases", "seed", "database-url", "today"] });
  const cases = intFlag(flags, "cases", 100_000, 1, 10_000_000);
  const seed = intFlag(flags, "seed", 1, 0, 2 ** 32 - 1);
  const today = flags.get("today") ?? todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    throw new ConfigError(`--today must be a date like 2025-06-30, got "${today}".`);
  }

  let database: Database;
  const explicit = flags.get("database-url");
  if (explicit) {
    const url = parseDatabaseUrl(explicit, "--database-url");
    await assertReachable(url);
    database = { url, embedded: false, stop: async () => {} };
  } else {
    database = await openDatabase();
  }
  try {
    console.log(
      `Generating ${cases.toLocaleString("en")} cases (seed ${seed}, today ${today}) into ${database.embedded ? "the embedded PostgreSQL (.data/postgres)" : redact(database.url)}.`,
    );
    await runMigrations(database.url);
    const result = await generateData({ url: database.url, cases, seed, today, progress: true });
    const perTable = Object.entries(result.byTable)
      .map(([table, n]) => `${table} ${n.toLocaleString("en")}`)
      .join(", ");
    console.log(`Rows: ${perTable}.`);
    console.log(
      `Done: ${result.rows.toLocaleString("en")} rows in ${result.seconds.toFixed(1)} s (${Math.round(result.rows / result.seconds).toLocaleString("en")} rows/s; loading ${result.loadSeconds.toFixed(1)} s, indexes and foreign keys ${result.indexSeconds.toFixed(1)} s), then VACUUM ANALYZE.`,
    );
    console.log(
      `Accounts (password ${GENERATED_PASSWORD}): ${result.accounts.admins[0]}, ${result.accounts.coordinators[0]}, ${result.accounts.caseworkers[0]} … (${result.accounts.admins.length} admins, ${result.accounts.coordinators.length} coordinators, ${result.accounts.caseworkers.length} caseworkers).`,
    );
  } finally {
    await database.stop();
  }
});
