/**
 * `npm run test:reliability`: the reliability checks of issue #7 against the production build and
 * a real PostgreSQL.
 *
 * 1. concurrent edits: randomized concurrent case updates, reconciled against the database and
 *    the audit log (accepted = written once, refused = a conflict answer, nothing lost);
 * 2. load: many clients log consular contacts; exactly one row and one audit row each, no 5xx;
 * 3. database fault: a throwaway embedded PostgreSQL stopped and started under write load; 503
 *    while down, serving again within 5 s, nothing half-written;
 * 4. hostile input: malformed payloads to every Server Action and route handler; no 5xx, no
 *    invalid row.
 *
 * Items 1, 2 and 4 use databases `casefile_rel_<run>_…` on TEST_DATABASE_URL or DATABASE_URL (else
 * an embedded server in .data/test-postgres), dropped at the end. The build in .next is reused when
 * present, else built. `--small` is the CI scale; `--only 1,3` runs some items; `--seed N`.
 */
import path from "node:path";
import { ensureBuild, startServer } from "./lib/bench/server";
import { runMain } from "./lib/cli";
import { assertReachable, parseUrlFromEnv } from "./lib/database";
import { type EmbeddedServer, startEmbedded } from "./lib/embedded-pg";
import { concurrentEdits } from "./lib/reliability/concurrent-edits";
import { databaseFault } from "./lib/reliability/db-fault";
import { fuzz } from "./lib/reliability/fuzz";
import { loadNothingLost } from "./lib/reliability/load";
import { type Check, dropDatabases, freshDatabase, RELIABILITY_DB_PREFIX } from "./lib/reliability/setup";

const argv = process.argv.slice(2);
const small = argv.includes("--small");
const flagValue = (flag: string) => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};
const seed = Number(flagValue("--seed") ?? 7);
const only = new Set((flagValue("--only") ?? "1,2,3,4").split(",").map((s) => s.trim()));

/** The issue's figures, and the CI scale (≤ 2 minutes on a 2-core machine). */
const SCALE = small
  ? {
      edits: { updates: 200, clients: 20, cases: 20 },
      load: { contacts: 400, clients: 50, cases: 50 },
      fault: { clients: 6, loadSeconds: 2, downSeconds: 3 },
      fuzz: { payloads: 1200, concurrency: 6 },
    }
  : {
      edits: { updates: 1000, clients: 20, cases: 20 },
      load: { contacts: 10_000, clients: 50, cases: 100 },
      fault: { clients: 10, loadSeconds: 4, downSeconds: 5 },
      fuzz: { payloads: 10_000, concurrency: 8 },
    };

const failures: string[] = [];

function report(title: string, figures: Record<string, number | string>, checks: Check[]) {
  console.log(`\n${title}`);
  console.log(
    `  ${Object.entries(figures)
      .map(([k, v]) => `${k}: ${typeof v === "number" ? v.toLocaleString("en") : v}`)
      .join(", ")}`,
  );
  for (const c of checks) {
    console.log(`  ${c.ok ? "✓" : "✗"} ${c.name}${c.ok || !c.detail ? "" : `: ${c.detail}`}`);
    if (!c.ok) failures.push(`${title}: ${c.name}`);
  }
}

runMain(async () => {
  const started = performance.now();
  const run = Date.now().toString(36);
  const log = (line: string) => console.log(line);
  console.log(`Reliability checks at ${small ? "CI (--small)" : "full"} scale, seed ${seed}.`);

  let embedded: EmbeddedServer | null = null;
  let adminUrl = parseUrlFromEnv("TEST_DATABASE_URL") ?? parseUrlFromEnv("DATABASE_URL");
  if (adminUrl) await assertReachable(adminUrl);
  else {
    embedded = await startEmbedded(path.resolve(".data/test-postgres"));
    adminUrl = embedded.url;
  }
  const built = await ensureBuild({}, log);
  if (!built) console.log("Reusing the production build in .next/ (delete it to rebuild).");

  try {
    if (only.has("1") || only.has("2") || only.has("4")) {
      const url = await freshDatabase(adminUrl, run, "main");
      const server = await startServer(url);
      try {
        if (only.has("1")) {
          const r = await concurrentEdits({ url, baseUrl: server.url, seed, ...SCALE.edits });
          report("1. Concurrent edits", r.figures, r.checks);
        }
        if (only.has("2")) {
          const r = await loadNothingLost({ url, baseUrl: server.url, seed, ...SCALE.load });
          report("2. Load, nothing lost", r.figures, r.checks);
        }
        if (only.has("4")) {
          const r = await fuzz({ url, baseUrl: server.url, seed, ...SCALE.fuzz });
          report("4. Hostile input", r.figures, r.checks);
          console.log("  payloads per target (sent / accepted / refused / 5xx):");
          for (const [target, t] of Object.entries(r.perTarget)) {
            console.log(`    ${target.replace(/^app\//, "")}: ${t.sent} / ${t.accepted} / ${t.refused} / ${t.fiveXx}`);
          }
        }
      } finally {
        await server.stop();
      }
    }
    if (only.has("3")) {
      console.log("\n3. Database fault: starting a throwaway embedded PostgreSQL…");
      const r = await databaseFault({ seed, log, ...SCALE.fault });
      report("3. Database fault", r.figures, r.checks);
    }
  } finally {
    await dropDatabases(adminUrl, `${RELIABILITY_DB_PREFIX}${run}_`).catch(() => {});
    await embedded?.stop();
  }

  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nreliability: ${failures.length === 0 ? "all checks passed" : `${failures.length} checks failed`} in ${seconds.toFixed(0)} s`,
  );
  if (failures.length > 0) process.exit(1);
});
