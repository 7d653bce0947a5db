"use client";

import { useLocale } from "next-intl";
import { useMemo } from "react";
import { NativeSelect } from "@/components/ui/native-select";
import { COUNTRY_CODES, countryName } from "@/lib/countries";

/** Countries by name in the user's locale; the value is the ISO code. */
export function CountrySelect({ emptyLabel, ...props }: React.ComponentProps<"select"> & { emptyLabel: string }) {
  const locale = useLocale();
  const options = useMemo(
    () =>
      COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
        a.name.localeCompare(b.name, locale),
      ),
    [locale],
  );
  return (
    <NativeSelect {...props}>
      <option value="">{emptyLabel}</option>
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </NativeSelect>
  );
}
