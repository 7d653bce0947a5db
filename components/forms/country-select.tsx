"use client";

import { useCountries } from "@/components/country-names";
import { NativeSelect } from "@/components/ui/native-select";

/** Countries by name in the user's locale (as the server named them); the value is the ISO code. */
export function CountrySelect({ emptyLabel, ...props }: React.ComponentProps<"select"> & { emptyLabel: string }) {
  const { options } = useCountries();
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
