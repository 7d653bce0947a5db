/**
 * URL state of the /cases list: the nuqs parsers (read by the page with a loader and kept in the URL
 * by the client table) and the zod schema the DAL re-parses them with (db/dal/case-list.ts).
 * Enum values come from lib/domain.ts. A bad value falls back to its default, never an error.
 */
import {
  createLoader,
  createParser,
  parseAsArrayOf,
  parseAsBoolean,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import { CASE_STATUSES, RISK_LEVELS } from "@/lib/domain";
import type { CaseListParams } from "./list-params";
import { commonListParsers, parseAsSort, type SortState } from "./lists";

export type { CaseListParams };

/** Sortable columns; `relevance` (best match first) only means something while searching. */
export const CASE_SORTS = [
  "relevance",
  "ref",
  "name",
  "status",
  "country",
  "nationality",
  "facility",
  "risk",
  "deadline",
  "detained",
] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** Without a search, the nearest deadline first (cases without one last). */
export const DEFAULT_CASE_SORT: SortState<CaseSort> = { id: "deadline", desc: false };
export const RELEVANCE_SORT: SortState<CaseSort> = { id: "relevance", desc: true };

/** `only` restricted cases, or `exclude` them; absent means both. */
export const RESTRICTED_FILTERS = ["only", "exclude"] as const;
export type RestrictedFilter = (typeof RESTRICTED_FILTERS)[number];

/** "Deadline within N days" (overdue deadlines included): the choices the UI offers; the URL takes any 0–3650. */
export const DUE_WITHIN_CHOICES = [7, 14, 30, 90] as const;
export const MAX_DUE_WITHIN = 3650;

export const COUNTRY = /^[A-Za-z]{2}$/;
/** An ISO 3166-1 alpha-2 code, upper-cased. */
export const parseAsCountry = createParser<string>({
  parse: (value) => (COUNTRY.test(value) ? value.toUpperCase() : null),
  serialize: (value) => value,
});

const parseAsDueWithin = createParser<number>({
  parse: (value) => {
    if (!/^\d{1,4}$/.test(value)) return null;
    const n = Number(value);
    return n <= MAX_DUE_WITHIN ? n : null;
  },
  serialize: (value) => String(value),
});

export const caseListParsers = {
  ...commonListParsers,
  status: parseAsArrayOf(parseAsStringLiteral(CASE_STATUSES)).withDefault([]),
  country: parseAsCountry,
  nationality: parseAsCountry,
  risk: parseAsArrayOf(parseAsStringLiteral(RISK_LEVELS)).withDefault([]),
  /** Place of detention: matches facility or city, any part of either. */
  facility: parseAsString.withDefault(""),
  /** Exactly this place of detention and city ('' for none): the dashboard's links. */
  place: parseAsString,
  city: parseAsString,
  /** Only the cases assigned to the signed-in account. */
  mine: parseAsBoolean.withDefault(false),
  restricted: parseAsStringLiteral(RESTRICTED_FILTERS),
  /** Next deadline within this many days from today (overdue included). */
  due: parseAsDueWithin,
  sort: parseAsSort(CASE_SORTS),
};

/** The params a "Clear filters" resets (sort and page size stay). */
export const CASE_FILTER_KEYS = [
  "q",
  "status",
  "country",
  "nationality",
  "risk",
  "facility",
  "place",
  "city",
  "mine",
  "restricted",
  "due",
] as const;

/** The sort in force: the one asked for, else best match while searching, else the default. */
export function effectiveCaseSort(params: Pick<CaseListParams, "q" | "sort">): SortState<CaseSort> {
  const searching = params.q.trim() !== "";
  if (params.sort && params.sort.id !== "relevance") return params.sort;
  return searching ? RELEVANCE_SORT : DEFAULT_CASE_SORT;
}

/** Reads the /cases params from a page's `searchParams` (or any URL), with the same parsers as the client. */
export const loadCaseListParams = createLoader(caseListParsers);
