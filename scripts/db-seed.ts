/** `npm run db:seed`: migrates, then loads the demo cases and accounts into an empty database. */
import { makeDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { runMain } from "./lib/cli";
import { openDatabase } from "./lib/database";

runMain(async () => {
  const database = await openDatabase();
  const db = makeDb(database.url, { max: 2 });
  try {
    await runMigrations(database.url);
    if (await seedDemo(db)) {
      console.log(
        `Seeded the demo. Accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`,
      );
    } else {
      console.log("The database already has accounts: nothing seeded.");
    }
  } finally {
    await db.client.end();
    await database.stop();
  }
});
