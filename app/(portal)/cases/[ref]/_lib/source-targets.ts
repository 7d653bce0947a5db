import "server-only";
import { getTranslations } from "next-intl/server";
import type { CaseTimeline } from "@/db/dal/timeline";
import { getDateFormatters } from "@/lib/i18n/dates";

/** Something a source can support: the case, or one item of its record, labelled for people. */
export interface TargetOption {
  value: string;
  label: string;
}

export interface SourceTargets {
  /** Labels of the case and every item, retracted ones included, by target value ("contact:<id>"). */
  labels: Map<string, string>;
  /** What a source may be attached to now: the case and the items that are not retracted. */
  options: TargetOption[];
}

/**
 * What a source on this case can support, labelled ("Status: Detained, early 2024"). The case page
 * needs only the labels (to say what each source supports); the forms that attach a source load the
 * options when they are opened (sourceTargetsAction), so that a long case's page does not carry a
 * select of every item in every form.
 */
export async function sourceTargets(
  timeline: Pick<CaseTimeline, "statusHistory" | "contacts" | "petitions" | "notes">,
  /** Label only these targets (and offer no options): what the case's sources already support. */
  only?: ReadonlySet<string>,
): Promise<SourceTargets> {
  const [t, status, contactKind, counterpart, dates] = await Promise.all([
    getTranslations("Records"),
    getTranslations("Status"),
    getTranslations("ContactKind"),
    getTranslations("ContactCounterpart"),
    getDateFormatters(),
  ]);
  const labels = new Map<string, string>([["case", t("targetCase")]]);
  const options: TargetOption[] = [{ value: "case", label: t("targetCase") }];
  // Labels are made only when needed: formatting hundreds of dates and messages is not free.
  const add = (value: string, makeLabel: () => string, retracted: boolean) => {
    if (only && !only.has(value)) return;
    const label = makeLabel();
    labels.set(value, label);
    if (!retracted && !only) options.push({ value, label });
  };
  for (const s of timeline.statusHistory)
    add(
      `status_change:${s.id}`,
      () => t("targetStatus", { status: status(s.status), date: dates.partial(s.when) }),
      !!s.retracted,
    );
  for (const x of timeline.contacts)
    add(
      `contact:${x.id}`,
      () =>
        t("targetContact", {
          kind: contactKind(x.contactKind),
          counterpart: counterpart(x.counterpart),
          date: dates.partial(x.when),
        }),
      !!x.retracted,
    );
  for (const p of timeline.petitions)
    add(
      `petition:${p.id}`,
      () => t("targetPetition", { petitioner: p.petitioner, addressee: p.addressee }),
      !!p.retracted,
    );
  for (const n of timeline.notes)
    add(
      `note:${n.id}`,
      () =>
        t("targetNote", { date: dates.partial(n.when), text: n.body.length > 60 ? `${n.body.slice(0, 59)}…` : n.body }),
      !!n.retracted,
    );
  return { labels, options };
}
