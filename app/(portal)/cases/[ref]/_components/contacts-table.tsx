"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { LocalTable, localColumnHelper } from "@/components/data-table/local-table";
import { ShowAllLink, useCaseTableSort } from "./case-list-url";

/** One consular contact as the table shows it: labels and dates already formatted on the server. */
export interface ContactRow {
  id: string;
  when: string;
  kind: string;
  counterpart: string;
  ourParticipants: string;
  theirParticipants: string;
  outcome: string;
  followUp: string;
  recordedBy: string;
  retracted: string | null;
}

const helper = localColumnHelper<ContactRow>();

/** One page of the case's consular contacts, sorted by the server as the URL says (`contactsSort`). */
export function ContactsTable({ rows, total }: { rows: ContactRow[]; total: number }) {
  const t = useTranslations("Records");
  const { sort, busy } = useCaseTableSort("contactsSort");
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("when", { header: t("colDate") }),
        helper.accessor("kind", {
          header: t("colKind"),
          cell: (c) => (
            <span className={c.row.original.retracted ? "line-through" : undefined}>
              {c.getValue()}
              {c.row.original.retracted ? <span className="sr-only"> ({t("retractedShort")})</span> : null}
            </span>
          ),
        }),
        helper.accessor("counterpart", { header: t("colWith") }),
        helper.accessor("ourParticipants", { header: t("colOurSide"), enableSorting: false }),
        helper.accessor("theirParticipants", { header: t("colTheirSide"), enableSorting: false }),
        helper.accessor("outcome", { header: t("colOutcome") }),
        helper.accessor("followUp", { header: t("colFollowUp") }),
        helper.accessor("recordedBy", { header: t("colRecordedBy") }),
      ]),
    [t],
  );
  return (
    <LocalTable
      data={rows}
      columns={columns}
      caption={t("contacts")}
      empty={t("noContacts")}
      testId="contacts-table"
      sort={sort}
      busy={busy}
      footer={<ShowAllLink list="contacts" total={total} />}
      rowClassName={(r) => (r.retracted ? "text-muted-foreground" : undefined)}
    />
  );
}
