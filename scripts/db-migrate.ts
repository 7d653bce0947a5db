/** `npm run db:migrate`: applies db/migrations to DATABASE_URL (or the embedded database). */
import { runMigrations } from "@/db/migrate";
import { runMain } from "./lib/cli";
import { openDatabase } from "./lib/database";

runMain(async () => {
  const database = await openDatabase();
  try {
    await runMigrations(database.url);
    console.log("Migrations applied.");
  } finally {
    await database.stop();
  }
});
