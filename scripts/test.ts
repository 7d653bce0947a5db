/**
 * `npm test`: the whole suite against a real PostgreSQL. The server is TEST_DATABASE_URL or
 * DATABASE_URL when set, else an embedded one (.data/test-postgres). Builds once for production,
 * runs Vitest (unit and integration), then Playwright against that build, each in databases of
 * their own that are dropped at the end. `--unit` or `--e2e` runs only that part.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { runMain } from "./lib/cli";
import { assertReachable, parseUrlFromEnv } from "./lib/database";
import { type EmbeddedServer, startEmbedded } from "./lib/embedded-pg";
import { dropDatabases, TEST_DB_PREFIX } from "./test/databases";

const args = new Set(process.argv.slice(2));
const only = args.has("--unit") ? "unit" : args.has("--e2e") ? "e2e" : "all";

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readCounts(file: string, kind: "vitest" | "playwright"): { passed: number; failed: number } | null {
  if (!fs.existsSync(file)) return null;
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  if (kind === "vitest") {
    // A file that failed outside its tests (a hook, an import) counts once: its tests only show as skipped.
    const files: Array<{ status: string; assertionResults: Array<{ status: string }> }> = report.testResults ?? [];
    const brokenFiles = files.filter(
      (f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"),
    ).length;
    return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + brokenFiles };
  }
  return { passed: (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0), failed: report.stats?.unexpected ?? 0 };
}

runMain(async () => {
  const runId = Date.now().toString(36);
  let embedded: EmbeddedServer | null = null;
  let adminUrl = parseUrlFromEnv("TEST_DATABASE_URL") ?? parseUrlFromEnv("DATABASE_URL");
  if (adminUrl) {
    await assertReachable(adminUrl);
    console.log(`Testing against the PostgreSQL server at ${new URL(adminUrl).host}.`);
  } else {
    embedded = await startEmbedded(path.resolve(".data/test-postgres"));
    adminUrl = embedded.url;
    console.log("Testing against an embedded PostgreSQL (.data/test-postgres).");
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEST_ADMIN_DATABASE_URL: adminUrl,
    CASEFILE_TEST_RUN: runId,
    AUTH_SECRET: process.env.AUTH_SECRET ?? `test-${runId}-0123456789abcdef0123456789abcdef`,
  };
  // Test databases of runs that ended without cleaning up (killed) and are older than six hours.
  const cutoff = Date.now() - 6 * 3600_000;
  process.env.TEST_ADMIN_DATABASE_URL = adminUrl;
  await dropStale(cutoff);

  const results: Array<{ passed: number; failed: number } | null> = [];
  let failed = false;
  fs.rmSync("test-results", { recursive: true, force: true });
  try {
    if (only !== "e2e") {
      const code = await run(
        process.execPath,
        [
          "node_modules/vitest/vitest.mjs",
          "run",
          "--reporter=default",
          "--reporter=json",
          "--outputFile.json=test-results/vitest.json",
        ],
        env,
      );
      failed ||= code !== 0;
      results.push(readCounts("test-results/vitest.json", "vitest"));
    }
    if (only !== "unit") {
      if (!process.env.SKIP_BUILD) {
        const code = await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
          ...env,
          NODE_ENV: "production",
        });
        if (code !== 0) throw new Error("the production build failed; see the lines above");
      }
      const code = await run(process.execPath, ["node_modules/@playwright/test/cli.js", "test"], env);
      failed ||= code !== 0;
      results.push(readCounts("test-results/playwright.json", "playwright"));
    }
  } finally {
    await dropDatabases(`${TEST_DB_PREFIX}${runId}_`).catch(() => {});
    await embedded?.stop();
  }
  const passed = results.reduce((n, r) => n + (r?.passed ?? 0), 0);
  const failures = results.reduce((n, r) => n + (r?.failed ?? 0), 0) + (results.some((r) => r === null) ? 1 : 0);
  console.log(`\ntests: ${passed} passed, ${failures} failed`);
  if (failed || failures > 0) process.exit(1);
});

async function dropStale(cutoff: number) {
  const { default: postgres } = await import("postgres");
  const sql = postgres(process.env.TEST_ADMIN_DATABASE_URL as string, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${TEST_DB_PREFIX.replace(/_/g, "\\_")}%`}`;
    for (const { datname } of rows) {
      const started = Number.parseInt(datname.slice(TEST_DB_PREFIX.length).split("_")[0] ?? "", 36);
      if (Number.isFinite(started) && started < cutoff) await dropDatabases(datname);
    }
  } finally {
    await sql.end();
  }
}
