"use client";

import { useLocale, useTranslations } from "next-intl";
import { type FieldValues, get, type Path, type UseFormReturn } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";

/** The months' names in a locale, worked out once per locale (each form re-renders on every keystroke). */
const monthNamesByLocale = new Map<string, string[]>();
function monthNames(locale: string): string[] {
  let names = monthNamesByLocale.get(locale);
  if (!names) {
    const format = new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" });
    names = Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2000, i, 1))));
    monthNamesByLocale.set(locale, names);
  }
  return names;
}

/**
 * A date as sources give it: year, then optionally month and day, or "early / mid / late" of the
 * month or year, and an "approximate" mark. Registers `${name}.year`, `.month`, `.day`, `.part`,
 * `.approx` (see lib/schemas/partial-date.ts); errors show beside the date, naming the problem.
 */
export function PartialDateInput<T extends FieldValues>({
  form,
  name,
  label,
  id,
}: {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  id: string;
}) {
  const t = useTranslations("Dates");
  const locale = useLocale();
  const months = monthNames(locale);
  const errors = form.formState.errors;
  const error = (["year", "month", "day", "part"] as const)
    .map((k) => (get(errors, `${name}.${k}`) as { message?: string } | undefined)?.message)
    .find(Boolean);
  const p = (k: string) => `${name}.${k}` as Path<T>;
  return (
    <fieldset className="grid gap-1.5" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1.5 text-sm font-medium">{label}</legend>
      <div className="flex flex-wrap items-center gap-2">
        <Input
          id={`${id}-year`}
          aria-label={`${label}: ${t("year")}`}
          inputMode="numeric"
          placeholder={t("year")}
          className="w-20"
          aria-invalid={error ? true : undefined}
          {...form.register(p("year"))}
        />
        <NativeSelect
          id={`${id}-month`}
          aria-label={`${label}: ${t("month")}`}
          className="w-36"
          {...form.register(p("month"))}
        >
          <option value="">{t("monthNone")}</option>
          {months.map((m, i) => (
            <option key={m} value={String(i + 1)}>
              {m}
            </option>
          ))}
        </NativeSelect>
        <Input
          id={`${id}-day`}
          aria-label={`${label}: ${t("day")}`}
          inputMode="numeric"
          placeholder={t("day")}
          className="w-16"
          {...form.register(p("day"))}
        />
        <NativeSelect
          id={`${id}-part`}
          aria-label={`${label}: ${t("part")}`}
          className="w-24"
          {...form.register(p("part"))}
        >
          <option value="">{t("partNone")}</option>
          <option value="early">{t("partEarly")}</option>
          <option value="mid">{t("partMid")}</option>
          <option value="late">{t("partLate")}</option>
        </NativeSelect>
        <label htmlFor={`${id}-approx`} className="flex items-center gap-1.5 text-sm">
          <Checkbox id={`${id}-approx`} {...form.register(p("approx"))} />
          {t("approximate")}
        </label>
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-destructive" data-field-error={id}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
