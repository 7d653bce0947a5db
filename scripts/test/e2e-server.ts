/**
 * Playwright's web server: a fresh database for this run (migrated, demo seeded), then the
 * production build served with `next start`. Specs add their own rows through e2e/fixtures.ts.
 */
import { spawn } from "node:child_process";
import { makeDb } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { runMain } from "../lib/cli";
import { nextStartArgs } from "../lib/next-server";
import { createTestDatabase } from "./databases";

runMain(async () => {
  const url = await createTestDatabase("e2e");
  const db = makeDb(url, { max: 2 });
  await seedDemo(db);
  await db.client.end();
  const port = process.env.E2E_PORT ?? "3100";
  const server = spawn(process.execPath, nextStartArgs(port), {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      // Lets specs set "today" with a cookie (lib/server/clock.ts); never set in production.
      CASEFILE_TEST_CLOCK: "1",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-0123456789abcdef0123456789abcdef",
    },
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  await new Promise<void>((resolve) => server.on("exit", () => resolve()));
});
