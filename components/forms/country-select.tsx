"use client";

import { useMemo } from "react";
import { useCountries } from "@/components/country-names";
import { NativeSelect } from "@/components/ui/native-select";

/**
 * Countries by name in the user's locale (as the server named them); the value is the ISO code.
 * `only`: offer just these codes (a filter offers the countries that have cases), in the same order.
 */
export function CountrySelect({
  emptyLabel,
  only,
  ...props
}: React.ComponentProps<"select"> & { emptyLabel: string; only?: readonly string[] }) {
  const all = useCountries().options;
  const options = useMemo(() => {
    if (!only) return all;
    const wanted = new Set(only);
    return all.filter((o) => wanted.has(o.code));
  }, [all, only]);
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
