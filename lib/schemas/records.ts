/**
 * One zod schema per timeline form (status change, consular contact, petition, petition state,
 * note, source, source attachment, case link, retraction). Each is used by react-hook-form in the
 * browser (zodResolver), re-parsed by the Server Action, and parsed again by the data-access layer
 * (db/dal/records.ts), so bad input never reaches the database whoever calls it.
 */
import { z } from "zod";
import {
  CASE_STATUSES,
  CONTACT_COUNTERPARTS,
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
  LINK_KINDS,
  PETITION_ASKS,
  PETITION_STATES,
  SOURCE_KINDS,
} from "@/lib/domain";
import { EMPTY_DATE_FIELDS } from "@/lib/partial-date";
import { dayField, partialDateFields } from "./partial-date";

/** The kinds of item a case's timeline lists (also the values of its "kinds" URL filter). */
export const TIMELINE_KINDS = ["status_change", "contact", "petition_event", "note"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** The columns each of the case page's record tables can be sorted by (on the server). */
export const CASE_HISTORY_SORTS = ["when", "status", "recordedBy"] as const;
export const CASE_CONTACT_SORTS = ["when", "kind", "counterpart", "outcome", "followUp", "recordedBy"] as const;
export const CASE_PETITION_SORTS = ["petitioner", "addressee", "asks", "state", "filed", "answerDue"] as const;
export type CaseHistorySort = (typeof CASE_HISTORY_SORTS)[number];
export type CaseContactSort = (typeof CASE_CONTACT_SORTS)[number];
export type CasePetitionSort = (typeof CASE_PETITION_SORTS)[number];

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} is too long (${max.toLocaleString("en")} characters at most).`);

const required = (label: string, max: number) => text(label, max).min(1, `${label} is required.`);

const oneOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: `${label} must be one of the listed values.` });

/* ----------------------------------------------------------------------------------------------
 * Status change
 * -------------------------------------------------------------------------------------------- */
export const statusChangeSchema = z.object({
  status: oneOf(CASE_STATUSES, "Status"),
  occurred: partialDateFields({ label: "Date of the change", past: true }),
  /** A court's "until 15 June": becomes the case's next deadline. May be in the future. */
  deadlineOn: dayField("Deadline"),
  place: text("Place", 300),
  note: text("Note", 5000),
});
export type StatusChangeValues = z.input<typeof statusChangeSchema>;
export const EMPTY_STATUS_CHANGE: StatusChangeValues = {
  status: "detained",
  occurred: EMPTY_DATE_FIELDS,
  deadlineOn: "",
  place: "",
  note: "",
};

/* ----------------------------------------------------------------------------------------------
 * Consular contact
 * -------------------------------------------------------------------------------------------- */
export const contactSchema = z.object({
  kind: oneOf(CONTACT_KINDS, "Kind of contact"),
  counterpart: oneOf(CONTACT_COUNTERPARTS, "With whom"),
  occurred: partialDateFields({ label: "Date of the contact", past: true }),
  ourParticipants: text("Our side", 500),
  theirParticipants: text("Their side", 500),
  outcome: oneOf(CONTACT_OUTCOMES, "Outcome"),
  summary: text("Summary", 5000),
  detaineeCondition: text("Detainee's condition", 2000),
  followUpOn: dayField("Follow up on"),
});
export type ContactValues = z.input<typeof contactSchema>;
export const EMPTY_CONTACT: ContactValues = {
  kind: "visit",
  counterpart: "detainee",
  occurred: EMPTY_DATE_FIELDS,
  ourParticipants: "",
  theirParticipants: "",
  outcome: "pending",
  summary: "",
  detaineeCondition: "",
  followUpOn: "",
};

/* ----------------------------------------------------------------------------------------------
 * Petitions
 * -------------------------------------------------------------------------------------------- */
export const petitionSchema = z
  .object({
    petitioner: required("Petitioner", 300),
    addressee: required("Addressed to", 300),
    asks: oneOf(PETITION_ASKS, "What it asks"),
    asksDetail: text("Details", 5000),
    state: oneOf(PETITION_STATES, "State"),
    filed: partialDateFields({ label: "Date filed", past: true, required: false }),
    answerDue: dayField("Answer due"),
    answer: text("Answer", 5000),
  })
  .superRefine((v, ctx) => {
    if (v.state !== "draft" && !v.filed.year)
      ctx.addIssue({
        code: "custom",
        path: ["filed", "year"],
        message: "Date filed: give at least the year for a petition that has left draft.",
      });
    if (v.state === "withdrawn")
      ctx.addIssue({
        code: "custom",
        path: ["state"],
        message: "A new petition cannot start as withdrawn: record it as filed, then change its state.",
      });
  });
export type PetitionValues = z.input<typeof petitionSchema>;
export const EMPTY_PETITION: PetitionValues = {
  petitioner: "",
  addressee: "",
  asks: "release",
  asksDetail: "",
  state: "submitted",
  filed: EMPTY_DATE_FIELDS,
  answerDue: "",
  answer: "",
};

/**
 * Which state a petition may move to from each state. Granted and rejected are final (an appeal is
 * a new petition); a withdrawn petition may be filed again. A draft may jump ahead when its earlier
 * steps were not recorded, but it has to be given the date it was filed.
 */
export const PETITION_TRANSITIONS: Record<
  (typeof PETITION_STATES)[number],
  readonly (typeof PETITION_STATES)[number][]
> = {
  draft: ["submitted", "acknowledged", "answered", "granted", "rejected"],
  submitted: ["acknowledged", "answered", "granted", "rejected", "withdrawn"],
  acknowledged: ["answered", "granted", "rejected", "withdrawn"],
  answered: ["granted", "rejected", "withdrawn"],
  granted: [],
  rejected: [],
  withdrawn: ["submitted"],
};

export const petitionStateSchema = z.object({
  toState: oneOf(PETITION_STATES, "New state"),
  on: partialDateFields({ label: "Date of the change", past: true }),
  /** Required when the petition is still a draft (checked by the DAL, which knows the state). */
  filed: partialDateFields({ label: "Date filed", past: true, required: false }),
  answerDue: dayField("Answer due"),
  answer: text("Answer", 5000),
  note: text("Note", 2000),
});
export type PetitionStateValues = z.input<typeof petitionStateSchema>;
export const EMPTY_PETITION_STATE: PetitionStateValues = {
  toState: "acknowledged",
  on: EMPTY_DATE_FIELDS,
  filed: EMPTY_DATE_FIELDS,
  answerDue: "",
  answer: "",
  note: "",
};

/* ----------------------------------------------------------------------------------------------
 * Notes
 * -------------------------------------------------------------------------------------------- */
export const noteSchema = z.object({
  occurred: partialDateFields({ label: "Date", past: true }),
  body: required("Note", 10_000),
});
export type NoteValues = z.input<typeof noteSchema>;
export const EMPTY_NOTE: NoteValues = { occurred: EMPTY_DATE_FIELDS, body: "" };

/* ----------------------------------------------------------------------------------------------
 * Sources
 * -------------------------------------------------------------------------------------------- */
export const TARGET_KINDS = ["status_change", "contact", "petition", "note"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
/** What a source supports: the case itself, or one item of the same case. */
export type SourceTarget = { kind: "case" } | { kind: TargetKind; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === "string" && UUID.test(v);

/** A target as a form value: "case" or "<kind>:<uuid>". */
export const targetField = z
  .string()
  .trim()
  .refine((v) => parseTarget(v) !== null, "Choose what the source supports: the case or one of its items.");

export function parseTarget(value: string): SourceTarget | null {
  if (value === "case") return { kind: "case" };
  const [kind, id, ...rest] = value.split(":");
  if (rest.length || !id || !UUID.test(id) || !(TARGET_KINDS as readonly string[]).includes(kind ?? "")) return null;
  return { kind: kind as TargetKind, id: id.toLowerCase() };
}

export const targetValue = (t: SourceTarget) => (t.kind === "case" ? "case" : `${t.kind}:${t.id}`);

const url = z
  .string()
  .trim()
  .max(2000, "Link is too long (2,000 characters at most).")
  .refine((v) => {
    if (v === "") return true;
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, "Link must be a web address starting with http:// or https://.");

export const sourceSchema = z.object({
  kind: oneOf(SOURCE_KINDS, "Kind of source"),
  title: required("Title", 500),
  publisher: text("Publisher", 300),
  published: partialDateFields({ label: "Date published", past: true, required: false }),
  url,
  note: text("Note", 5000),
  /** What it supports, attached in the same transaction. */
  target: targetField,
});
export type SourceValues = z.input<typeof sourceSchema>;
export const EMPTY_SOURCE: SourceValues = {
  kind: "news_agency",
  title: "",
  publisher: "",
  published: EMPTY_DATE_FIELDS,
  url: "",
  note: "",
  target: "case",
};

export const attachSourceSchema = z.object({
  sourceId: z.string().trim().regex(UUID, "Choose a source."),
  target: targetField,
});
export type AttachSourceValues = z.input<typeof attachSourceSchema>;

/* ----------------------------------------------------------------------------------------------
 * Case links
 * -------------------------------------------------------------------------------------------- */
export const caseRefField = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, "Reference is required.")
  .regex(/^DC-\d{4}-\d{4,}$/, "Reference must look like DC-2024-0001.");

export const linkCaseSchema = z.object({
  otherRef: caseRefField,
  kind: oneOf(LINK_KINDS, "Kind of link"),
  note: text("Note", 1000),
});
export type LinkCaseValues = z.input<typeof linkCaseSchema>;
export const EMPTY_LINK: LinkCaseValues = { otherRef: "", kind: "held_together", note: "" };

/* ----------------------------------------------------------------------------------------------
 * Retraction: never a delete; the item stays, struck through, with who, when and why
 * -------------------------------------------------------------------------------------------- */
export const RETRACTABLE_KINDS = ["status_change", "contact", "petition", "note"] as const;
export type RetractableKind = (typeof RETRACTABLE_KINDS)[number];

/** The retraction form: only the reason is typed; the item and its version come with the button. */
export const retractFormSchema = z.object({
  reason: required("Reason", 2000),
});
export type RetractFormValues = z.input<typeof retractFormSchema>;

export const retractSchema = retractFormSchema.extend({
  kind: oneOf(RETRACTABLE_KINDS, "Kind of record"),
  id: z.string().trim().regex(UUID, "Unknown record."),
  version: z.coerce.number().int().positive(),
});
export type RetractInput = z.input<typeof retractSchema>;
