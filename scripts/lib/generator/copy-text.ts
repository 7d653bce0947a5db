/**
 * Rows in PostgreSQL's COPY text format: tab between columns, newline after each row, \N for null,
 * and backslash escapes for the characters that would break the format.
 */

export type Cell = string | number | boolean | null | undefined | readonly string[];

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

function text(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c] ?? c) : value;
}

/** A text[] literal ({"a","b"}), then escaped for COPY like any other value. */
function array(values: readonly string[]): string {
  if (values.length === 0) return "{}";
  return text(`{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`);
}

function cell(value: Cell): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return text(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return array(value);
}

function plain(value: Cell): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return array(value);
}

/** One row, ready to append to a COPY stream. */
export function copyRow(values: readonly Cell[]): string {
  const out = new Array<string>(values.length);
  let safe = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "string") {
      out[i] = v;
      if (safe && SPECIAL.test(v)) safe = false;
    } else out[i] = plain(v);
  }
  if (!safe) for (let i = 0; i < values.length; i++) out[i] = cell(values[i]);
  return `${out.join("\t")}\n`;
}
