"use client";

import { useTranslations } from "next-intl";
import { LINK_KINDS } from "@/lib/domain";
import { EMPTY_LINK, type LinkCaseValues, linkCaseSchema } from "@/lib/schemas/records";
import { linkCaseAction, unlinkCaseAction } from "../_lib/actions";
import { ActionButton } from "./action-button";
import { FormResult, SelectField, SubmitButton, TextField, useOptions, useRecordForm } from "./form-kit";

/** Links this case to another by its reference (people held together, a family). */
export function LinkCaseForm({ caseRef }: { caseRef: string }) {
  const t = useTranslations("Records");
  const kinds = useOptions(LINK_KINDS, "LinkKind");
  const { form, onSubmit, result, submitting } = useRecordForm<LinkCaseValues>({
    schema: linkCaseSchema,
    defaultValues: EMPTY_LINK,
    submit: (values) => linkCaseAction({ ref: caseRef, values }),
  });
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 md:grid-cols-2"
      data-testid="link-case-form"
    >
      <TextField form={form} name="otherRef" id="lk-ref" label={t("otherRef")} hint={t("otherRefHint")} />
      <SelectField form={form} name="kind" id="lk-kind" label={t("linkKind")} options={kinds} />
      <TextField form={form} name="note" id="lk-note" label={t("note")} className="md:col-span-2" />
      <div className="grid gap-2 md:col-span-2">
        <FormResult result={result} />
        <div>
          <SubmitButton submitting={submitting} label={t("linkCase")} />
        </div>
      </div>
    </form>
  );
}

export function UnlinkButton({ caseRef, otherRef }: { caseRef: string; otherRef: string }) {
  const t = useTranslations("Records");
  return (
    <ActionButton
      label={t("unlink")}
      pendingLabel={t("saving")}
      confirm={t("unlinkConfirm", { ref: otherRef })}
      run={() => unlinkCaseAction({ ref: caseRef, otherRef })}
    />
  );
}
