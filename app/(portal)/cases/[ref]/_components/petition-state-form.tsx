"use client";

import { useTranslations } from "next-intl";
import { PartialDateInput } from "@/components/forms/partial-date-input";
import type { PetitionState } from "@/lib/domain";
import {
  EMPTY_PETITION_STATE,
  PETITION_TRANSITIONS,
  type PetitionStateValues,
  petitionStateSchema,
} from "@/lib/schemas/records";
import { changePetitionStateAction } from "../_lib/actions";
import { FormResult, SelectField, SubmitButton, TextField, useOptions, useRecordForm } from "./form-kit";

/**
 * Moves one petition to its next state over the version shown on the page. On a conflict the form
 * keeps what was typed and names who changed the petition first; "Reload" brings their version.
 */
export function PetitionStateForm({
  petitionId,
  version,
  state,
  onDone,
}: {
  petitionId: string;
  version: number;
  state: PetitionState;
  onDone: () => void;
}) {
  const t = useTranslations("Records");
  const stateName = useTranslations("PetitionState");
  const allowed = PETITION_TRANSITIONS[state];
  const options = useOptions(allowed, "PetitionState");
  const { form, onSubmit, result, submitting } = useRecordForm<PetitionStateValues>({
    schema: petitionStateSchema,
    defaultValues: { ...EMPTY_PETITION_STATE, toState: allowed[0] ?? "submitted" },
    // `version` is read when submitting: after a reload it is the newer one, and what was typed stays.
    submit: (values) => changePetitionStateAction({ petitionId, version, values }),
    resetOnSuccess: false,
    onSuccess: onDone,
  });
  const p = `ps-${petitionId.slice(0, 8)}`;
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 md:grid-cols-2"
      data-testid="petition-state-form"
    >
      <p className="text-sm md:col-span-2">{t("currentState", { state: stateName(state) })}</p>
      <SelectField form={form} name="toState" id={`${p}-to`} label={t("newState")} options={options} />
      <PartialDateInput form={form} name="on" id={`${p}-on`} label={t("stateChangedOn")} />
      {state === "draft" ? <PartialDateInput form={form} name="filed" id={`${p}-filed`} label={t("filed")} /> : null}
      <TextField form={form} name="answerDue" id={`${p}-due`} type="date" label={t("answerDue")} />
      <TextField form={form} name="answer" id={`${p}-answer`} label={t("answer")} rows={2} className="md:col-span-2" />
      <TextField form={form} name="note" id={`${p}-note`} label={t("note")} rows={2} className="md:col-span-2" />
      <div className="grid gap-2 md:col-span-2">
        <FormResult result={result} />
        <div>
          <SubmitButton submitting={submitting} label={t("changeState")} />
        </div>
      </div>
    </form>
  );
}
