"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/lib/use-hydrated";
import { type SignInState, signInAction } from "../actions";
import { type SignInInput, signInSchema } from "../schema";

export function SignInForm({ callbackUrl, notice }: { callbackUrl?: string; notice?: string }) {
  const t = useTranslations("SignIn");
  const hydrated = useHydrated();
  const [state, setState] = useState<SignInState>({});
  const [pending, startTransition] = useTransition();
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "", callbackUrl },
  });
  const errors = form.formState.errors;
  const fieldError = (field: "email" | "password") => errors[field]?.message ?? state.fieldErrors?.[field];

  const onSubmit = form.handleSubmit((values) => {
    startTransition(async () => {
      const result = await signInAction(values);
      setState(result ?? {});
      if (result?.error) form.setValue("password", "");
    });
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
      {notice && !state.error ? <Alert>{notice}</Alert> : null}
      {state.error ? (
        <Alert variant="destructive" data-testid="sign-in-error">
          {state.error === "locked" ? t("locked", { minutes: state.lockMinutes ?? 15 }) : t("failed")}
        </Alert>
      ) : null}
      <div className="grid gap-2">
        <Label htmlFor="email">{t("email")}</Label>
        <Input
          id="email"
          type="email"
          autoComplete="username"
          autoFocus
          aria-invalid={!!fieldError("email")}
          aria-describedby={fieldError("email") ? "email-error" : undefined}
          {...form.register("email")}
        />
        {fieldError("email") ? (
          <p id="email-error" className="text-sm text-destructive">
            {t(fieldError("email") as "emailRequired")}
          </p>
        ) : null}
      </div>
      <div className="grid gap-2">
        <Label htmlFor="password">{t("password")}</Label>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!fieldError("password")}
          aria-describedby={fieldError("password") ? "password-error" : undefined}
          {...form.register("password")}
        />
        {fieldError("password") ? (
          <p id="password-error" className="text-sm text-destructive">
            {t(fieldError("password") as "passwordRequired")}
          </p>
        ) : null}
      </div>
      <input type="hidden" {...form.register("callbackUrl")} />
      <Button type="submit" disabled={pending || !hydrated}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
