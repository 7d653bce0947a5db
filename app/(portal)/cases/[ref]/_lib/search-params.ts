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
import { TIMELINE_KINDS } from "@/lib/schemas/records";

export const TIMELINE_ORDERS = ["desc", "asc"] as const;

/** Items per page of the timeline: a long case's page stays small; older items are a link away. */
export const TIMELINE_PAGE_SIZE = 50;

/** Rows a record table (and the sources list) shows until the reader asks for all of them. */
export const CASE_TABLE_ROWS = 20;

/** The case page's lists that show CASE_TABLE_ROWS rows until `show` names them. */
export const CASE_LISTS = ["history", "contacts", "petitions", "sources"] as const;
export type CaseList = (typeof CASE_LISTS)[number];

/** Each record table's sortable columns, and the order it has when the URL names none. */
export const HISTORY_SORTS = ["when", "status", "recordedBy"] as const;
export const CONTACT_SORTS = ["when", "kind", "counterpart", "outcome", "followUp", "recordedBy"] as const;
export const PETITION_SORTS = ["petitioner", "addressee", "asks", "state", "filed", "answerDue"] as const;
export const DEFAULT_SORTS = {
  historySort: { id: "when", desc: false },
  contactsSort: { id: "when", desc: true },
  petitionsSort: { id: "filed", desc: false },
} as const satisfies Record<string, SortState>;
export type TableSortParam = keyof typeof DEFAULT_SORTS;

export const caseParams = {
  kinds: parseAsArrayOf(parseAsStringLiteral(TIMELINE_KINDS)).withDefault([]),
  /** Newest first by default: what changed last is what a caseworker reads before a call. */
  order: parseAsStringLiteral(TIMELINE_ORDERS).withDefault("desc"),
  /** The item the page starts after (getCaseTimeline's nextCursor); the DAL ignores a malformed one. */
  after: parseAsString,
  historySort: parseAsSort(HISTORY_SORTS),
  contactsSort: parseAsSort(CONTACT_SORTS),
  petitionsSort: parseAsSort(PETITION_SORTS),
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
export function tableSort(params: CaseParams, param: TableSortParam): SortState {
  return params[param] ?? DEFAULT_SORTS[param];
}
