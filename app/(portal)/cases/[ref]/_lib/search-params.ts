/**
 * The case page's URL state: which kinds of item the timeline lists, in which order, and from
 * which item (a page of TIMELINE_PAGE_SIZE items, after the `after` cursor). One set of
 * nuqs parsers reads the page's searchParams and writes the filter links, so both agree. A bad
 * value falls back to the default instead of failing: a mistyped link still opens the case.
 */
import { createLoader, createSerializer, parseAsArrayOf, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { TIMELINE_KINDS } from "@/lib/schemas/records";

export const TIMELINE_ORDERS = ["desc", "asc"] as const;

export const timelineParams = {
  kinds: parseAsArrayOf(parseAsStringLiteral(TIMELINE_KINDS)).withDefault([]),
  /** Newest first by default: what changed last is what a caseworker reads before a call. */
  order: parseAsStringLiteral(TIMELINE_ORDERS).withDefault("desc"),
  /** The item the page starts after (getCaseTimeline's nextCursor); the DAL ignores a malformed one. */
  after: parseAsString,
};

/** Items per page of the timeline: a long case's page stays small; older items are a link away. */
export const TIMELINE_PAGE_SIZE = 50;

export const loadTimelineParams = createLoader(timelineParams);

/** `?kinds=…&order=…&after=…` for a link, leaving out defaults. */
export const timelineHref = createSerializer(timelineParams, { clearOnDefault: true });
