"use client";

import { useTranslations } from "next-intl";
import { PartialDateInput } from "@/components/forms/partial-date-input";
import { CONTACT_COUNTERPARTS, CONTACT_KINDS, CONTACT_OUTCOMES } from "@/lib/domain";
import { type ContactValues, contactSchema, EMPTY_CONTACT } from "@/lib/schemas/records";
import { logContactAction } from "../_lib/actions";
import { FormResult, SelectField, SubmitButton, TextField, useOptions, useRecordForm } from "./form-kit";

/** Logs a visit, call, letter, note verbale, meeting or access request, and who took part on each side. */
export function ContactForm({ caseRef }: { caseRef: string }) {
  const t = useTranslations("Records");
  const kinds = useOptions(CONTACT_KINDS, "ContactKind");
  const counterparts = useOptions(CONTACT_COUNTERPARTS, "ContactCounterpart");
  const outcomes = useOptions(CONTACT_OUTCOMES, "ContactOutcome");
  const { form, onSubmit, result, submitting } = useRecordForm<ContactValues>({
    schema: contactSchema,
    defaultValues: EMPTY_CONTACT,
    submit: (values) => logContactAction({ ref: caseRef, values }),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2" data-testid="contact-form">
      <SelectField form={form} name="kind" id="ct-kind" label={t("contactKind")} options={kinds} />
      <SelectField form={form} name="counterpart" id="ct-counterpart" label={t("counterpart")} options={counterparts} />
      <PartialDateInput form={form} name="occurred" id="ct-occurred" label={t("contactOccurred")} />
      <SelectField form={form} name="outcome" id="ct-outcome" label={t("outcome")} options={outcomes} />
      <TextField
        form={form}
        name="ourParticipants"
        id="ct-ours"
        label={t("ourParticipants")}
        hint={t("ourParticipantsHint")}
      />
      <TextField
        form={form}
        name="theirParticipants"
        id="ct-theirs"
        label={t("theirParticipants")}
        hint={t("theirParticipantsHint")}
      />
      <TextField form={form} name="summary" id="ct-summary" label={t("summary")} rows={3} className="md:col-span-2" />
      <TextField
        form={form}
        name="detaineeCondition"
        id="ct-condition"
        label={t("detaineeCondition")}
        rows={2}
        className="md:col-span-2"
      />
      <TextField form={form} name="followUpOn" id="ct-follow-up" type="date" label={t("followUpOn")} />
      <div className="grid gap-2 md:col-span-2">
        <FormResult result={result} />
        <div>
          <SubmitButton submitting={submitting} label={t("logContact")} />
        </div>
      </div>
    </form>
  );
}
