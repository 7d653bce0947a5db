import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { CaseRecord, CaseRecordOptions, Retraction } from "@/db/dal/timeline";
import {
  AWAITING_PETITION_STATES,
  CASE_STATUSES,
  CONTACT_COUNTERPARTS,
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
  PETITION_ASKS,
  PETITION_STATES,
} from "@/lib/domain";
import type { getDateFormatters } from "@/lib/i18n/dates";
import { daysUntil } from "@/lib/partial-date";
import type { ContactRow } from "../_components/contacts-table";
import type { PetitionTableRow } from "../_components/petitions-table";
import type { StatusHistoryRow } from "../_components/status-history-table";
import { CASE_TABLE_ROWS, type CaseList, type CaseParams, tableSort } from "./search-params";

type Dates = Awaited<ReturnType<typeof getDateFormatters>>;
type Translate = (key: string) => string;

/** Label columns: the namespace of their labels and the values they take. */
const LABELS = {
  status: { namespace: "Status", values: CASE_STATUSES },
  kind: { namespace: "ContactKind", values: CONTACT_KINDS },
  counterpart: { namespace: "ContactCounterpart", values: CONTACT_COUNTERPARTS },
  outcome: { namespace: "ContactOutcome", values: CONTACT_OUTCOMES },
  asks: { namespace: "PetitionAsk", values: PETITION_ASKS },
  state: { namespace: "PetitionState", values: PETITION_STATES },
} as const;
type LabelColumn = keyof typeof LABELS;

/** Per locale and column, the values in the order their labels sort: labels do not change while the app runs. */
const labelOrders = new Map<string, readonly string[]>();

async function labelOrder(locale: string, column: string): Promise<readonly string[] | undefined> {
  if (!(column in LABELS)) return undefined;
  const key = `${locale}:${column}`;
  const known = labelOrders.get(key);
  if (known) return known;
  const { namespace, values } = LABELS[column as LabelColumn];
  const t = (await getTranslations(namespace)) as unknown as Translate;
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: "base" });
  const order = [...values].sort((a, b) => collator.compare(t(a), t(b)));
  labelOrders.set(key, order);
  return order;
}

/**
 * What the case page asks the DAL for its three record tables and its sources: each table in the
 * URL's order (by the labels the reader sees, for label columns), the first CASE_TABLE_ROWS rows
 * unless the URL shows it whole (`show`).
 */
export async function caseTableOptions(
  params: CaseParams,
): Promise<Pick<CaseRecordOptions, "history" | "contacts" | "petitions" | "sources">> {
  const locale = await getLocale();
  const limit = (list: CaseList) => (params.show.includes(list) ? undefined : CASE_TABLE_ROWS);
  const history = tableSort(params, "historySort");
  const contacts = tableSort(params, "contactsSort");
  const petitions = tableSort(params, "petitionsSort");
  const [historyOrder, contactOrder, petitionOrder] = await Promise.all([
    labelOrder(locale, history.id),
    labelOrder(locale, contacts.id),
    labelOrder(locale, petitions.id),
  ]);
  return {
    history: { sort: { ...history, labelOrder: historyOrder }, limit: limit("history") },
    contacts: { sort: { ...contacts, labelOrder: contactOrder }, limit: limit("contacts") },
    petitions: { sort: { ...petitions, labelOrder: petitionOrder }, limit: limit("petitions") },
    sources: { limit: limit("sources") },
  };
}

/** The rows of the three record tables as they show them: labels and dates formatted here, once. */
export async function caseTableRows(
  record: Pick<CaseRecord, "history" | "contacts" | "petitions">,
  context: { dates: Dates; today: string; retractedLabel: (r: Retraction | null) => string | null },
): Promise<{ history: StatusHistoryRow[]; contacts: ContactRow[]; petitions: PetitionTableRow[] }> {
  const [t, status, contactKind, counterpart, outcome, petitionState, asks] = await Promise.all([
    getTranslations("Records"),
    getTranslations("Status"),
    getTranslations("ContactKind"),
    getTranslations("ContactCounterpart"),
    getTranslations("ContactOutcome"),
    getTranslations("PetitionState"),
    getTranslations("PetitionAsk"),
  ]);
  const { dates, today, retractedLabel } = context;
  return {
    history: record.history.rows.map((s) => ({
      id: s.id,
      when: dates.partial(s.when),
      status: status(s.status),
      place: s.place ?? "",
      deadline: s.deadlineOn ? dates.day(s.deadlineOn) : "",
      note: s.note ?? "",
      recordedBy: s.recordedBy,
      retracted: retractedLabel(s.retracted),
    })),
    contacts: record.contacts.rows.map((x) => ({
      id: x.id,
      when: dates.partial(x.when),
      kind: contactKind(x.contactKind),
      counterpart: counterpart(x.counterpart),
      ourParticipants: x.ourParticipants ?? "",
      theirParticipants: x.theirParticipants ?? "",
      outcome: outcome(x.outcome),
      followUp: x.followUpOn ? dates.day(x.followUpOn) : "",
      recordedBy: x.recordedBy,
      retracted: retractedLabel(x.retracted),
    })),
    petitions: record.petitions.rows.map((p) => ({
      id: p.id,
      version: p.version,
      state: p.state,
      stateLabel: petitionState(p.state),
      petitioner: p.petitioner,
      addressee: p.addressee,
      asks: asks(p.asks),
      filed: p.filed ? dates.partial(p.filed) : t("notFiled"),
      answerDue: p.answerDue ? dates.day(p.answerDue) : "",
      overdue:
        !!p.answerDue &&
        !p.retracted &&
        AWAITING_PETITION_STATES.includes(p.state) &&
        daysUntil(p.answerDue, today) < 0,
      answer: p.answer ?? "",
      retracted: retractedLabel(p.retracted),
    })),
  };
}
