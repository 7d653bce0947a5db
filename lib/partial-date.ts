/**
 * Dates as the sources give them: a day, or only a month or a year, sometimes approximate
 * ("early November", "the beginning of the year"). Stored as a representative calendar date plus
 * precision and an approximate mark, so they sort by that date and display no more than is known.
 */
import type { DatePrecision } from "./domain";

export interface PartialDate {
  /** YYYY-MM-DD: the day itself, or a representative day within the month or year. */
  on: string;
  precision: DatePrecision;
  approx: boolean;
}

export type Template = "exact" | "approx" | "early" | "mid" | "late" | "yearOnly";
export interface PartialDateParts {
  template: Template;
  date: Date;
  style: DatePrecision;
}

/** Parses YYYY-MM-DD as a UTC calendar date (no time zone drift). */
export function parseDay(on: string): Date {
  const [y, m, d] = on.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/**
 * An approximate month or year keeps which part of it the source meant in its representative day:
 * the 1st (or 1 January) means "around" that month or year, otherwise the day falls in the early,
 * middle or late third. Exact months and years are stored on their first day.
 */
export const PART_DAY = { early: 5, mid: 15, late: 25 } as const;
export const PART_MONTH = { early: 2, mid: 6, late: 10 } as const;
export type Part = keyof typeof PART_DAY;

function partOf(n: number, of: number): "early" | "mid" | "late" {
  return n <= of / 3 ? "early" : n <= (2 * of) / 3 ? "mid" : "late";
}

/** Which template a date is shown with: what is known, and nothing more. */
export function partialDateParts(value: PartialDate): PartialDateParts {
  const date = parseDay(value.on);
  const style = value.precision;
  if (style === "day") return { template: value.approx ? "approx" : "exact", date, style };
  if (style === "month") {
    if (!value.approx) return { template: "exact", date, style };
    const day = date.getUTCDate();
    return { template: day === 1 ? "approx" : partOf(day, 30), date, style };
  }
  if (!value.approx) return { template: "yearOnly", date, style };
  const month = date.getUTCMonth() + 1;
  const first = month === 1 && date.getUTCDate() === 1;
  return { template: first ? "approx" : partOf(month, 12), date, style };
}

const FORMATS = {
  day: { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" },
  month: { month: "short", year: "numeric", timeZone: "UTC" },
  year: { year: "numeric", timeZone: "UTC" },
} as const satisfies Record<DatePrecision, Intl.DateTimeFormatOptions>;

/**
 * One Intl.DateTimeFormat per locale and precision, made once: making one costs far more than
 * formatting with it (a long case's page formats hundreds of dates).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(locale: string, style: DatePrecision): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, FORMATS[style]);
    formatters.set(key, formatter);
  }
  return formatter;
}

export type DateTemplateKey = "unknown" | "approx" | "early" | "mid" | "late" | "yearOnly";

/** "7 Nov 2017", "c. 7 Nov 2017", "early Nov 2017", "Nov 2017", "early 2024", "2024, month unknown". */
export function formatPartialDate(
  value: PartialDate | null | undefined,
  locale: string,
  t: (key: DateTemplateKey, values?: Record<string, string>) => string,
): string {
  if (!value) return t("unknown");
  const parts = partialDateParts(value);
  const text = formatterFor(locale, parts.style).format(parts.date);
  switch (parts.template) {
    case "exact":
      return text;
    case "yearOnly":
      return t("yearOnly", { year: text });
    default:
      return t(parts.template, { date: text });
  }
}

/** The form's fields for a date: year, optional month and day, the part of a period, approximate. */
export interface PartialDateFields {
  year: string;
  month: string;
  day: string;
  part: "" | Part;
  approx: boolean;
}

export const EMPTY_DATE_FIELDS: PartialDateFields = { year: "", month: "", day: "", part: "", approx: false };

/** Stored value back to form fields (for editing). */
export function toDateFields(value: PartialDate | null | undefined): PartialDateFields {
  if (!value) return EMPTY_DATE_FIELDS;
  const d = parseDay(value.on);
  const year = String(d.getUTCFullYear());
  if (value.precision === "day") {
    return { year, month: String(d.getUTCMonth() + 1), day: String(d.getUTCDate()), part: "", approx: value.approx };
  }
  const { template } = partialDateParts(value);
  const part = template === "early" || template === "mid" || template === "late" ? template : "";
  if (value.precision === "month")
    return { year, month: String(d.getUTCMonth() + 1), day: "", part, approx: value.approx };
  return { year, month: "", day: "", part, approx: value.approx };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Form fields to the stored value; the fields must already be valid (see lib/schemas/partial-date.ts). */
export function fromDateFields(f: PartialDateFields): PartialDate {
  const year = Number(f.year);
  if (f.month && f.day)
    return { on: `${year}-${pad(Number(f.month))}-${pad(Number(f.day))}`, precision: "day", approx: f.approx };
  const approx = f.approx || f.part !== "";
  if (f.month) {
    const day = f.part ? PART_DAY[f.part] : 1;
    return { on: `${year}-${pad(Number(f.month))}-${pad(day)}`, precision: "month", approx };
  }
  const month = f.part ? PART_MONTH[f.part] : 1;
  return { on: `${year}-${pad(month)}-${f.part ? "15" : "01"}`, precision: "year", approx };
}

/** Whole days from `today` to `day` (negative when past). Both YYYY-MM-DD. */
export function daysUntil(day: string, today: string): number {
  return Math.round((parseDay(day).getTime() - parseDay(today).getTime()) / 86_400_000);
}

/** Today's date as YYYY-MM-DD in UTC; tests and the dashboard may pass their own. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
