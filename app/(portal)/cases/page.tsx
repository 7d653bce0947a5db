import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listCases } from "@/db/dal/cases";
import { requireActorOrRedirect } from "@/db/dal/session";
import { getDateFormatters } from "@/lib/i18n/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Cases"))("title") };
}

export default async function CasesPage() {
  const actor = await requireActorOrRedirect();
  const rows = await listCases(actor);
  const t = await getTranslations("Cases");
  const status = await getTranslations("Status");
  const risk = await getTranslations("Risk");
  const dates = await getDateFormatters();
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("count", { count: rows.length })}</p>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-md border p-6 text-center text-muted-foreground">{t("empty")}</p>
      ) : (
        <Table data-testid="cases-table">
          <TableHeader>
            <TableRow>
              <TableHead>{t("ref")}</TableHead>
              <TableHead>{t("name")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              <TableHead>{t("country")}</TableHead>
              <TableHead>{t("facility")}</TableHead>
              <TableHead>{t("risk")}</TableHead>
              <TableHead>{t("deadline")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.ref}>
                <TableCell className="font-mono text-xs">
                  <Link href={`/cases/${row.ref}`} className="text-primary underline-offset-2 hover:underline">
                    {row.ref}
                  </Link>
                </TableCell>
                <TableCell>
                  <Link href={`/cases/${row.ref}`} className="font-medium hover:underline">
                    {row.fullName}
                  </Link>
                  {row.nativeName ? <span className="ml-2 text-muted-foreground">{row.nativeName}</span> : null}
                  {row.restricted ? (
                    <Badge variant="warning" className="ml-2">
                      {t("restricted")}
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell>{status(row.status)}</TableCell>
                <TableCell>{row.detainingCountry}</TableCell>
                <TableCell>{[row.facility, row.facilityCity].filter(Boolean).join(", ")}</TableCell>
                <TableCell>{risk(row.riskLevel)}</TableCell>
                <TableCell>{row.nextDeadline ? dates.day(row.nextDeadline) : ""}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
