/**
 * The locale dates are formatted in. Plain English formats day-month-year ("15 Jun 2024") rather
 * than the US order: unambiguous for international teams, and how the stories date things.
 */
export function dateLocale(locale: string): string {
  return locale === "en" ? "en-GB" : locale;
}
