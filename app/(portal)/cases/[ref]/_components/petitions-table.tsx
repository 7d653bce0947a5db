"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { LocalTable, localColumnHelper } from "@/components/data-table/local-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { PetitionState } from "@/lib/domain";
import { PETITION_TRANSITIONS } from "@/lib/schemas/records";
import { ShowAllLink, useCaseTableSort } from "./case-list-url";
import { PetitionStateForm } from "./petition-state-form";
import { RetractButton } from "./retract-button";

/** One petition as the table shows it: labels and dates already formatted on the server. */
export interface PetitionTableRow {
  id: string;
  version: number;
  state: PetitionState;
  stateLabel: string;
  petitioner: string;
  addressee: string;
  asks: string;
  filed: string;
  answerDue: string;
  /** Still awaiting an answer after its due date. */
  overdue: boolean;
  answer: string;
  retracted: string | null;
}

const helper = localColumnHelper<PetitionTableRow>();

/** One page of the case's petitions, sorted by the server as the URL says (`petitionsSort`). */
export function PetitionsTable({
  rows,
  total,
  canWrite,
}: {
  rows: PetitionTableRow[];
  total: number;
  canWrite: boolean;
}) {
  const t = useTranslations("Records");
  const { sort, busy } = useCaseTableSort("petitionsSort");
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("petitioner", {
          header: t("colPetitioner"),
          cell: (c) => (
            <span className={c.row.original.retracted ? "line-through" : undefined}>
              {c.getValue()}
              {c.row.original.retracted ? <span className="sr-only"> ({t("retractedShort")})</span> : null}
            </span>
          ),
        }),
        helper.accessor("addressee", { header: t("colAddressee") }),
        helper.accessor("asks", { header: t("colAsks") }),
        helper.accessor("stateLabel", {
          id: "state",
          header: t("colState"),
          cell: (c) => <Badge variant="secondary">{c.getValue()}</Badge>,
        }),
        helper.accessor("filed", { header: t("colFiled") }),
        helper.accessor("answerDue", {
          header: t("colAnswerDue"),
          cell: (c) => (
            <span className={c.row.original.overdue ? "font-semibold text-destructive" : undefined}>
              {c.getValue()}
            </span>
          ),
        }),
        helper.accessor("answer", {
          header: t("colAnswer"),
          enableSorting: false,
          cell: (c) => <span className="line-clamp-3 max-w-sm">{c.getValue()}</span>,
        }),
        ...(canWrite
          ? [
              helper.display({
                id: "actions",
                header: () => <span className="sr-only">{t("colActions")}</span>,
                cell: (c) => {
                  const p = c.row.original;
                  if (p.retracted) return <span className="text-xs">{p.retracted}</span>;
                  return (
                    <div className="flex flex-wrap gap-1">
                      {PETITION_TRANSITIONS[p.state].length > 0 ? (
                        <Button
                          type="button"
                          variant="outline"
                          size="sm"
                          aria-expanded={editing === p.id}
                          onClick={() => {
                            setSaved(false);
                            setEditing(editing === p.id ? null : p.id);
                          }}
                        >
                          {t("changeState")}
                        </Button>
                      ) : null}
                      <RetractButton kind="petition" id={p.id} version={p.version} />
                    </div>
                  );
                },
              }),
            ]
          : []),
      ]),
    [t, canWrite, editing],
  );
  const current = rows.find((r) => r.id === editing);
  return (
    <div className="grid gap-3">
      {saved ? (
        <p role="status" className="text-sm font-medium text-green-800" data-testid="form-saved">
          {t("saved")}
        </p>
      ) : null}
      <LocalTable
        data={rows}
        columns={columns}
        caption={t("petitions")}
        empty={t("noPetitions")}
        testId="petitions-table"
        sort={sort}
        busy={busy}
        footer={<ShowAllLink list="petitions" total={total} />}
        rowClassName={(r) => (r.retracted ? "text-muted-foreground" : undefined)}
      />
      {canWrite && current && !current.retracted ? (
        <section className="rounded-md border p-4" aria-label={t("changeStateOf", { petitioner: current.petitioner })}>
          <h3 className="mb-3 font-medium">{t("changeStateOf", { petitioner: current.petitioner })}</h3>
          <PetitionStateForm
            key={current.id}
            petitionId={current.id}
            version={current.version}
            state={current.state}
            onDone={() => {
              setEditing(null);
              setSaved(true);
            }}
          />
        </section>
      ) : null}
    </div>
  );
}
