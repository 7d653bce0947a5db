"use client";

import { useTranslations } from "next-intl";
import { PartialDateInput } from "@/components/forms/partial-date-input";
import { CASE_STATUSES } from "@/lib/domain";
import { EMPTY_STATUS_CHANGE, type StatusChangeValues, statusChangeSchema } from "@/lib/schemas/records";
import { recordStatusChangeAction } from "../_lib/actions";
import { FormResult, SelectField, SubmitButton, TextField, useOptions, useRecordForm } from "./form-kit";

/** Records a dated step of the case; the case's status (and a court's deadline) follow from it. */
export function StatusChangeForm({ caseRef }: { caseRef: string }) {
  const t = useTranslations("Records");
  const statuses = useOptions(CASE_STATUSES, "Status");
  const { form, onSubmit, result, submitting } = useRecordForm<StatusChangeValues>({
    schema: statusChangeSchema,
    defaultValues: EMPTY_STATUS_CHANGE,
    submit: (values) => recordStatusChangeAction({ ref: caseRef, values }),
  });
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 md:grid-cols-2"
      data-testid="status-change-form"
    >
      <SelectField form={form} name="status" id="sc-status" label={t("status")} options={statuses} />
      <PartialDateInput form={form} name="occurred" id="sc-occurred" label={t("statusOccurred")} />
      <TextField form={form} name="place" id="sc-place" label={t("place")} hint={t("placeHint")} />
      <TextField
        form={form}
        name="deadlineOn"
        id="sc-deadline"
        type="date"
        label={t("deadlineOn")}
        hint={t("deadlineHint")}
      />
      <TextField form={form} name="note" id="sc-note" label={t("note")} rows={3} className="md:col-span-2" />
      <div className="grid gap-2 md:col-span-2">
        <FormResult result={result} />
        {result?.ok && !(result.data as { becameCurrent: boolean }).becameCurrent ? (
          <p className="text-sm text-muted-foreground" data-testid="not-current">
            {t("notCurrent")}
          </p>
        ) : null}
        <div>
          <SubmitButton submitting={submitting} label={t("recordStatus")} />
        </div>
      </div>
    </form>
  );
}
