"use client";

import { useTranslations } from "next-intl";
import { PartialDateInput } from "@/components/forms/partial-date-input";
import { EMPTY_NOTE, type NoteValues, noteSchema } from "@/lib/schemas/records";
import { addNoteAction } from "../_lib/actions";
import { FormResult, SubmitButton, TextField, useRecordForm } from "./form-kit";

/** A dated note for the timeline: a statement, a rumour worth keeping, what a family member said. */
export function NoteForm({ caseRef }: { caseRef: string }) {
  const t = useTranslations("Records");
  const { form, onSubmit, result, submitting } = useRecordForm<NoteValues>({
    schema: noteSchema,
    defaultValues: EMPTY_NOTE,
    submit: (values) => addNoteAction({ ref: caseRef, values }),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4" data-testid="note-form">
      <PartialDateInput form={form} name="occurred" id="nt-occurred" label={t("noteOccurred")} />
      <TextField form={form} name="body" id="nt-body" label={t("noteBody")} rows={4} />
      <FormResult result={result} />
      <div>
        <SubmitButton submitting={submitting} label={t("addNote")} />
      </div>
    </form>
  );
}
