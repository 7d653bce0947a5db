"use client";

import { useTranslations } from "next-intl";
import { PartialDateInput } from "@/components/forms/partial-date-input";
import { PETITION_ASKS, PETITION_STATES } from "@/lib/domain";
import { EMPTY_PETITION, type PetitionValues, petitionSchema } from "@/lib/schemas/records";
import { addPetitionAction } from "../_lib/actions";
import { FormResult, SelectField, SubmitButton, TextField, useOptions, useRecordForm } from "./form-kit";

/** Who petitions whom, asking what, filed when, in which state, and when an answer is due. */
export function PetitionForm({ caseRef }: { caseRef: string }) {
  const t = useTranslations("Records");
  const asks = useOptions(PETITION_ASKS, "PetitionAsk");
  const states = useOptions(
    PETITION_STATES.filter((s) => s !== "withdrawn"),
    "PetitionState",
  );
  const { form, onSubmit, result, submitting } = useRecordForm<PetitionValues>({
    schema: petitionSchema,
    defaultValues: EMPTY_PETITION,
    submit: (values) => addPetitionAction({ ref: caseRef, values }),
  });
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 md:grid-cols-2"
      data-testid="petition-form"
    >
      <TextField form={form} name="petitioner" id="pt-petitioner" label={t("petitioner")} />
      <TextField form={form} name="addressee" id="pt-addressee" label={t("addressee")} />
      <SelectField form={form} name="asks" id="pt-asks" label={t("asks")} options={asks} />
      <SelectField form={form} name="state" id="pt-state" label={t("petitionState")} options={states} />
      <TextField
        form={form}
        name="asksDetail"
        id="pt-detail"
        label={t("asksDetail")}
        rows={3}
        className="md:col-span-2"
      />
      <PartialDateInput form={form} name="filed" id="pt-filed" label={t("filed")} />
      <TextField form={form} name="answerDue" id="pt-answer-due" type="date" label={t("answerDue")} />
      <TextField form={form} name="answer" id="pt-answer" label={t("answer")} rows={2} className="md:col-span-2" />
      <div className="grid gap-2 md:col-span-2">
        <FormResult result={result} />
        <div>
          <SubmitButton submitting={submitting} label={t("addPetition")} />
        </div>
      </div>
    </form>
  );
}
