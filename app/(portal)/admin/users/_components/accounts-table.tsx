"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { LocalTable, localColumnHelper } from "@/components/data-table/local-table";
import { Badge } from "@/components/ui/badge";
import type { AccountRow } from "@/db/dal/admin";
import { AccountControls } from "./account-controls";

/** One account as the table shows it: the DAL's row without its Date, so it crosses to the client as is. */
export type AccountTableRow = Omit<AccountRow, "createdAt">;

const helper = localColumnHelper<AccountTableRow>();

export function AccountsTable({ rows, actorId }: { rows: AccountTableRow[]; actorId: string }) {
  const t = useTranslations("Admin");
  const roles = useTranslations("Roles");
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("name", { header: t("name") }),
        helper.accessor("email", { header: t("email") }),
        helper.accessor("role", {
          header: t("role"),
          cell: (c) => (
            <>
              {roles(c.getValue())}
              {c.row.original.mustChangePassword ? (
                <Badge variant="warning" className="ml-2">
                  {t("mustChange")}
                </Badge>
              ) : null}
            </>
          ),
        }),
        helper.accessor("active", {
          header: t("active"),
          cell: (c) => (c.getValue() ? t("active") : <Badge variant="secondary">{t("inactive")}</Badge>),
        }),
        helper.display({
          id: "controls",
          header: t("controls"),
          // Keyed by account, not version: the confirmation survives the refresh after a change.
          cell: (c) => (
            <AccountControls key={c.row.original.id} account={c.row.original} isSelf={c.row.original.id === actorId} />
          ),
        }),
      ]),
    [t, roles, actorId],
  );
  return (
    <LocalTable
      data={rows}
      columns={columns}
      caption={t("usersTitle")}
      testId="accounts-table"
      rowProps={(r) => ({ "data-account": r.email })}
    />
  );
}
