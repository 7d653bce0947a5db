/**
 * Whether PostgreSQL answers, known without a query on the hot path. `proxy.ts` asks on every
 * request and answers 503 while the database is down; Server Actions and route handlers report the
 * connection errors they meet. The state lives on globalThis so that the proxy and the app share
 * it when they run in one process.
 *
 * How it stays cheap and current:
 * - while the database is up, a request costs one clock read; at most once a second a request
 *   starts a `select 1` in the background and does not wait for it;
 * - a dedicated one-connection client holds its connection open: when PostgreSQL stops, that
 *   connection closes at once, and the check that follows marks the database down within
 *   milliseconds, before requests pile up behind errors;
 * - while it is down, a request waits for a check at most every 250 ms (a refused connection
 *   fails at once); others get 503 straight away. postgres.js reconnects by itself.
 */
import postgres from "postgres";
import { parseDatabaseUrl } from "@/lib/config-error";

const RECHECK_WHEN_UP_MS = 1000;
const RECHECK_WHEN_DOWN_MS = 250;
/**
 * How long a check waits for PostgreSQL. Only a hung server (one that accepts and says nothing)
 * waits this long: a stopped one refuses or closes the connection at once. Short enough that such
 * an outage shows within seconds; long enough that a machine starved of CPU (a test run hashing
 * passwords beside the server and the browser) does not make a slow answer look like an outage.
 */
const CHECK_TIMEOUT_MS = 2500;
/** A timer this late means the event loop was held. */
const LATE_MS = 250;
const MAX_LATE_FIRINGS = 5;

interface AvailabilityState {
  up: boolean;
  checkedAt: number;
  checking: Promise<boolean> | null;
  probe: postgres.Sql | null;
  /** Called when the database answers again after being down (db/client.ts renews its pool). */
  onRecovered: Set<() => void>;
}

const globalState = globalThis as unknown as { casefileDbAvailability?: AvailabilityState };
globalState.casefileDbAvailability ??= {
  up: true,
  checkedAt: 0,
  checking: null,
  probe: null,
  onRecovered: new Set(),
};
const state: AvailabilityState = globalState.casefileDbAvailability;

/** PostgreSQL error classes and driver codes that mean "could not talk to the server", not "bad query". */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "CONNECT_TIMEOUT",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down)
  "53300", // too_many_connections
]);

/** True for an error (or its cause, as Drizzle wraps driver errors) that says the database is unreachable. */
export function isConnectionError(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || code.startsWith("08"))) return true;
    const errors = (e as { errors?: unknown }).errors; // AggregateError from a multi-address connect
    if (Array.isArray(errors) && errors.some((inner) => isConnectionError(inner))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

function probe(): postgres.Sql {
  if (!state.probe) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    state.probe = postgres(parseDatabaseUrl(url), {
      max: 1,
      // Longer than the check's own timeout, which decides (and tolerates a blocked event loop,
      // which the driver's connect timer would not).
      connect_timeout: 5,
      idle_timeout: 0,
      max_lifetime: null,
      onnotice: () => {},
      // The held connection closing is the first sign of an outage: look at once (only while up, so
      // failed reconnects during an outage do not loop).
      onclose: () => {
        if (state.up) void checkDatabase();
      },
    });
  }
  return state.probe;
}

/** Asks PostgreSQL now (one check at a time; callers share it). Resolves to whether it answered. */
export function checkDatabase(): Promise<boolean> {
  if (state.checking) return state.checking;
  state.checking = (async () => {
    let timer: NodeJS.Timeout | undefined;
    const wasUp = state.up;
    try {
      await Promise.race([
        probe()`select 1`,
        new Promise((_, reject) => {
          // The timeout counts time the event loop was free. A timer that fires well past its due
          // time means a long synchronous task (a first render loading the server's chunks) held
          // the loop, not that PostgreSQL was slow: the check then gets a full timeout from now
          // (a few times at most). And the refusal waits for setImmediate, after the loop's poll
          // phase: an answer that arrived meanwhile is read first. A busy process is not taken for
          // a dead database.
          let lateFirings = 0;
          const arm = () => {
            const due = Date.now() + CHECK_TIMEOUT_MS;
            timer = setTimeout(() => {
              if (Date.now() - due > LATE_MS && lateFirings++ < MAX_LATE_FIRINGS) arm();
              else setImmediate(() => reject(new Error("database check timed out")));
            }, CHECK_TIMEOUT_MS);
          };
          arm();
        }),
      ]);
      state.up = true;
      if (!wasUp) for (const listener of state.onRecovered) listener();
    } catch {
      state.up = false;
      // A fresh client for the next check: one left mid-connect by the outage can stall the next query.
      const stale = state.probe;
      state.probe = null;
      void stale?.end({ timeout: 0 }).catch(() => {});
    } finally {
      clearTimeout(timer);
      state.checkedAt = Date.now();
      state.checking = null;
    }
    return state.up;
  })();
  return state.checking;
}

/** For every request: true unless the database is known to be down. Waits only while it is down. */
export async function databaseAvailable(): Promise<boolean> {
  const age = Date.now() - state.checkedAt;
  if (state.up) {
    if (age >= RECHECK_WHEN_UP_MS && !state.checking) void checkDatabase();
    return true;
  }
  if (age >= RECHECK_WHEN_DOWN_MS || state.checking) return checkDatabase();
  return false;
}

/** Called with an error met while serving: a connection error starts a check at once. Returns whether it was one. */
export function reportDatabaseError(error: unknown): boolean {
  if (!isConnectionError(error)) return false;
  if (!state.checking && (state.up || Date.now() - state.checkedAt >= RECHECK_WHEN_DOWN_MS)) void checkDatabase();
  return true;
}

/** A pooled connection closed (idle timeout, or the server went away): verify, in the background. */
export function noteConnectionClosed(): void {
  if (state.up && !state.checking && Date.now() - state.checkedAt >= RECHECK_WHEN_DOWN_MS) void checkDatabase();
}

/** Runs `listener` each time the database answers again after an outage. */
export function onDatabaseRecovered(listener: () => void): void {
  state.onRecovered.add(listener);
}

/** The one sentence every answer during an outage carries. */
export const UNAVAILABLE_MESSAGE = "Service unavailable: the database cannot be reached. Try again in a moment.";
