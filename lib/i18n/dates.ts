import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { formatPartialDate, type PartialDate } from "@/lib/partial-date";
import { dateLocale } from "./format-locale";

/** A server-side formatter for partial dates in the request's locale. */
export async function getDateFormatters() {
  const locale = dateLocale(await getLocale());
  const t = await getTranslations("Dates");
  const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const stamp = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return {
    partial: (value: PartialDate | null | undefined) => formatPartialDate(value, locale, t),
    /** A calendar day, YYYY-MM-DD. */
    day: (iso: string | null | undefined) => (iso ? day.format(new Date(`${iso}T00:00:00Z`)) : t("unknown")),
    /** A moment, with time, in UTC. */
    stamp: (at: Date) => `${stamp.format(at)} UTC`,
  };
}
