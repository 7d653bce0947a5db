"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { LocalTable, localColumnHelper } from "@/components/data-table/local-table";
import { cn } from "@/lib/utils";
import { CaseLink } from "./case-link";
import { DaysLeft } from "./days-left";

/** The case a row is about; `id` is unique within its table. */
interface CaseCells {
  id: string;
  ref: string;
  fullName: string;
  nativeName: string | null;
}

/** A due date: formatted on the server for display, ISO for sorting, and the days left. */
interface DueCells {
  due: string;
  dueSort: string;
  daysLeft: number;
}

export interface QuietRow extends CaseCells {
  /** Formatted, or "never contacted". */
  lastContact: string;
  lastContactSort: string;
  silentDays: number;
}
export interface DeadlineRow extends CaseCells, DueCells {
  note: string | null;
}
export type FollowUpRow = CaseCells & DueCells;
export interface OverduePetitionRow extends CaseCells, DueCells {
  petitioner: string;
  addressee: string;
}
export interface CaseloadRow {
  id: string;
  name: string;
  openCases: number;
  overdue: number;
}

const caseLink = (r: CaseCells) => <CaseLink caseRef={r.ref} fullName={r.fullName} nativeName={r.nativeName} />;
const dataRef = (r: CaseCells) => ({ "data-ref": r.ref });

const quiet = localColumnHelper<QuietRow>();

export function QuietTable({ rows, caption }: { rows: QuietRow[]; caption: string }) {
  const t = useTranslations("Dashboard");
  const columns = useMemo(
    () =>
      quiet.columns([
        quiet.accessor("ref", { header: t("case"), cell: (c) => caseLink(c.row.original) }),
        quiet.accessor("lastContactSort", {
          id: "lastContact",
          header: t("lastContact"),
          cell: (c) => c.row.original.lastContact,
        }),
        quiet.accessor("silentDays", {
          header: t("silence"),
          meta: { className: "text-right" },
          cell: (c) => t("silentFor", { days: c.getValue() }),
        }),
      ]),
    [t],
  );
  return <LocalTable data={rows} columns={columns} caption={caption} rowProps={dataRef} />;
}

const deadline = localColumnHelper<DeadlineRow>();

export function DeadlinesTable({ rows }: { rows: DeadlineRow[] }) {
  const t = useTranslations("Dashboard");
  const columns = useMemo(
    () =>
      deadline.columns([
        deadline.accessor("ref", {
          header: t("case"),
          cell: (c) => (
            <>
              {caseLink(c.row.original)}
              {c.row.original.note ? <div className="text-xs text-muted-foreground">{c.row.original.note}</div> : null}
            </>
          ),
        }),
        deadline.accessor("dueSort", {
          id: "due",
          header: t("due"),
          meta: { cellClassName: "whitespace-nowrap" },
          cell: (c) => c.row.original.due,
        }),
        deadline.accessor("daysLeft", {
          header: t("daysLeftHeader"),
          meta: { className: "text-right" },
          cell: (c) => <DaysLeft days={c.getValue()} t={t} />,
        }),
      ]),
    [t],
  );
  return <LocalTable data={rows} columns={columns} caption={t("deadlines")} rowProps={dataRef} />;
}

const followUp = localColumnHelper<FollowUpRow>();

export function FollowUpsTable({ rows }: { rows: FollowUpRow[] }) {
  const t = useTranslations("Dashboard");
  const columns = useMemo(
    () =>
      followUp.columns([
        followUp.accessor("ref", { header: t("case"), cell: (c) => caseLink(c.row.original) }),
        followUp.accessor("dueSort", {
          id: "due",
          header: t("due"),
          meta: { cellClassName: "whitespace-nowrap" },
          cell: (c) => c.row.original.due,
        }),
        followUp.accessor("daysLeft", {
          header: t("daysLeftHeader"),
          meta: { className: "text-right" },
          cell: (c) => <DaysLeft days={c.getValue()} t={t} />,
        }),
      ]),
    [t],
  );
  return <LocalTable data={rows} columns={columns} caption={t("followUps")} />;
}

const petition = localColumnHelper<OverduePetitionRow>();

export function PetitionsOverdueTable({ rows }: { rows: OverduePetitionRow[] }) {
  const t = useTranslations("Dashboard");
  const columns = useMemo(
    () =>
      petition.columns([
        petition.accessor("ref", { header: t("case"), cell: (c) => caseLink(c.row.original) }),
        petition.accessor("petitioner", {
          header: t("petition"),
          cell: (c) => `${c.row.original.petitioner} → ${c.row.original.addressee}`,
        }),
        petition.accessor("dueSort", {
          id: "due",
          header: t("due"),
          meta: { cellClassName: "whitespace-nowrap" },
          cell: (c) => c.row.original.due,
        }),
        petition.accessor("daysLeft", {
          header: t("daysLeftHeader"),
          meta: { className: "text-right" },
          cell: (c) => <DaysLeft days={c.getValue()} t={t} />,
        }),
      ]),
    [t],
  );
  return <LocalTable data={rows} columns={columns} caption={t("petitionsOverdue")} />;
}

const caseload = localColumnHelper<CaseloadRow>();

export function CaseloadTable({ rows }: { rows: CaseloadRow[] }) {
  const t = useTranslations("Dashboard");
  const columns = useMemo(
    () =>
      caseload.columns([
        caseload.accessor("name", { header: t("caseworker") }),
        caseload.accessor("openCases", { header: t("openCases"), meta: { className: "text-right" } }),
        caseload.accessor("overdue", {
          header: t("overdueItems"),
          meta: { className: "text-right" },
          cell: (c) => <span className={cn(c.getValue() > 0 && "font-semibold text-destructive")}>{c.getValue()}</span>,
        }),
      ]),
    [t],
  );
  return <LocalTable data={rows} columns={columns} caption={t("caseload")} />;
}
