/**
 * `npm run db:backup [-- FILE]`: a custom-format pg_dump of Casefile's database (DATABASE_URL, else
 * the embedded one) to FILE, by default backups/casefile-<date>-<time>.dump.
 */
import fs from "node:fs";
import path from "node:path";
import { format } from "date-fns";
import { backupDatabase, fingerprint } from "./lib/backup";
import { runMain } from "./lib/cli";
import { openDatabase } from "./lib/database";

runMain(async () => {
  const [given] = process.argv.slice(2).filter((a) => a !== "--");
  const file = path.resolve(given ?? `backups/casefile-${format(new Date(), "yyyyMMdd-HHmmss")}.dump`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = await openDatabase();
  try {
    const started = performance.now();
    await backupDatabase(database.url, file);
    const tables = await fingerprint(database.url);
    const rows = tables.reduce((sum, t) => sum + t.rows, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Backed up ${tables.length} tables, ${rows.toLocaleString("en")} rows, to ${file} (${(fs.statSync(file).size / 1024).toFixed(0)} KB, ${seconds} s).`,
    );
    console.log(`Restore it into an empty database with: npm run db:restore -- ${path.relative(process.cwd(), file)}`);
  } finally {
    await database.stop();
  }
});
