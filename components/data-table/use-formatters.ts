"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { useCountries } from "@/components/country-names";
import { dateLocale } from "@/lib/i18n/format-locale";
import { formatPartialDate, type PartialDate } from "@/lib/partial-date";

/**
 * Formatters for table cells in the user's locale, the same on the server render and in the
 * browser (dates in UTC: a calendar day stays that day): partial dates with what is known and no
 * more, calendar days, and country names from ISO codes (named on the server: components/country-names.tsx).
 */
export function useFormatters() {
  const uiLocale = useLocale();
  const locale = dateLocale(uiLocale);
  const tDates = useTranslations("Dates");
  const countries = useCountries();
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    return {
      partial: (value: PartialDate | null | undefined) =>
        formatPartialDate(value, locale, (key, values) => tDates(key, values)),
      /** A calendar day, YYYY-MM-DD. */
      day: (iso: string) => day.format(new Date(`${iso}T00:00:00Z`)),
      /** "Russia" for "RU"; the code itself when the locale has no name for it. */
      country: countries.name,
      /** Compares two country codes by their names, as the country select orders them. */
      compareCountries: (a: string, b: string) => countries.rank(a) - countries.rank(b),
    };
  }, [locale, tDates, countries]);
}
