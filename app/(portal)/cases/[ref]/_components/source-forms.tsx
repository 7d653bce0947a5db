"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { PartialDateInput } from "@/components/forms/partial-date-input";
import { SOURCE_KINDS } from "@/lib/domain";
import {
  type AttachSourceValues,
  attachSourceSchema,
  EMPTY_SOURCE,
  type SourceValues,
  sourceSchema,
} from "@/lib/schemas/records";
import { addSourceAction, attachSourceAction, detachSourceAction, sourceTargetsAction } from "../_lib/actions";
import type { TargetOption } from "../_lib/source-targets";
import { ActionButton } from "./action-button";
import { FormResult, SelectField, SubmitButton, TextField, useOptions, useRecordForm } from "./form-kit";

/**
 * The "Supports" select: the case at first, then every item of the case that a source can support,
 * loaded from the server when the select is first shown (its form's panel opened) or focused. A
 * long case has hundreds of items: the page does not carry them in every form it renders.
 */
function TargetSelectField<V extends FieldValues>({
  form,
  name,
  id,
  caseRef,
  label,
  hint,
}: {
  form: UseFormReturn<V>;
  name: Path<V>;
  id: string;
  caseRef: string;
  label: string;
  hint?: string;
}) {
  const t = useTranslations("Records");
  const [targets, setTargets] = useState<TargetOption[] | null>(null);
  const [failed, setFailed] = useState(false);
  const asked = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  const load = () => {
    if (asked.current) return;
    asked.current = true;
    void sourceTargetsAction({ ref: caseRef }).then(
      (result) => (result.ok ? setTargets(result.data) : setFailed(true)),
      () => setFailed(true),
    );
  };
  // Inside a closed <details> the select is not rendered: it intersects once the panel is opened.
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once, when first visible.
  useEffect(() => {
    const element = box.current;
    if (!element || typeof IntersectionObserver === "undefined") return load();
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        load();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const options = targets ?? [{ value: "case", label: t("targetCase") }];
  return (
    <div ref={box} onFocusCapture={load}>
      <SelectField
        form={form}
        name={name}
        id={id}
        label={label}
        options={options}
        hint={failed ? t("targetsFailed") : hint}
        busy={targets === null && !failed}
        busyLabel={t("targetsLoading")}
      />
    </div>
  );
}

/** Adds a source and attaches it, in the same save, to the case or to one item of the timeline. */
export function AddSourceForm({ caseRef }: { caseRef: string }) {
  const t = useTranslations("Records");
  const kinds = useOptions(SOURCE_KINDS, "SourceKind");
  const { form, onSubmit, result, submitting } = useRecordForm<SourceValues>({
    schema: sourceSchema,
    defaultValues: EMPTY_SOURCE,
    submit: (values) => addSourceAction({ ref: caseRef, values }),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2" data-testid="source-form">
      <SelectField form={form} name="kind" id="src-kind" label={t("sourceKind")} options={kinds} />
      <TextField form={form} name="title" id="src-title" label={t("sourceTitle")} />
      <TextField form={form} name="publisher" id="src-publisher" label={t("publisher")} />
      <PartialDateInput form={form} name="published" id="src-published" label={t("published")} />
      <TextField form={form} name="url" id="src-url" type="url" label={t("url")} hint={t("urlHint")} />
      <TargetSelectField
        form={form}
        name="target"
        id="src-target"
        caseRef={caseRef}
        label={t("supports")}
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
  caseRef,
  sources,
}: {
  caseRef: string;
  sources: ReadonlyArray<{ id: string; title: string }>;
}) {
  const t = useTranslations("Records");
  const { form, onSubmit, result, submitting } = useRecordForm<AttachSourceValues>({
    schema: attachSourceSchema,
    defaultValues: { sourceId: sources[0]?.id ?? "", target: "case" },
    submit: (values) => attachSourceAction({ values }),
  });
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 md:grid-cols-2"
      data-testid="attach-source-form"
    >
      <SelectField
        form={form}
        name="sourceId"
        id="att-source"
        label={t("source")}
        options={sources.map((s) => ({ value: s.id, label: s.title }))}
      />
      <TargetSelectField form={form} name="target" id="att-target" caseRef={caseRef} label={t("supports")} />
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
