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

export type PartialDateParts =
  | { template: "exact" | "approxDay"; date: Date; style: "day" }
  | { template: "exact" | "early" | "mid" | "late"; date: Date; style: "month" }
  | { template: "yearOnly" | "early" | "mid" | "late"; date: Date; style: "year" };

/** Parses YYYY-MM-DD as a UTC calendar date (no time zone drift). */
export function parseDay(on: string): Date {
  const [y, m, d] = on.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function third(n: number, of: number): "early" | "mid" | "late" {
  return n <= of / 3 ? "early" : n <= (2 * of) / 3 ? "mid" : "late";
}

/** Which template a date is shown with: what is known, and nothing more. */
export function partialDateParts(value: PartialDate): PartialDateParts {
  const date = parseDay(value.on);
  if (value.precision === "day") return { template: value.approx ? "approxDay" : "exact", date, style: "day" };
  if (value.precision === "month") {
    return { template: value.approx ? third(date.getUTCDate(), 30) : "exact", date, style: "month" };
  }
  return { template: value.approx ? third(date.getUTCMonth() + 1, 12) : "yearOnly", date, style: "year" };
}

const FORMATS = {
  day: { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" },
  month: { month: "short", year: "numeric", timeZone: "UTC" },
  year: { year: "numeric", timeZone: "UTC" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** "7 Nov 2017", "c. 7 Nov 2017", "early Nov 2017", "Nov 2017", "early 2024", "2024, month unknown". */
export function formatPartialDate(
  value: PartialDate | null | undefined,
  locale: string,
  t: (key: "unknown" | "approxDay" | "early" | "mid" | "late" | "yearOnly", values?: Record<string, string>) => string,
): string {
  if (!value) return t("unknown");
  const parts = partialDateParts(value);
  const text = new Intl.DateTimeFormat(locale, FORMATS[parts.style]).format(parts.date);
  switch (parts.template) {
    case "exact":
      return text;
    case "yearOnly":
      return t("yearOnly", { year: text });
    default:
      return t(parts.template, { date: text });
  }
}

/** Whole days from `today` to `day` (negative when past). Both YYYY-MM-DD. */
export function daysUntil(day: string, today: string): number {
  return Math.round((parseDay(day).getTime() - parseDay(today).getTime()) / 86_400_000);
}

/** Today's date as YYYY-MM-DD in UTC; tests and the dashboard may pass their own. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
