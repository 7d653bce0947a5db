import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { openCasesByStatus } from "@/db/dal/dashboard";
import { requireActorOrRedirect } from "@/db/dal/session";
import { can } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Dashboard"))("title") };
}

export default async function DashboardPage() {
  const actor = await requireActorOrRedirect();
  const byStatus = await openCasesByStatus(actor);
  const t = await getTranslations("Dashboard");
  const status = await getTranslations("Status");
  const total = byStatus.reduce((sum, row) => sum + row.n, 0);
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-semibold">
        {t("title")}: {can(actor.role, "dashboard:all") ? t("all") : t("mine")}
      </h1>
      <Card className="max-w-md">
        <CardHeader>
          <CardTitle>
            <h2>
              {t("openCases")}: <span data-testid="open-cases-total">{total}</span>
            </h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <ul className="grid gap-1 text-sm">
            {byStatus.map((row) => (
              <li key={row.status} className="flex justify-between">
                <Link href={`/cases?status=${row.status}`} className="hover:underline">
                  {status(row.status)}
                </Link>
                <span>{row.n}</span>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </div>
  );
}
