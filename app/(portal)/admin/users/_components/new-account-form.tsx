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
import { NativeSelect } from "@/components/ui/native-select";
import { ROLES } from "@/lib/domain";
import { type AdminNewAccountInput, adminNewAccountSchema } from "@/lib/schemas/account";
import { useHydrated } from "@/lib/use-hydrated";
import { createAccountAction } from "../actions";

export function NewAccountForm() {
  const t = useTranslations("Admin");
  const hydrated = useHydrated();
  const roles = useTranslations("Roles");
  const form = useForm<AdminNewAccountInput>({
    resolver: zodResolver(adminNewAccountSchema),
    defaultValues: { email: "", name: "", role: "caseworker" },
  });
  const [created, setCreated] = useState<{ email: string; temporaryPassword: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    setCreated(null);
    const result = await createAccountAction(values);
    if (!result.ok) {
      applyServerErrors(form, result);
      if (!result.fieldErrors) setError(result.error);
      return;
    }
    setCreated(result.data);
    form.reset();
  });

  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="grid gap-3 rounded-lg border p-4"
      aria-labelledby="new-account-heading"
    >
      <h2 id="new-account-heading" className="font-semibold">
        {t("newAccount")}
      </h2>
      <div className="grid gap-3 md:grid-cols-[1fr_1fr_12rem_auto] md:items-end">
        <Field id="new-name" label={t("name")} error={errors.name?.message}>
          <Input {...invalidProps("new-name", errors.name?.message)} {...form.register("name")} />
        </Field>
        <Field id="new-email" label={t("email")} error={errors.email?.message}>
          <Input type="email" {...invalidProps("new-email", errors.email?.message)} {...form.register("email")} />
        </Field>
        <Field id="new-role" label={t("role")} error={errors.role?.message}>
          <NativeSelect {...invalidProps("new-role", errors.role?.message)} {...form.register("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roles(r)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Button type="submit" disabled={form.formState.isSubmitting || !hydrated}>
          {form.formState.isSubmitting ? t("creating") : t("create")}
        </Button>
      </div>
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      {created ? (
        <Alert variant="success" data-testid="temporary-password">
          {t("createdWithPassword", { email: created.email })}{" "}
          <code className="rounded bg-white px-1.5 py-0.5 font-mono">{created.temporaryPassword}</code>
        </Alert>
      ) : null}
    </form>
  );
}
