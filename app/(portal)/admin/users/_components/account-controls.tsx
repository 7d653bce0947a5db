"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionResult } from "@/lib/action-result";
import { ROLES, type Role } from "@/lib/domain";
import { changeRoleAction, resetPasswordAction, setActiveAction } from "../actions";

type Notice = { kind: "error" | "info"; text: string };

/**
 * The last notice per account. A change refreshes the page, which may remount these controls;
 * keeping the notice outside the component lets the confirmation survive that refresh.
 */
const notices = new Map<string, Notice>();

interface Props {
  account: { id: string; email: string; role: Role; active: boolean; version: number };
  isSelf: boolean;
}

/** Role, activation and password reset for one account; the server enforces every rule. */
export function AccountControls({ account, isSelf }: Props) {
  const t = useTranslations("Admin");
  const roles = useTranslations("Roles");
  const [role, setRole] = useState<Role>(account.role);
  const [message, setMessageState] = useState<Notice | null>(() => notices.get(account.id) ?? null);
  const setMessage = (notice: Notice) => {
    notices.set(account.id, notice);
    setMessageState(notice);
  };
  const [pending, startTransition] = useTransition();

  const run = (action: () => Promise<ActionResult<unknown>>, success: (data: unknown) => string) =>
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        const first = result.fieldErrors ? Object.values(result.fieldErrors)[0] : undefined;
        setMessage({ kind: "error", text: first ?? result.error });
      } else {
        setMessage({ kind: "info", text: success(result.data) });
      }
    });

  const ref = { accountId: account.id, version: account.version };
  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <NativeSelect
          aria-label={t("roleFor", { email: account.email })}
          className="h-8 w-36"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roles(r)}
            </option>
          ))}
        </NativeSelect>
        <Button
          size="sm"
          variant="outline"
          disabled={pending || role === account.role}
          onClick={() =>
            run(
              () => changeRoleAction({ ...ref, role }),
              () => t("roleChanged"),
            )
          }
        >
          {t("changeRole")}
        </Button>
        {account.active ? (
          <Button
            size="sm"
            variant="outline"
            disabled={pending || isSelf}
            title={isSelf ? t("cannotDeactivateSelf") : undefined}
            onClick={() =>
              run(
                () => setActiveAction({ ...ref, active: false }),
                () => t("deactivated"),
              )
            }
          >
            {t("deactivate")}
          </Button>
        ) : (
          <Button
            size="sm"
            variant="outline"
            disabled={pending}
            onClick={() =>
              run(
                () => setActiveAction({ ...ref, active: true }),
                () => t("reactivated"),
              )
            }
          >
            {t("reactivate")}
          </Button>
        )}
        <Button
          size="sm"
          variant="ghost"
          disabled={pending}
          onClick={() => {
            if (!window.confirm(t("confirmReset", { email: account.email }))) return;
            run(
              () => resetPasswordAction(ref),
              (data) => t("resetDone", { password: (data as { temporaryPassword: string }).temporaryPassword }),
            );
          }}
        >
          {t("resetPassword")}
        </Button>
      </div>
      {message ? (
        <p role="status" className={message.kind === "error" ? "text-sm text-destructive" : "text-sm text-green-800"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
