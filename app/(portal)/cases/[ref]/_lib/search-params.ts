/**
 * The case page's URL state, one set of nuqs parsers for the page (which reads searchParams) and
 * for every link and control that writes them, so both agree:
 *   - the timeline: which kinds of item it lists, in which order, and from which item (a page of
 *     TIMELINE_PAGE_SIZE items, after the `after` cursor);
 *   - the record tables (status history, contacts, petitions): each one's sort (`historySort`,
 *     `contactsSort`, `petitionsSort`, as `column.asc|desc`), applied on the server;
 *   - which tables and lists show every row (`show=contacts,sources`) instead of the first
 *     CASE_TABLE_ROWS: a long case's page carries only what is on screen.
 * A bad value falls back to the default instead of failing: a mistyped link still opens the case.
 */
import {
  createLoader,
  createSerializer,
  type inferParserType,
  parseAsArrayOf,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import { parseAsSort, type SortState } from "@/lib/schemas/lists";
import {
  CASE_CONTACT_SORTS,
  CASE_HISTORY_SORTS,
  CASE_PETITION_SORTS,
  type CaseContactSort,
  type CaseHistorySort,
  type CasePetitionSort,
  TIMELINE_KINDS,
} from "@/lib/schemas/records";

export const TIMELINE_ORDERS = ["desc", "asc"] as const;

/** Items per page of the timeline: a long case's page stays small; older items are a link away. */
export const TIMELINE_PAGE_SIZE = 25;

/** Rows a record table (and the sources list) shows until the reader asks for all of them. */
export const CASE_TABLE_ROWS = 10;

/** The case page's lists that show CASE_TABLE_ROWS rows until `show` names them. */
export const CASE_LISTS = ["history", "contacts", "petitions", "sources"] as const;
export type CaseList = (typeof CASE_LISTS)[number];

/** The order each record table has when the URL names none. */
interface TableSorts {
  historySort: SortState<CaseHistorySort>;
  contactsSort: SortState<CaseContactSort>;
  petitionsSort: SortState<CasePetitionSort>;
}
export type TableSortParam = keyof TableSorts;
export const DEFAULT_SORTS: Readonly<TableSorts> = {
  historySort: { id: "when", desc: false },
  contactsSort: { id: "when", desc: true },
  petitionsSort: { id: "filed", desc: false },
};

export const caseParams = {
  kinds: parseAsArrayOf(parseAsStringLiteral(TIMELINE_KINDS)).withDefault([]),
  /** Newest first by default: what changed last is what a caseworker reads before a call. */
  order: parseAsStringLiteral(TIMELINE_ORDERS).withDefault("desc"),
  /** The item the page starts after (getCaseRecord's nextCursor); the DAL ignores a malformed one. */
  after: parseAsString,
  historySort: parseAsSort(CASE_HISTORY_SORTS),
  contactsSort: parseAsSort(CASE_CONTACT_SORTS),
  petitionsSort: parseAsSort(CASE_PETITION_SORTS),
  show: parseAsArrayOf(parseAsStringLiteral(CASE_LISTS)).withDefault([]),
};
export type CaseParams = inferParserType<typeof caseParams>;

export const loadCaseParams = createLoader(caseParams);

/**
 * `?…` for a link from the page as `current` shows it, with `patch` applied; defaults left out.
 * Changing the timeline's filter or order starts it from its first page again.
 */
export const caseHref = createSerializer(caseParams, { clearOnDefault: true });

/** The sort in force for a table: the URL's, else the table's default. */
export function tableSort<P extends TableSortParam>(params: CaseParams, param: P): TableSorts[P] {
  return (params[param] ?? DEFAULT_SORTS[param]) as TableSorts[P];
}
