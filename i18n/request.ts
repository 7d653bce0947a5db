import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";

/** Locales with a message catalog in messages/<locale>/. Korean is to come. */
export const LOCALES = ["en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/**
 * One catalog file per area of the app (messages/<locale>/<area>.json), each holding whole
 * top-level namespaces, merged here. A new area is a new file plus a name in this list.
 */
export const MESSAGE_FILES = [
  "common",
  "auth",
  "case-form",
  "dashboard",
  "admin",
  "account",
  "assign",
  "cases-list",
  "lists",
  "records",
  "vocab",
] as const;

function pick(candidate: string | undefined): Locale | undefined {
  if (!candidate) return undefined;
  const base = candidate.toLowerCase().split("-")[0];
  return LOCALES.find((l) => l === base);
}

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    MESSAGE_FILES.map(async (file) => (await import(`../messages/${locale}/${file}.json`)).default),
  );
  return Object.assign({}, ...parts);
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
    messages: await loadMessages(locale),
  };
});
