/**
 * `npm start` (and `npm run dev` with --dev): finds or starts the database, migrates, seeds the
 * demo on first run where that is wanted, builds if the build is missing or older than the source,
 * then serves Next.js on PORT (default 3000) and prints the URL and the demo accounts.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { count } from "drizzle-orm";
import { makeDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { accounts } from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { ConfigError, parsePort } from "@/lib/config-error";
import { runMain } from "./lib/cli";
import { openDatabase, resolveAuthSecret } from "./lib/database";
import { NEXT_BIN, nextStartArgs } from "./lib/next-server";

const dev = process.argv.includes("--dev");
const SOURCE_DIRS = ["app", "components", "db", "lib", "i18n", "messages"];
const SOURCE_FILES = ["next.config.ts", "proxy.ts", "package.json", "tsconfig.json", "postcss.config.mjs"];

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** True when there is no production build, or the source changed after it was made. */
function needsBuild(): boolean {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((entry) => newestMtime(entry) > built);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(args[0] ?? command)} ${args[1] ?? ""} exited with code ${code}`)),
    );
  });
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error("the Next.js server exited while starting; see the lines above");
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the Next.js server did not answer within 150 seconds");
}

runMain(async () => {
  const port = parsePort(process.env.PORT, 3000);
  nextStartArgs(port); // a bad CASEFILE_HEAP_MB or CASEFILE_MAX_RENDERS is refused before anything starts
  const database = await openDatabase((line) => {
    if (process.env.DEBUG) console.log(`[postgres] ${line}`);
  });
  let server: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server?.once("exit", r));
    }
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const authSecret = resolveAuthSecret(database.embedded);
    if (!(await portIsFree(port))) {
      throw new ConfigError(`Port ${port} is already in use: stop whatever is using it, or set PORT to another port.`);
    }
    console.log(
      database.embedded
        ? "Using the embedded PostgreSQL (data in .data/postgres)."
        : "Using the database at DATABASE_URL.",
    );
    await runMigrations(database.url);

    const wantDemo = database.embedded || process.env.SEED_DEMO === "1";
    const db = makeDb(database.url, { max: 2 });
    let seeded = false;
    let accountCount = 0;
    try {
      if (wantDemo) seeded = await seedDemo(db);
      [{ n: accountCount } = { n: 0 }] = await db.select({ n: count() }).from(accounts);
    } finally {
      await db.client.end();
    }
    if (seeded) console.log("Seeded the demo cases and accounts.");

    const env = { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: authSecret, PORT: String(port) };
    if (!dev && needsBuild()) {
      console.log("Building Casefile (first start, or the source changed)…");
      await run(process.execPath, [NEXT_BIN, "build"], { ...env, NODE_ENV: "production" });
    }
    server = spawn(process.execPath, dev ? [NEXT_BIN, "dev", "-p", String(port)] : nextStartArgs(port), {
      stdio: ["ignore", "inherit", "inherit"],
      env: dev ? env : { ...env, NODE_ENV: "production" },
    });
    server.on("exit", (code) => void shutdown(stopping ? 0 : (code ?? 1)));
    const url = `http://localhost:${port}`;
    await waitUntilServing(url, server);

    const lines = [``, `Casefile is running at ${url}`];
    if (wantDemo) {
      lines.push(`Demo accounts (password: ${DEMO_PASSWORD}):`);
      for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.role.padEnd(12)} ${a.email}`);
    } else if (accountCount === 0) {
      lines.push(
        "No accounts yet. Create the first admin with:",
        "  npm run user:create -- --email you@example.org --role admin",
      );
    }
    lines.push("Press Ctrl+C to stop.", "");
    console.log(lines.join("\n"));
  } catch (error) {
    if (server && server.exitCode === null) server.kill("SIGTERM");
    await database.stop();
    throw error;
  }
});
