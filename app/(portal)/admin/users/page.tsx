import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listAccounts } from "@/db/dal/admin";
import { requireAdminPage } from "../_lib";
import { AdminTabs } from "../admin-tabs";
import { AccountControls } from "./_components/account-controls";
import { NewAccountForm } from "./_components/new-account-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Admin"))("usersTitle") };
}

export default async function UsersPage() {
  const actor = await requireAdminPage("account:manage");
  const rows = await listAccounts(actor);
  const t = await getTranslations("Admin");
  const roles = await getTranslations("Roles");
  return (
    <div className="grid gap-4">
      <AdminTabs current="users" />
      <h1 className="text-2xl font-semibold">{t("usersTitle")}</h1>
      <NewAccountForm />
      <Table data-testid="accounts-table">
        <TableHeader>
          <TableRow>
            <TableHead>{t("name")}</TableHead>
            <TableHead>{t("email")}</TableHead>
            <TableHead>{t("role")}</TableHead>
            <TableHead>{t("active")}</TableHead>
            <TableHead>{t("controls")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-account={row.email}>
              <TableCell>{row.name}</TableCell>
              <TableCell>{row.email}</TableCell>
              <TableCell>
                {roles(row.role)}
                {row.mustChangePassword ? (
                  <Badge variant="warning" className="ml-2">
                    {t("mustChange")}
                  </Badge>
                ) : null}
              </TableCell>
              <TableCell>{row.active ? t("active") : <Badge variant="secondary">{t("inactive")}</Badge>}</TableCell>
              <TableCell>
                {/* Keyed by account, not version: the confirmation survives the refresh after a change. */}
                <AccountControls key={row.id} account={row} isSelf={row.id === actor.id} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
