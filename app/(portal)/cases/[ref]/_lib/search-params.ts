/**
 * The case page's URL state: which kinds of item the timeline lists and in which order. One set of
 * nuqs parsers reads the page's searchParams and writes the filter links, so both agree. A bad
 * value falls back to the default instead of failing: a mistyped link still opens the case.
 */
import { createLoader, createSerializer, parseAsArrayOf, parseAsStringLiteral } from "nuqs/server";
import { TIMELINE_KINDS } from "@/lib/schemas/records";

export const TIMELINE_ORDERS = ["desc", "asc"] as const;

export const timelineParams = {
  kinds: parseAsArrayOf(parseAsStringLiteral(TIMELINE_KINDS)).withDefault([]),
  /** Newest first by default: what changed last is what a caseworker reads before a call. */
  order: parseAsStringLiteral(TIMELINE_ORDERS).withDefault("desc"),
};

export const loadTimelineParams = createLoader(timelineParams);

/** `?kinds=…&order=…` for a link, leaving out defaults. */
export const timelineHref = createSerializer(timelineParams, { clearOnDefault: true });
