import { getTranslations } from "next-intl/server";
import type { CaseSource } from "@/db/dal/timeline";
import type { getDateFormatters } from "@/lib/i18n/dates";
import { targetLabeller } from "../_lib/source-targets";
import { ShowAllLink } from "./case-list-url";
import { AttachSourceForm, DetachSourceButton } from "./source-forms";

type Dates = Awaited<ReturnType<typeof getDateFormatters>>;

/**
 * The case's sources (the first CASE_TABLE_ROWS, or all when the URL shows them), what each one
 * supports, and (for writers) attaching any of them to something else, and detaching.
 */
export async function SourcesSection({
  caseRef,
  sources,
  total,
  choices,
  canWrite,
  dates,
}: {
  caseRef: string;
  /** The sources shown. */
  sources: CaseSource[];
  /** How many sources the case has. */
  total: number;
  /** Every source of the case, for the attach form's choice. */
  choices: ReadonlyArray<Pick<CaseSource, "id" | "title">>;
  canWrite: boolean;
  dates: Dates;
}) {
  const t = await getTranslations("Records");
  const [kind, label] = await Promise.all([getTranslations("SourceKind"), targetLabeller()]);
  return (
    <section id="sources" aria-labelledby="sources-heading" className="grid gap-3">
      <h2 id="sources-heading" className="text-lg font-semibold">
        {t("sources")}
      </h2>
      {sources.length === 0 ? (
        <p className="rounded-md border p-4 text-sm text-muted-foreground">{t("noSources")}</p>
      ) : (
        <ul className="grid gap-2" data-testid="sources-list">
          {sources.map((s) => (
            <li key={s.id} className="grid gap-1 rounded-md border p-3 text-sm">
              <div className="flex flex-wrap items-baseline gap-2">
                {s.url ? (
                  <a
                    href={s.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="font-medium text-primary underline"
                  >
                    {s.title}
                  </a>
                ) : (
                  <span className="font-medium">{s.title}</span>
                )}
                <span className="text-muted-foreground">
                  {[kind(s.kind), s.publisher, s.published ? dates.partial(s.published) : null]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </div>
              {s.note ? <p className="text-muted-foreground">{s.note}</p> : null}
              <div>
                <span className="text-muted-foreground">{t("supportsList")}: </span>
                {s.attachments.length === 0 ? (
                  t("supportsNothing")
                ) : (
                  <ul className="grid gap-0.5">
                    {s.attachments.map((a) => (
                      <li key={a.linkId} className="flex flex-wrap items-center gap-1">
                        {label(a.facts)}
                        {canWrite ? <DetachSourceButton linkId={a.linkId} /> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <ShowAllLink list="sources" total={total} />
      {canWrite && choices.length > 0 ? (
        <details className="rounded-md border p-3">
          <summary className="cursor-pointer font-medium">{t("attachSourceTitle")}</summary>
          <div className="mt-3">
            <AttachSourceForm caseRef={caseRef} sources={choices.map((s) => ({ id: s.id, title: s.title }))} />
          </div>
        </details>
      ) : null}
    </section>
  );
}
