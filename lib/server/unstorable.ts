/**
 * PostgreSQL's text cannot hold the NUL character (U+0000): a value carrying one fails in the
 * database with an error, not a validation message. No form sends one; crafted calls do (found by
 * the reliability fuzzer). Server Actions refuse them up front, naming the fields.
 */
export const UNSTORABLE_MESSAGE = "Contains a character that cannot be stored (NUL). Remove it and try again.";

/** Dotted paths of every string (value or key) in `value` that contains NUL; "_form" for the top level. */
export function unstorablePaths(value: unknown, path: string[] = [], out: string[] = [], depth = 0): string[] {
  if (depth > 64 || out.length >= 20) return out;
  if (typeof value === "string") {
    if (value.includes("\u0000")) out.push(path.join(".") || "_form");
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      unstorablePaths(v, [...path, String(i)], out, depth + 1);
    });
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) out.push([...path, k].join("."));
      else unstorablePaths(v, [...path, k], out, depth + 1);
    }
  }
  return out;
}
