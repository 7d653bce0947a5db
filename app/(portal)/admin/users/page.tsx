import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listAccounts } from "@/db/dal/admin";
import { requireAdminPage } from "../_lib";
import { AdminTabs } from "../admin-tabs";
import { AccountsTable } from "./_components/accounts-table";
import { NewAccountForm } from "./_components/new-account-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Admin"))("usersTitle") };
}

export default async function UsersPage() {
  const actor = await requireAdminPage("account:manage");
  const rows = await listAccounts(actor);
  const t = await getTranslations("Admin");
  return (
    <div className="grid gap-4">
      <AdminTabs current="users" />
      <h1 className="text-2xl font-semibold">{t("usersTitle")}</h1>
      <NewAccountForm />
      <AccountsTable
        actorId={actor.id}
        rows={rows.map((row) => ({
          id: row.id,
          email: row.email,
          name: row.name,
          role: row.role,
          active: row.active,
          mustChangePassword: row.mustChangePassword,
          version: row.version,
        }))}
      />
    </div>
  );
}
