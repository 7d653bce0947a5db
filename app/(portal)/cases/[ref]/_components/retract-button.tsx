"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { type RetractableKind, type RetractFormValues, retractFormSchema } from "@/lib/schemas/records";
import { retractAction } from "../_lib/actions";
import { FormResult, SubmitButton, TextField, useRecordForm } from "./form-kit";

/**
 * A small "Retract" button that opens a reason field beside the item. Nothing is deleted: the item
 * stays on the timeline, struck through, with who retracted it, when and why.
 */
export function RetractButton({
  kind,
  id,
  version,
  className,
}: {
  kind: RetractableKind;
  id: string;
  version: number;
  /** The closed button's look; a plain ghost button when absent. */
  className?: string;
}) {
  const t = useTranslations("Records");
  const [open, setOpen] = useState(false);
  if (!open) {
    return className ? (
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {t("retract")}
      </button>
    ) : (
      <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(true)}>
        {t("retract")}
      </Button>
    );
  }
  return <RetractForm kind={kind} id={id} version={version} onCancel={() => setOpen(false)} />;
}

function RetractForm({
  kind,
  id,
  version,
  onCancel,
}: {
  kind: RetractableKind;
  id: string;
  version: number;
  onCancel: () => void;
}) {
  const t = useTranslations("Records");
  const { form, onSubmit, result, submitting } = useRecordForm<RetractFormValues>({
    schema: retractFormSchema,
    defaultValues: { reason: "" },
    submit: (values) => retractAction({ kind, id, version, values }),
    resetOnSuccess: false,
  });
  const fieldId = `retract-${id.slice(0, 8)}`;
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="grid w-full gap-2 rounded-md border p-3"
      data-testid="retract-form"
    >
      <TextField form={form} name="reason" id={fieldId} label={t("retractReason")} hint={t("retractHint")} rows={2} />
      <FormResult result={result} />
      <div className="flex gap-2">
        <SubmitButton submitting={submitting} label={t("retractSubmit")} />
        <Button type="button" variant="outline" onClick={onCancel} disabled={submitting}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
