/**
 * Calendar arithmetic on whole days (days since 1970-01-01, UTC), and dates as sources give them:
 * a day, a month or a year, sometimes approximate, stored the way lib/partial-date.ts expects (the
 * representative day of a month or year says which part of it was meant).
 */
import type { DatePrecision } from "@/lib/domain";
import { PART_DAY, PART_MONTH } from "@/lib/partial-date";
import type { Random } from "./random";

const DAY_MS = 86_400_000;
/** ISO strings of days 0 (1970-01-01) to 2069, made on first use: formatting dates is the generator's hot path. */
const isoCache: string[] = [];
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));

export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** The day number of a calendar date (month 1–12). */
export function dayOfParts(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function isoOf(day: number): string {
  let s = isoCache[day];
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (day >= 0 && day < 36_500) isoCache[day] = s;
  }
  return s;
}

/** A timestamp on `day`, `minutes` after midnight UTC (may run into the next days), as PostgreSQL reads it. */
export function stampOf(day: number, minutes: number): string {
  const m = Math.floor(minutes);
  return `${isoOf(day + Math.floor(m / 1440))}T${TWO[Math.floor(m / 60) % 24]}:${TWO[m % 60]}:00Z`;
}

export interface When {
  /** The representative day (see lib/partial-date.ts). */
  day: number;
  precision: DatePrecision;
  approx: boolean;
}

const partOf = (n: number, of: number): keyof typeof PART_DAY =>
  n <= of / 3 ? "early" : n <= (2 * of) / 3 ? "mid" : "late";

/**
 * How a source might report a day: exact, or only its month or year, perhaps "early" or "around".
 * A representative day can fall after the real one ("late 2024" is 15 October); past `max` (today),
 * the day itself is given instead.
 */
export function reported(rng: Random, day: number, odds: { month: number; year: number }, max = Infinity): When {
  const w = reportedDay(rng, day, odds);
  return w.day > max ? exactDay(day) : w;
}

function reportedDay(rng: Random, day: number, odds: { month: number; year: number }): When {
  const r = rng.next();
  if (r >= odds.month + odds.year) return { day, precision: "day", approx: rng.chance(0.04) };
  const iso = isoOf(day);
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  if (r < odds.month) {
    if (!rng.chance(0.45)) return { day: dayOfParts(y, m, 1), precision: "month", approx: false };
    const part = rng.chance(0.2) ? null : partOf(Number(iso.slice(8, 10)), 30);
    return { day: dayOfParts(y, m, part ? PART_DAY[part] : 1), precision: "month", approx: true };
  }
  if (!rng.chance(0.6)) return { day: dayOfParts(y, 1, 1), precision: "year", approx: false };
  const part = rng.chance(0.25) ? null : partOf(m, 12);
  return { day: dayOfParts(y, part ? PART_MONTH[part] : 1, part ? 15 : 1), precision: "year", approx: true };
}

export const exactDay = (day: number): When => ({ day, precision: "day", approx: false });
