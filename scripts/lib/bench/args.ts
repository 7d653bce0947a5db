/** Command-line flags (`--cases 2000`, `--cases=2000`, `--keep`) for the data and bench scripts. */
import { ConfigError } from "@/lib/config-error";

export interface FlagSpec {
  /** Flags that take a value. */
  values: readonly string[];
  /** Flags that stand alone. */
  switches?: readonly string[];
}

export function parseFlags(argv: readonly string[], spec: FlagSpec): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new ConfigError(`Unexpected argument "${arg}": flags look like --cases 100000.`);
    const [, name = "", inline] = match;
    if (spec.switches?.includes(name)) {
      flags.set(name, "true");
    } else if (spec.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--")) throw new ConfigError(`--${name} needs a value.`);
      flags.set(name, value);
    } else {
      const known = [...spec.values, ...(spec.switches ?? [])].map((f) => `--${f}`).join(", ");
      throw new ConfigError(`Unknown flag --${name}: the known flags are ${known}.`);
    }
  }
  return flags;
}

/** A whole number within [min, max], or the fallback when the flag is absent. */
export function intFlag(flags: Map<string, string>, name: string, fallback: number, min: number, max: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`--${name} must be a whole number from ${min} to ${max.toLocaleString("en")}, got "${raw}".`);
  }
  return n;
}
