/** A start-up problem the operator can fix: printed as one sentence, never as a stack trace. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Validates a postgres:// URL and returns it, or throws a ConfigError naming the variable. */
export function parseDatabaseUrl(value: string, variable = "DATABASE_URL"): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      `${variable} is not a valid URL: expected postgres://user:password@host:5432/database, got "${redact(value)}".`,
    );
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new ConfigError(`${variable} must start with postgres:// or postgresql://, got "${url.protocol}//…".`);
  }
  if (!url.hostname) throw new ConfigError(`${variable} names no host: expected postgres://user@host:5432/database.`);
  return value;
}

/** Hides a password in a connection string before it is printed. */
export function redact(value: string): string {
  return value.replace(/\/\/([^:/@]+):([^@]*)@/, "//$1:***@");
}

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535, got "${value}".`);
  }
  return n;
}

/** The server's V8 heap limit, in MB, from CASEFILE_HEAP_MB (see scripts/lib/next-server.ts). */
export function parseHeapMb(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 128 || n > 65536) {
    throw new ConfigError(`CASEFILE_HEAP_MB must be a whole number of megabytes from 128 to 65536, got "${value}".`);
  }
  return n;
}

/** How many requests the production server handles at once, from CASEFILE_MAX_RENDERS (scripts/serve.mjs). */
export function parseMaxRenders(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1000) {
    throw new ConfigError(`CASEFILE_MAX_RENDERS must be a whole number from 0 to 1000, got "${value}".`);
  }
  return n;
}
