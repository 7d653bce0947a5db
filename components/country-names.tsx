"use client";

import { createContext, useContext, useMemo } from "react";
import type { CountryOption } from "@/lib/countries";

/**
 * Country names for client components, as the server named and sorted them (lib/countries.ts
 * countryOptions). The browser's own Intl.DisplayNames can name a country otherwise than Node's
 * ("Hong Kong" in Chromium, "Hong Kong SAR China" in Node.js 20): names computed in the browser would
 * not match the server-rendered HTML, and React would throw the page's HTML away (error #418).
 * The portal layout provides them once per page load; client-side navigation keeps them.
 */
const CountriesContext = createContext<CountryOption[] | null>(null);

export function CountryNamesProvider({ options, children }: { options: CountryOption[]; children: React.ReactNode }) {
  return <CountriesContext value={options}>{children}</CountriesContext>;
}

export interface Countries {
  /** Every country, sorted by name in the user's locale. */
  options: CountryOption[];
  /** "Russia" for "RU"; the code itself for an unknown one. */
  name: (code: string) => string;
  /** A country's place in `options`, for sorting other lists of countries the same way. */
  rank: (code: string) => number;
}

export function useCountries(): Countries {
  const options = useContext(CountriesContext);
  if (!options) throw new Error("useCountries needs a CountryNamesProvider (app/(portal)/layout.tsx)");
  return useMemo(() => {
    const byCode = new Map(options.map((o, i) => [o.code as string, { name: o.name, rank: i }]));
    return {
      options,
      name: (code: string) => byCode.get(code)?.name ?? code,
      rank: (code: string) => byCode.get(code)?.rank ?? options.length,
    };
  }, [options]);
}
