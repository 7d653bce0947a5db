import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { formatPartialDate, type PartialDate } from "@/lib/partial-date";
import { dateLocale } from "./format-locale";

/**
 * A calendar day and a moment, one Intl.DateTimeFormat each per locale for the life of the
 * process: making one costs far more than formatting with it (a page made them several times).
 */
const fixedFormats = new Map<string, { day: Intl.DateTimeFormat; stamp: Intl.DateTimeFormat }>();
function fixedFormatsFor(locale: string) {
  let formats = fixedFormats.get(locale);
  if (!formats) {
    formats = {
      day: new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
      stamp: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
    };
    fixedFormats.set(locale, formats);
  }
  return formats;
}

/** A server-side formatter for partial dates in the request's locale (one per request). */
export const getDateFormatters = cache(async () => {
  const locale = dateLocale(await getLocale());
  const t = await getTranslations("Dates");
  const { day, stamp } = fixedFormatsFor(locale);
  return {
    partial: (value: PartialDate | null | undefined) => formatPartialDate(value, locale, t),
    /** A calendar day, YYYY-MM-DD. */
    day: (iso: string | null | undefined) => (iso ? day.format(new Date(`${iso}T00:00:00Z`)) : t("unknown")),
    /** A moment, with time, in UTC. */
    stamp: (at: Date) => `${stamp.format(at)} UTC`,
  };
});
