"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { type DefaultValues, type FieldValues, get, type Path, type UseFormReturn, useForm } from "react-hook-form";
import type { z } from "zod";
import { Field, invalidProps } from "@/components/forms/field";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/action-result";
import { useHydrated } from "@/lib/use-hydrated";

/**
 * What every form on the case page shares: react-hook-form with the zod schema the Server Action
 * re-parses, server field errors put beside their fields, a result shown above the submit button.
 * On success the form is emptied and says so; on any refusal (a conflict included) it keeps what
 * the user typed.
 */
export function useRecordForm<V extends FieldValues>(options: {
  schema: z.ZodType<V, V>;
  defaultValues: V;
  submit: (values: V) => Promise<ActionResult<unknown>>;
  /** Empty the form after a successful save (default), or leave it as it is. */
  resetOnSuccess?: boolean;
  onSuccess?: () => void;
}) {
  const form = useForm<V>({
    resolver: zodResolver(options.schema),
    defaultValues: options.defaultValues as DefaultValues<V>,
    mode: "onTouched",
  });
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setResult(null);
    const res = await options.submit(values);
    setResult(res);
    if (!res.ok) {
      applyServerErrors(form, res, "values.");
      return;
    }
    if (options.resetOnSuccess !== false) form.reset(options.defaultValues);
    options.onSuccess?.();
  });
  return { form, onSubmit, result, submitting: form.formState.isSubmitting };
}

/** The outcome of the last submit: what went wrong (and who saved first, on a conflict), or "Saved." */
export function FormResult({ result }: { result: ActionResult<unknown> | null }) {
  const t = useTranslations("Records");
  const router = useRouter();
  if (!result) return null;
  if (result.ok) {
    return (
      <p role="status" className="text-sm font-medium text-green-800" data-testid="form-saved">
        {t("saved")}
      </p>
    );
  }
  return (
    <Alert variant="destructive" data-testid="form-error">
      {result.code === "CONFLICT" ? <p className="font-semibold">{t("conflictTitle")}</p> : null}
      <p>{result.code === "VALIDATION" ? t("fixErrors") : result.error}</p>
      {result.code === "CONFLICT" ? (
        <Button type="button" variant="outline" size="sm" className="mt-2" onClick={() => router.refresh()}>
          {t("reload")}
        </Button>
      ) : null}
    </Alert>
  );
}

export function SubmitButton({ submitting, label }: { submitting: boolean; label: string }) {
  const t = useTranslations("Records");
  const hydrated = useHydrated();
  return (
    <Button type="submit" disabled={submitting || !hydrated} aria-busy={submitting}>
      {submitting ? t("saving") : label}
    </Button>
  );
}

function errorOf<V extends FieldValues>(form: UseFormReturn<V>, name: Path<V>): string | undefined {
  return (get(form.formState.errors, name) as { message?: string } | undefined)?.message;
}

/** A text input or textarea registered on the form, with its error beside it. */
export function TextField<V extends FieldValues>({
  form,
  name,
  id,
  label,
  hint,
  rows,
  type,
  className,
}: {
  form: UseFormReturn<V>;
  name: Path<V>;
  id: string;
  label: string;
  hint?: string;
  /** A textarea of this many rows; an input when absent. */
  rows?: number;
  type?: "text" | "date" | "url";
  className?: string;
}) {
  const error = errorOf(form, name);
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {rows ? (
        <Textarea rows={rows} {...invalidProps(id, error)} {...form.register(name)} />
      ) : (
        <Input type={type ?? "text"} autoComplete="off" {...invalidProps(id, error)} {...form.register(name)} />
      )}
    </Field>
  );
}

/** A native select registered on the form, with its error beside it. */
export function SelectField<V extends FieldValues>({
  form,
  name,
  id,
  label,
  options,
  hint,
  className,
  busy,
  busyLabel,
}: {
  form: UseFormReturn<V>;
  name: Path<V>;
  id: string;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  hint?: string;
  className?: string;
  /** More options are on their way: says so in a last, disabled option (`busyLabel`). */
  busy?: boolean;
  busyLabel?: string;
}) {
  const error = errorOf(form, name);
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <NativeSelect {...invalidProps(id, error)} aria-busy={busy || undefined} {...form.register(name)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {busy && busyLabel ? (
          <option value="" disabled>
            {busyLabel}
          </option>
        ) : null}
      </NativeSelect>
    </Field>
  );
}

/** Options for a select from a vocabulary and its message namespace. */
export function useOptions(values: readonly string[], namespace: string) {
  const t = useTranslations(namespace);
  return values.map((value: string) => ({ value, label: t(value) }));
}
