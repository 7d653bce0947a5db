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

/**
 * A whole number from the environment variable `name`, from `min` to `max`; `fallback` when unset.
 * Anything else is refused with one sentence naming the variable, the range and what was given.
 */
function wholeNumber(
  name: string,
  value: string | undefined,
  fallback: number,
  { min, max, unit = "" }: { min: number; max: number; unit?: string },
): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number${unit} from ${min} to ${max}, got "${value}".`);
  }
  return n;
}

export function parsePort(value: string | undefined, fallback: number): number {
  return wholeNumber("PORT", value, fallback, { min: 1, max: 65535 });
}

/** The server's V8 heap limit, in MB, from CASEFILE_HEAP_MB (see scripts/lib/next-server.ts). */
export function parseHeapMb(value: string | undefined, fallback: number): number {
  return wholeNumber("CASEFILE_HEAP_MB", value, fallback, { min: 128, max: 65536, unit: " of megabytes" });
}

/** How many requests the production server handles at once, from CASEFILE_MAX_RENDERS (scripts/serve.mjs). */
export function parseMaxRenders(value: string | undefined, fallback: number): number {
  return wholeNumber("CASEFILE_MAX_RENDERS", value, fallback, { min: 0, max: 1000 });
}
