/**
 * `npm run db:restore -- FILE`: restores a dump made by `npm run db:backup` into Casefile's database
 * (DATABASE_URL, else the embedded one), which must be empty. All or nothing: one transaction.
 */
import fs from "node:fs";
import path from "node:path";
import { ConfigError } from "@/lib/config-error";
import { fingerprint, restoreDatabase } from "./lib/backup";
import { runMain } from "./lib/cli";
import { openDatabase } from "./lib/database";

runMain(async () => {
  const [given] = process.argv.slice(2).filter((a) => a !== "--");
  if (!given) throw new ConfigError("Name the backup to restore: npm run db:restore -- backups/casefile-….dump");
  const file = path.resolve(given);
  if (!fs.existsSync(file)) throw new ConfigError(`There is no backup file at ${file}.`);
  const database = await openDatabase();
  try {
    await restoreDatabase(database.url, file);
    const tables = await fingerprint(database.url);
    const rows = tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(`Restored ${tables.length} tables, ${rows.toLocaleString("en")} rows, from ${file}.`);
    for (const t of tables) console.log(`  ${t.table.padEnd(32)} ${String(t.rows).padStart(9)}  ${t.md5}`);
  } finally {
    await database.stop();
  }
});
