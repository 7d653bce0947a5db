import { getTranslations } from "next-intl/server";
import { ContactForm } from "./contact-form";
import { LazyDetails } from "./lazy-details";
import { LinkCaseForm } from "./link-case-form";
import { NoteForm } from "./note-form";
import { PetitionForm } from "./petition-form";
import { AddSourceForm } from "./source-forms";
import { StatusChangeForm } from "./status-change-form";

/**
 * The forms that add to a case's record, each in a native <details> panel (no dialog library),
 * rendered when the panel is first opened. Shown only to actors who may write the case; the server
 * refuses everyone else anyway.
 */
export async function RecordPanel({ caseRef }: { caseRef: string }) {
  const t = await getTranslations("Records");
  const panels = [
    { id: "status", title: t("recordStatusTitle"), body: <StatusChangeForm caseRef={caseRef} /> },
    { id: "contact", title: t("logContactTitle"), body: <ContactForm caseRef={caseRef} /> },
    { id: "petition", title: t("addPetitionTitle"), body: <PetitionForm caseRef={caseRef} /> },
    { id: "note", title: t("addNoteTitle"), body: <NoteForm caseRef={caseRef} /> },
    { id: "source", title: t("addSourceTitle"), body: <AddSourceForm caseRef={caseRef} /> },
    { id: "link", title: t("linkCaseTitle"), body: <LinkCaseForm caseRef={caseRef} /> },
  ];
  return (
    <section aria-labelledby="record-heading" className="grid gap-2" data-testid="record-panel">
      <h2 id="record-heading" className="text-lg font-semibold">
        {t("addToRecord")}
      </h2>
      {panels.map((p) => (
        <LazyDetails
          key={p.id}
          className="group rounded-md border"
          testId={`panel-${p.id}`}
          summaryClassName="cursor-pointer px-4 py-2 font-medium group-open:border-b"
          summary={p.title}
        >
          <div className="p-4">{p.body}</div>
        </LazyDetails>
      ))}
    </section>
  );
}
