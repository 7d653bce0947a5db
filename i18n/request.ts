import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";

/** Locales with a message catalog in messages/. Korean is to come. */
export const LOCALES = ["en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

function pick(candidate: string | undefined): Locale | undefined {
  if (!candidate) return undefined;
  const base = candidate.toLowerCase().split("-")[0];
  return LOCALES.find((l) => l === base);
}

export default getRequestConfig(async () => {
  const fromCookie = pick((await cookies()).get("NEXT_LOCALE")?.value);
  const fromHeader = (await headers())
    .get("accept-language")
    ?.split(",")
    .map((part) => pick(part.split(";")[0]?.trim()))
    .find(Boolean);
  const locale = fromCookie ?? fromHeader ?? DEFAULT_LOCALE;
  return {
    locale,
    // Calendar dates are stored without a time zone; formatting them in UTC keeps the day intact.
    timeZone: "UTC",
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
