"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { LocalTable, localColumnHelper } from "@/components/data-table/local-table";

/** One audit entry as the table shows it: the timestamp formatted and the JSON pretty-printed on the server. */
export interface AuditTableRow {
  id: string;
  /** Formatted for display. */
  at: string;
  /** ISO timestamp, for sorting. */
  atSort: string;
  actor: string;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  meta: string | null;
}

const helper = localColumnHelper<AuditTableRow>();

export function AuditTable({ rows }: { rows: AuditTableRow[] }) {
  const t = useTranslations("Admin");
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("atSort", {
          id: "at",
          header: t("at"),
          cell: (c) => c.row.original.at,
          meta: { cellClassName: "whitespace-nowrap" },
        }),
        helper.accessor("actor", {
          header: t("actor"),
          cell: (c) => (
            <>
              {c.getValue()}
              {c.row.original.ip ? <div className="text-xs text-muted-foreground">{c.row.original.ip}</div> : null}
            </>
          ),
        }),
        helper.accessor("action", { header: t("action") }),
        helper.accessor("entity", {
          header: t("record"),
          meta: { cellClassName: "font-mono text-xs" },
          cell: (c) => (
            <>
              {c.getValue()}
              {c.row.original.entityId ? <div className="break-all">{c.row.original.entityId}</div> : null}
            </>
          ),
        }),
        helper.display({
          id: "details",
          header: t("details"),
          meta: { cellClassName: "max-w-xl" },
          cell: (c) => {
            const { before, after, meta } = c.row.original;
            if (!before && !after && !meta) return null;
            return (
              <details>
                <summary className="cursor-pointer text-sm">{t("details")}</summary>
                <div className="grid gap-2 md:grid-cols-2">
                  {before ? (
                    <div>
                      <p className="text-xs font-semibold">{t("before")}</p>
                      <pre className="overflow-x-auto rounded bg-muted p-2 text-xs">{before}</pre>
                    </div>
                  ) : null}
                  {after ? (
                    <div>
                      <p className="text-xs font-semibold">{t("after")}</p>
                      <pre className="overflow-x-auto rounded bg-muted p-2 text-xs">{after}</pre>
                    </div>
                  ) : null}
                  {meta ? <pre className="overflow-x-auto rounded bg-muted p-2 text-xs">{meta}</pre> : null}
                </div>
              </details>
            );
          },
        }),
      ]),
    [t],
  );
  return <LocalTable data={rows} columns={columns} caption={t("auditTitle")} testId="audit-table" />;
}
