/**
 * URL state of the list views (components/data-table): what every list shares (search, sort, page
 * size, cursor) and the params of /contacts and /petitions. Each param has a nuqs parser, used by
 * the page (createLoader) and the client table (useQueryStates) alike, and a zod schema, used by the
 * DAL, which re-parses whatever it is given (./list-params.ts, kept apart so that the browser's
 * bundle of a list carries no zod). A bad value falls back to its default, never an error:
 * a link pasted with a typo still opens the list.
 */
import {
  createLoader,
  createParser,
  parseAsArrayOf,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import { CONTACT_COUNTERPARTS, CONTACT_KINDS, CONTACT_OUTCOMES, PETITION_ASKS, PETITION_STATES } from "@/lib/domain";
import type { ContactListParams, PetitionListParams } from "./list-params";

export type { ContactListParams, PetitionListParams };

/* ----------------------------------------------------------------------------------------------
 * Shared by every list
 * -------------------------------------------------------------------------------------------- */

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 25;

/** Caps the length of a search so that a pasted novel does not reach the database. */
export const MAX_QUERY_LENGTH = 200;

/** One sorted column, in the shape TanStack Table's sorting state uses. */
export interface SortState<Id extends string = string> {
  id: Id;
  desc: boolean;
}

/** `sort=name.asc` / `sort=deadline.desc`; anything else is no sort (the list's default). */
export function parseAsSort<const Id extends string>(ids: readonly Id[]) {
  return createParser<SortState<Id>>({
    parse: (value) => {
      const dot = value.lastIndexOf(".");
      const id = value.slice(0, dot) as Id;
      const dir = value.slice(dot + 1);
      if (dot < 1 || !ids.includes(id) || (dir !== "asc" && dir !== "desc")) return null;
      return { id, desc: dir === "desc" };
    },
    serialize: (sort) => `${sort.id}.${sort.desc ? "desc" : "asc"}`,
    eq: (a, b) => a.id === b.id && a.desc === b.desc,
  });
}

/** An opaque position in a list (see db/dal/lists.ts), base64url; its content is checked by the DAL. */
export const CURSOR_SHAPE = /^[A-Za-z0-9_-]{1,2000}$/;
export const parseAsCursor = createParser<string>({
  parse: (value) => (CURSOR_SHAPE.test(value) ? value : null),
  serialize: (value) => value,
});

/** The cursor of a list's last page, whatever its sort (the "Last" button). */
export const LAST_PAGE = "last";

/** Free text from a URL: control characters (NUL included, which PostgreSQL refuses) become spaces. */
export const cleanText = (text: string, max: number) =>
  text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim()
    .slice(0, max);

/** Parsers every list has: `q`, `size`, `cursor` (each list adds its own `sort`). */
export const commonListParsers = {
  q: parseAsString.withDefault(""),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_PAGE_SIZE),
  cursor: parseAsCursor,
};

/* ----------------------------------------------------------------------------------------------
 * /contacts: every consular contact on the cases the user may read
 * -------------------------------------------------------------------------------------------- */

export const CONTACT_SORTS = ["date", "followUp", "kind", "outcome"] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
export const DEFAULT_CONTACT_SORT: SortState<ContactSort> = { id: "date", desc: true };

/**
 * Follow-up views, relative to today: `overdue` (before today), `week` (today to Sunday of this
 * ISO week), `due` (both: everything to follow up by the end of this week).
 */
export const FOLLOW_UP_VIEWS = ["overdue", "week", "due"] as const;
export type FollowUpView = (typeof FOLLOW_UP_VIEWS)[number];

export const contactListParsers = {
  ...commonListParsers,
  kind: parseAsArrayOf(parseAsStringLiteral(CONTACT_KINDS)).withDefault([]),
  outcome: parseAsArrayOf(parseAsStringLiteral(CONTACT_OUTCOMES)).withDefault([]),
  with: parseAsArrayOf(parseAsStringLiteral(CONTACT_COUNTERPARTS)).withDefault([]),
  followUp: parseAsStringLiteral(FOLLOW_UP_VIEWS),
  sort: parseAsSort(CONTACT_SORTS),
};

/** The params a "Clear filters" resets (sort and page size stay). */
export const CONTACT_FILTER_KEYS = ["q", "kind", "outcome", "with", "followUp"] as const;

export const loadContactListParams = createLoader(contactListParsers);

/* ----------------------------------------------------------------------------------------------
 * /petitions: every petition on the cases the user may read
 * -------------------------------------------------------------------------------------------- */

export const PETITION_SORTS = ["filed", "due", "state", "asks"] as const;
export type PetitionSort = (typeof PETITION_SORTS)[number];
export const DEFAULT_PETITION_SORT: SortState<PetitionSort> = { id: "filed", desc: true };

/** `awaiting`: submitted or acknowledged; `overdue`: awaiting with its answer due before today. */
export const ANSWER_VIEWS = ["awaiting", "overdue"] as const;
export type AnswerView = (typeof ANSWER_VIEWS)[number];

export const petitionListParsers = {
  ...commonListParsers,
  state: parseAsArrayOf(parseAsStringLiteral(PETITION_STATES)).withDefault([]),
  asks: parseAsArrayOf(parseAsStringLiteral(PETITION_ASKS)).withDefault([]),
  answer: parseAsStringLiteral(ANSWER_VIEWS),
  sort: parseAsSort(PETITION_SORTS),
};

export const PETITION_FILTER_KEYS = ["q", "state", "asks", "answer"] as const;

export const loadPetitionListParams = createLoader(petitionListParsers);
