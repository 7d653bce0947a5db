import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { CaseTimeline, ContactItem, PetitionRow, StatusChangeItem } from "@/db/dal/timeline";
import { AWAITING_PETITION_STATES } from "@/lib/domain";
import type { getDateFormatters } from "@/lib/i18n/dates";
import { daysUntil } from "@/lib/partial-date";
import { type SortKey, sortPage, textCollator } from "@/lib/sort-rows";
import type { ContactRow } from "../_components/contacts-table";
import type { PetitionTableRow } from "../_components/petitions-table";
import type { StatusHistoryRow } from "../_components/status-history-table";
import {
  CASE_TABLE_ROWS,
  type CaseList,
  type CaseParams,
  type CONTACT_SORTS,
  type HISTORY_SORTS,
  type PETITION_SORTS,
  tableSort,
} from "./search-params";

type Dates = Awaited<ReturnType<typeof getDateFormatters>>;

export interface TablePage<Row> {
  rows: Row[];
  /** Rows in the whole table. */
  total: number;
}

/** Date, then recording order: the timeline's own order. */
const whenKey = (item: { when: { on: string }; order: string }) => `${item.when.on}|${item.order}`;

/**
 * The case page's three record tables, each sorted as the URL says and cut to its first
 * CASE_TABLE_ROWS rows unless the URL shows it whole (`show`). Only the rows on the page are
 * labelled and formatted; sorting by a label sorts by the label the reader sees.
 */
export async function caseTables(
  timeline: Pick<CaseTimeline, "statusHistory" | "contacts" | "petitions">,
  params: CaseParams,
  context: { dates: Dates; today: string; retractedLabel: (r: StatusChangeItem["retracted"]) => string | null },
) {
  const [locale, t, status, contactKind, counterpart, outcome, petitionState, asks] = await Promise.all([
    getLocale(),
    getTranslations("Records"),
    getTranslations("Status"),
    getTranslations("ContactKind"),
    getTranslations("ContactCounterpart"),
    getTranslations("ContactOutcome"),
    getTranslations("PetitionState"),
    getTranslations("PetitionAsk"),
  ]);
  const { dates, today, retractedLabel } = context;
  const collator = textCollator(locale);
  const limit = (list: CaseList) => (params.show.includes(list) ? undefined : CASE_TABLE_ROWS);

  const historySort = tableSort(params, "historySort");
  const historyKeys: Record<(typeof HISTORY_SORTS)[number], SortKey<StatusChangeItem>> = {
    when: { get: whenKey },
    status: { get: (s) => status(s.status), text: true },
    recordedBy: { get: (s) => s.recordedBy, text: true },
  };
  const history: TablePage<StatusHistoryRow> = {
    total: timeline.statusHistory.length,
    rows: sortPage(timeline.statusHistory, {
      key: historyKeys[historySort.id as keyof typeof historyKeys] ?? historyKeys.when,
      desc: historySort.desc,
      tiebreak: whenKey,
      collator,
      limit: limit("history"),
    }).map((s) => ({
      id: s.id,
      when: dates.partial(s.when),
      status: status(s.status),
      place: s.place ?? "",
      deadline: s.deadlineOn ? dates.day(s.deadlineOn) : "",
      note: s.note ?? "",
      recordedBy: s.recordedBy,
      retracted: retractedLabel(s.retracted),
    })),
  };

  const contactSort = tableSort(params, "contactsSort");
  const contactKeys: Record<(typeof CONTACT_SORTS)[number], SortKey<ContactItem>> = {
    when: { get: whenKey },
    kind: { get: (x) => contactKind(x.contactKind), text: true },
    counterpart: { get: (x) => counterpart(x.counterpart), text: true },
    outcome: { get: (x) => outcome(x.outcome), text: true },
    followUp: { get: (x) => x.followUpOn ?? "" },
    recordedBy: { get: (x) => x.recordedBy, text: true },
  };
  const contacts: TablePage<ContactRow> = {
    total: timeline.contacts.length,
    rows: sortPage(timeline.contacts, {
      key: contactKeys[contactSort.id as keyof typeof contactKeys] ?? contactKeys.when,
      desc: contactSort.desc,
      tiebreak: whenKey,
      collator,
      limit: limit("contacts"),
    }).map((x) => ({
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
  };

  const petitionSort = tableSort(params, "petitionsSort");
  const petitionKeys: Record<(typeof PETITION_SORTS)[number], SortKey<PetitionRow>> = {
    petitioner: { get: (p) => p.petitioner, text: true },
    addressee: { get: (p) => p.addressee, text: true },
    asks: { get: (p) => asks(p.asks), text: true },
    state: { get: (p) => petitionState(p.state), text: true },
    filed: { get: (p) => p.filed?.on ?? "" },
    answerDue: { get: (p) => p.answerDue ?? "" },
  };
  // Petitions come in recording order; that order breaks ties.
  const recorded = new Map(timeline.petitions.map((p, i) => [p.id, String(i).padStart(8, "0")]));
  const petitions: TablePage<PetitionTableRow> = {
    total: timeline.petitions.length,
    rows: sortPage(timeline.petitions, {
      key: petitionKeys[petitionSort.id as keyof typeof petitionKeys] ?? petitionKeys.filed,
      desc: petitionSort.desc,
      tiebreak: (p) => recorded.get(p.id) ?? "",
      collator,
      limit: limit("petitions"),
    }).map((p) => ({
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

  return { history, contacts, petitions };
}
