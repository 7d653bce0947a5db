"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { CountrySelect } from "@/components/forms/country-select";
import { Field, invalidProps } from "@/components/forms/field";
import { PartialDateInput } from "@/components/forms/partial-date-input";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/action-result";
import { RISK_LEVELS, SEXES } from "@/lib/domain";
import { type CaseFormValues, caseFormSchema } from "@/lib/schemas/case";
import { useHydrated } from "@/lib/use-hydrated";
import { createCaseAction, findDuplicatesAction, updateCaseAction } from "./actions";

type Mode = { kind: "create" } | { kind: "edit"; ref: string; version: number };

interface Duplicate {
  ref: string;
  fullName: string;
  nativeName: string | null;
}

/** Create and edit a case: one zod schema shared with the Server Action, which re-parses it. */
export function CaseForm({ mode, defaultValues }: { mode: Mode; defaultValues: CaseFormValues }) {
  const t = useTranslations("CaseForm");
  const hydrated = useHydrated();
  const risk = useTranslations("Risk");
  const router = useRouter();
  const form = useForm<CaseFormValues>({ resolver: zodResolver(caseFormSchema), defaultValues, mode: "onTouched" });
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [duplicates, setDuplicates] = useState<Duplicate[]>([]);
  const errors = form.formState.errors;
  const err = (name: keyof CaseFormValues) => errors[name]?.message as string | undefined;

  // Possible duplicates, checked as the name, birth year and nationality take shape (create only).
  const [fullName, nativeName, otherNames, birthYear, nationality] = useWatch({
    control: form.control,
    name: ["fullName", "nativeName", "otherNames", "birth.year", "nationality"],
  });
  useEffect(() => {
    if (mode.kind !== "create" || fullName.trim().length < 3) {
      setDuplicates([]);
      return;
    }
    const timer = setTimeout(async () => {
      const found = await findDuplicatesAction({ fullName, nativeName, otherNames, birthYear, nationality });
      if (found.ok) setDuplicates(found.data);
    }, 400);
    return () => clearTimeout(timer);
  }, [mode.kind, fullName, nativeName, otherNames, birthYear, nationality]);

  const onSubmit = form.handleSubmit(async (values) => {
    setResult(null);
    const res =
      mode.kind === "create"
        ? await createCaseAction(values)
        : await updateCaseAction({ ref: mode.ref, version: mode.version, values });
    setResult(res);
    if (!res.ok) {
      applyServerErrors(form, res, mode.kind === "edit" ? "values." : "");
      return;
    }
    router.push(`/cases/${res.data.ref}?saved=1`);
    router.refresh();
  });

  const submitting = form.formState.isSubmitting;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-6" aria-busy={submitting}>
      {result && !result.ok ? (
        <Alert variant="destructive" data-testid="form-error">
          {result.code === "CONFLICT" ? <p className="font-semibold">{t("conflictTitle")}</p> : null}
          <p>{result.code === "VALIDATION" ? t("fixErrors") : result.error}</p>
          {result.code === "CONFLICT" && mode.kind === "edit" ? (
            <Button type="button" variant="outline" size="sm" className="mt-2" onClick={() => router.refresh()}>
              {t("reload")}
            </Button>
          ) : null}
        </Alert>
      ) : null}

      <section className="grid gap-4 md:grid-cols-2" aria-labelledby="person-heading">
        <h2 id="person-heading" className="text-lg font-semibold md:col-span-2">
          {t("person")}
        </h2>
        <Field id="fullName" label={t("fullName")} error={err("fullName")}>
          <Input {...invalidProps("fullName", err("fullName"))} autoComplete="off" {...form.register("fullName")} />
        </Field>
        <Field id="nativeName" label={t("nativeName")} hint={t("nativeNameHint")} error={err("nativeName")}>
          <Input {...invalidProps("nativeName", err("nativeName"))} lang="und" {...form.register("nativeName")} />
        </Field>
        {duplicates.length > 0 ? (
          <Alert className="md:col-span-2" data-testid="duplicate-warning">
            <p className="font-semibold">{t("duplicateTitle")}</p>
            <ul>
              {duplicates.map((d) => (
                <li key={d.ref}>
                  <Link href={`/cases/${d.ref}`} className="text-primary underline" target="_blank">
                    {d.ref} {d.fullName}
                    {d.nativeName ? ` (${d.nativeName})` : ""}
                  </Link>
                </li>
              ))}
            </ul>
            <p className="text-muted-foreground">{t("duplicateHint")}</p>
          </Alert>
        ) : null}
        <Field id="otherNames" label={t("otherNames")} hint={t("otherNamesHint")} error={err("otherNames")}>
          <Textarea rows={2} {...invalidProps("otherNames", err("otherNames"))} {...form.register("otherNames")} />
        </Field>
        <Field id="sex" label={t("sex")} error={err("sex")}>
          <NativeSelect {...invalidProps("sex", err("sex"))} {...form.register("sex")}>
            {SEXES.map((s) => (
              <option key={s} value={s}>
                {t(`sexes.${s}`)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <PartialDateInput form={form} name="birth" id="birth" label={t("birth")} />
        <div className="grid grid-cols-2 gap-4">
          <Field id="ageYears" label={t("ageYears")} error={err("ageYears")}>
            <Input inputMode="numeric" {...invalidProps("ageYears", err("ageYears"))} {...form.register("ageYears")} />
          </Field>
          <Field id="ageAsOf" label={t("ageAsOf")} error={err("ageAsOf")}>
            <Input type="date" {...invalidProps("ageAsOf", err("ageAsOf"))} {...form.register("ageAsOf")} />
          </Field>
        </div>
        <Field id="nationality" label={t("nationality")} error={err("nationality")}>
          <CountrySelect
            emptyLabel={t("noCountry")}
            {...invalidProps("nationality", err("nationality"))}
            {...form.register("nationality")}
          />
        </Field>
        <Field
          id="otherCitizenships"
          label={t("otherCitizenships")}
          hint={t("otherCitizenshipsHint")}
          error={err("otherCitizenships")}
        >
          <Input
            {...invalidProps("otherCitizenships", err("otherCitizenships"))}
            {...form.register("otherCitizenships")}
          />
        </Field>
        <Field id="occupation" label={t("occupation")} error={err("occupation")}>
          <Input {...invalidProps("occupation", err("occupation"))} {...form.register("occupation")} />
        </Field>
        <Field id="affiliation" label={t("affiliation")} hint={t("affiliationHint")} error={err("affiliation")}>
          <Input {...invalidProps("affiliation", err("affiliation"))} {...form.register("affiliation")} />
        </Field>
      </section>

      <section className="grid gap-4 md:grid-cols-2" aria-labelledby="detention-heading">
        <h2 id="detention-heading" className="text-lg font-semibold md:col-span-2">
          {t("detention")}
        </h2>
        <Field id="detainingCountry" label={t("detainingCountry")} error={err("detainingCountry")}>
          <CountrySelect
            emptyLabel={t("chooseCountry")}
            {...invalidProps("detainingCountry", err("detainingCountry"))}
            {...form.register("detainingCountry")}
          />
        </Field>
        <PartialDateInput form={form} name="detained" id="detained" label={t("detained")} />
        <Field id="facility" label={t("facility")} error={err("facility")}>
          <Input {...invalidProps("facility", err("facility"))} {...form.register("facility")} />
        </Field>
        <Field id="facilityCity" label={t("facilityCity")} error={err("facilityCity")}>
          <Input {...invalidProps("facilityCity", err("facilityCity"))} {...form.register("facilityCity")} />
        </Field>
        <Field id="allegations" label={t("allegations")} error={err("allegations")} className="md:col-span-2">
          <Textarea rows={3} {...invalidProps("allegations", err("allegations"))} {...form.register("allegations")} />
        </Field>
        <label htmlFor="chargesClassified" className="flex items-center gap-2 text-sm md:col-span-2">
          <Checkbox id="chargesClassified" {...form.register("chargesClassified")} />
          {t("chargesClassified")}
        </label>
      </section>

      <section className="grid gap-4 md:grid-cols-2" aria-labelledby="assessment-heading">
        <h2 id="assessment-heading" className="text-lg font-semibold md:col-span-2">
          {t("assessment")}
        </h2>
        <Field id="riskLevel" label={t("riskLevel")} error={err("riskLevel")}>
          <NativeSelect {...invalidProps("riskLevel", err("riskLevel"))} {...form.register("riskLevel")}>
            {RISK_LEVELS.map((r) => (
              <option key={r} value={r}>
                {risk(r)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <div className="grid grid-cols-2 gap-4">
          <Field id="nextDeadline" label={t("nextDeadline")} error={err("nextDeadline")}>
            <Input
              type="date"
              {...invalidProps("nextDeadline", err("nextDeadline"))}
              {...form.register("nextDeadline")}
            />
          </Field>
          <Field id="nextDeadlineNote" label={t("nextDeadlineNote")} error={err("nextDeadlineNote")}>
            <Input
              {...invalidProps("nextDeadlineNote", err("nextDeadlineNote"))}
              {...form.register("nextDeadlineNote")}
            />
          </Field>
        </div>
        <Field id="summary" label={t("summary")} error={err("summary")} className="md:col-span-2">
          <Textarea rows={4} {...invalidProps("summary", err("summary"))} {...form.register("summary")} />
        </Field>
        <label htmlFor="restricted" className="flex items-center gap-2 text-sm md:col-span-2">
          <Checkbox id="restricted" {...form.register("restricted")} />
          {t("restricted")}
        </label>
      </section>

      <div className="flex gap-3">
        <Button type="submit" disabled={submitting || !hydrated}>
          {submitting ? t("saving") : mode.kind === "create" ? t("create") : t("save")}
        </Button>
        <Button type="button" variant="outline" asChild>
          <Link href={mode.kind === "create" ? "/cases" : `/cases/${mode.ref}`}>{t("cancel")}</Link>
        </Button>
      </div>
    </form>
  );
}
