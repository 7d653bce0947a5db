import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listAudit } from "@/db/dal/admin";
import { getDateFormatters } from "@/lib/i18n/dates";
import { requireAdminPage } from "../_lib";
import { AdminTabs } from "../admin-tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Admin"))("auditTitle") };
}

export default async function AuditPage() {
  const actor = await requireAdminPage("audit:read");
  const rows = await listAudit(actor);
  const t = await getTranslations("Admin");
  const dates = await getDateFormatters();
  return (
    <div className="grid gap-4">
      <AdminTabs current="audit" />
      <h1 className="text-2xl font-semibold">{t("auditTitle")}</h1>
      <Table data-testid="audit-table">
        <TableHeader>
          <TableRow>
            <TableHead>{t("at")}</TableHead>
            <TableHead>{t("actor")}</TableHead>
            <TableHead>{t("action")}</TableHead>
            <TableHead>{t("record")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell className="whitespace-nowrap">{dates.stamp(row.at)}</TableCell>
              <TableCell>{row.actorName ?? t("system")}</TableCell>
              <TableCell>{row.action}</TableCell>
              <TableCell className="font-mono text-xs">
                {row.entity}
                {row.entityId ? ` ${row.entityId}` : ""}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
