"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Field, invalidProps } from "@/components/forms/field";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { type OwnPasswordInput, ownPasswordSchema } from "@/lib/schemas/account";
import { useHydrated } from "@/lib/use-hydrated";
import { changeOwnPasswordAction } from "../actions";

export function PasswordForm() {
  const t = useTranslations("Account");
  const hydrated = useHydrated();
  const form = useForm<OwnPasswordInput>({
    resolver: zodResolver(ownPasswordSchema),
    defaultValues: { current: "", next: "", confirm: "" },
  });
  const [error, setError] = useState<string | null>(null);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await changeOwnPasswordAction(values);
    if (result && !result.ok) {
      applyServerErrors(form, result);
      if (!result.fieldErrors) setError(result.error);
    }
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid max-w-sm gap-4">
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      <Field id="current" label={t("current")} error={errors.current?.message}>
        <Input
          type="password"
          autoComplete="current-password"
          {...invalidProps("current", errors.current?.message)}
          {...form.register("current")}
        />
      </Field>
      <Field id="next" label={t("next")} hint={t("nextHint")} error={errors.next?.message}>
        <Input
          type="password"
          autoComplete="new-password"
          {...invalidProps("next", errors.next?.message)}
          {...form.register("next")}
        />
      </Field>
      <Field id="confirm" label={t("confirm")} error={errors.confirm?.message}>
        <Input
          type="password"
          autoComplete="new-password"
          {...invalidProps("confirm", errors.confirm?.message)}
          {...form.register("confirm")}
        />
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting || !hydrated}>
        {form.formState.isSubmitting ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
