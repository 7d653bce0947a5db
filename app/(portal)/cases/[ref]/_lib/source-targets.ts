import "server-only";
import { getTranslations } from "next-intl/server";
import type { TargetFacts } from "@/db/dal/timeline";
import { getDateFormatters } from "@/lib/i18n/dates";
import { targetValue } from "@/lib/schemas/records";

/** Something a source can support: the case, or one item of its record, labelled for people. */
export interface TargetOption {
  value: string;
  label: string;
}

/** Notes are labelled by their date and their first words. */
const NOTE_WORDS = 60;

/**
 * Labels what sources support ("Status: Detained, early 2024", "Letter to the authorities, 3 May
 * 2024"): one translator for a whole page, which labels each target from its facts.
 */
export async function targetLabeller(): Promise<(facts: TargetFacts) => string> {
  const [t, status, contactKind, counterpart, dates] = await Promise.all([
    getTranslations("Records"),
    getTranslations("Status"),
    getTranslations("ContactKind"),
    getTranslations("ContactCounterpart"),
    getDateFormatters(),
  ]);
  return (facts) => {
    switch (facts.kind) {
      case "case":
        return t("targetCase");
      case "status_change":
        return t("targetStatus", { status: status(facts.status), date: dates.partial(facts.when) });
      case "contact":
        return t("targetContact", {
          kind: contactKind(facts.contactKind),
          counterpart: counterpart(facts.counterpart),
          date: dates.partial(facts.when),
        });
      case "petition":
        return t("targetPetition", { petitioner: facts.petitioner, addressee: facts.addressee });
      case "note":
        return t("targetNote", {
          date: dates.partial(facts.when),
          text: facts.body.length > NOTE_WORDS ? `${facts.body.slice(0, NOTE_WORDS - 1)}…` : facts.body,
        });
    }
  };
}

/** What a source may be attached to now, labelled: the case and the items that are not retracted. */
export async function targetOptions(targets: readonly TargetFacts[]): Promise<TargetOption[]> {
  const label = await targetLabeller();
  return targets
    .filter((f) => f.kind === "case" || !f.retracted)
    .map((f) => ({ value: targetValue(f.kind === "case" ? f : { kind: f.kind, id: f.id }), label: label(f) }));
}
