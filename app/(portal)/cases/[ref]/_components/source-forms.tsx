"use client";

import { useTranslations } from "next-intl";
import { PartialDateInput } from "@/components/forms/partial-date-input";
import { SOURCE_KINDS } from "@/lib/domain";
import {
  type AttachSourceValues,
  attachSourceSchema,
  EMPTY_SOURCE,
  type SourceValues,
  sourceSchema,
} from "@/lib/schemas/records";
import { addSourceAction, attachSourceAction, detachSourceAction } from "../_lib/actions";
import { ActionButton } from "./action-button";
import { FormResult, SelectField, SubmitButton, TextField, useOptions, useRecordForm } from "./form-kit";

/** What a source can support: the case, or one of its (non-retracted) items, labelled for people. */
export interface TargetOption {
  value: string;
  label: string;
}

/** Adds a source and attaches it, in the same save, to the case or to one item of the timeline. */
export function AddSourceForm({ caseRef, targets }: { caseRef: string; targets: TargetOption[] }) {
  const t = useTranslations("Records");
  const kinds = useOptions(SOURCE_KINDS, "SourceKind");
  const { form, onSubmit, result, submitting } = useRecordForm<SourceValues>({
    schema: sourceSchema,
    defaultValues: EMPTY_SOURCE,
    submit: (values) => addSourceAction({ ref: caseRef, values }),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2" data-testid="source-form">
      <SelectField form={form} name="kind" id="src-kind" label={t("sourceKind")} options={kinds} />
      <TextField form={form} name="title" id="src-title" label={t("sourceTitle")} />
      <TextField form={form} name="publisher" id="src-publisher" label={t("publisher")} />
      <PartialDateInput form={form} name="published" id="src-published" label={t("published")} />
      <TextField form={form} name="url" id="src-url" type="url" label={t("url")} hint={t("urlHint")} />
      <SelectField
        form={form}
        name="target"
        id="src-target"
        label={t("supports")}
        options={targets}
        hint={t("supportsHint")}
      />
      <TextField form={form} name="note" id="src-note" label={t("note")} rows={2} className="md:col-span-2" />
      <div className="grid gap-2 md:col-span-2">
        <FormResult result={result} />
        <div>
          <SubmitButton submitting={submitting} label={t("addSource")} />
        </div>
      </div>
    </form>
  );
}

/** Attaches a source already on the case to something else it supports. */
export function AttachSourceForm({
  sources,
  targets,
}: {
  sources: ReadonlyArray<{ id: string; title: string }>;
  targets: TargetOption[];
}) {
  const t = useTranslations("Records");
  const { form, onSubmit, result, submitting } = useRecordForm<AttachSourceValues>({
    schema: attachSourceSchema,
    defaultValues: { sourceId: sources[0]?.id ?? "", target: "case" },
    submit: (values) => attachSourceAction({ values }),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2" data-testid="attach-source-form">
      <SelectField
        form={form}
        name="sourceId"
        id="att-source"
        label={t("source")}
        options={sources.map((s) => ({ value: s.id, label: s.title }))}
      />
      <SelectField form={form} name="target" id="att-target" label={t("supports")} options={targets} />
      <div className="grid gap-2 md:col-span-2">
        <FormResult result={result} />
        <div>
          <SubmitButton submitting={submitting} label={t("attachSource")} />
        </div>
      </div>
    </form>
  );
}

export function DetachSourceButton({ linkId }: { linkId: string }) {
  const t = useTranslations("Records");
  return <ActionButton label={t("detach")} pendingLabel={t("saving")} run={() => detachSourceAction({ linkId })} />;
}
