import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { type AuditFilter, listAccountChoices, listAudit } from "@/db/dal/admin";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/domain";
import { getDateFormatters } from "@/lib/i18n/dates";
import { requireAdminPage } from "../_lib";
import { AdminTabs } from "../admin-tabs";
import { AuditTable } from "./_components/audit-table";

const ENTITIES = [
  "accounts",
  "cases",
  "case_assignments",
  "case_links",
  "status_changes",
  "consular_contacts",
  "petitions",
  "case_notes",
  "sources",
  "source_links",
];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Admin"))("auditTitle") };
}

function one(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v ? v.slice(0, 200) : undefined;
}
/** JSON for the details cell, or null when there is nothing to show. */
const pretty = (v: unknown): string | null => (v ? JSON.stringify(v, null, 2) : null);
const isDay = (v?: string) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined);

/** The audit log: filters in the URL (GET form), newest first, keyset-paged. Read-only for everyone. */
export default async function AuditPage({ searchParams }: PageProps<"/admin/audit">) {
  const actor = await requireAdminPage("audit:read");
  const sp = await searchParams;
  const uuid = one(sp.actor);
  const filter: AuditFilter = {
    actorId: uuid && /^[0-9a-f-]{36}$/i.test(uuid) ? uuid : undefined,
    action: AUDIT_ACTIONS.includes(one(sp.action) as AuditAction) ? (one(sp.action) as AuditAction) : undefined,
    entity: ENTITIES.includes(one(sp.entity) ?? "") ? one(sp.entity) : undefined,
    entityId: one(sp.entityId),
    from: isDay(one(sp.from)),
    to: isDay(one(sp.to)),
    before: Number(one(sp.before)) > 0 ? Number(one(sp.before)) : undefined,
  };
  const [{ rows, nextBefore }, people] = await Promise.all([listAudit(actor, filter), listAccountChoices(actor)]);
  const t = await getTranslations("Admin");
  const dates = await getDateFormatters();
  const query = new URLSearchParams(
    Object.entries({ ...filter, before: undefined }).flatMap(([k, v]) =>
      v ? [[k === "actorId" ? "actor" : k, String(v)]] : [],
    ),
  );
  return (
    <div className="grid gap-4">
      <AdminTabs current="audit" />
      <h1 className="text-2xl font-semibold">{t("auditTitle")}</h1>
      <form
        method="get"
        className="grid gap-3 rounded-lg border p-4 md:grid-cols-6 md:items-end"
        aria-label={t("filters")}
      >
        <div className="grid gap-1.5">
          <Label htmlFor="f-actor">{t("filterActor")}</Label>
          <NativeSelect id="f-actor" name="actor" defaultValue={filter.actorId ?? ""}>
            <option value="">{t("anyone")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.email})
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="f-action">{t("filterAction")}</Label>
          <NativeSelect id="f-action" name="action" defaultValue={filter.action ?? ""}>
            <option value="">{t("anyAction")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="f-entity">{t("filterEntity")}</Label>
          <NativeSelect id="f-entity" name="entity" defaultValue={filter.entity ?? ""}>
            <option value="">{t("anyEntity")}</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="f-entityId">{t("filterEntityId")}</Label>
          <Input id="f-entityId" name="entityId" defaultValue={filter.entityId ?? ""} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="f-from">{t("filterFrom")}</Label>
          <Input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="f-to">{t("filterTo")}</Label>
          <Input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <div className="flex gap-2 md:col-span-6">
          <Button type="submit">{t("apply")}</Button>
          <Button variant="outline" asChild>
            <Link href="/admin/audit">{t("clear")}</Link>
          </Button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-md border p-6 text-center text-muted-foreground">{t("noEntries")}</p>
      ) : (
        <AuditTable
          rows={rows.map((row) => ({
            id: String(row.id),
            at: dates.stamp(row.at),
            atSort: row.at.toISOString(),
            actor: row.actorName ?? t("system"),
            ip: row.ip ?? null,
            action: row.action,
            entity: row.entity,
            entityId: row.entityId ?? null,
            before: pretty(row.before),
            after: pretty(row.after),
            meta: pretty(row.meta),
          }))}
        />
      )}
      <nav className="flex gap-3 text-sm">
        {filter.before ? (
          <Link className="text-primary underline" href={`/admin/audit?${query}`}>
            {t("newest")}
          </Link>
        ) : null}
        {nextBefore ? (
          <Link
            className="text-primary underline"
            href={`/admin/audit?${new URLSearchParams([...query, ["before", String(nextBefore)]])}`}
          >
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
