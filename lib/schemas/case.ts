import { z } from "zod";
import { isCountryCode } from "@/lib/countries";
import { RISK_LEVELS, SEXES } from "@/lib/domain";
import { EMPTY_DATE_FIELDS } from "@/lib/partial-date";
import { dayField, partialDateFields } from "./partial-date";

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} is too long (${max.toLocaleString("en")} characters at most).`);

const country = (label: string, required: boolean) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => (required ? v !== "" : true), `${label} is required.`)
    .refine((v) => v === "" || isCountryCode(v), `${label} must be a country.`);

/** Free text split into a list: one entry per line or comma. */
const list = (label: string, max: number) =>
  text(label, max).refine(
    (v) => splitList(v).every((item) => item.length <= 200),
    `${label}: each entry must be 200 characters at most.`,
  );

export function splitList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[\n,;]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The case form's one schema: used by react-hook-form in the browser (zodResolver) and re-parsed
 * by the Server Action. Values arrive as strings and booleans from the form.
 */
export const caseFormSchema = z
  .object({
    fullName: text("Name", 200).min(1, "Name is required."),
    nativeName: text("Name in original script", 200),
    otherNames: list("Other spellings", 2000),
    sex: z.enum(SEXES, { error: "Sex must be one of the listed values." }),
    birth: partialDateFields({ label: "Date of birth", past: true, required: false }),
    ageYears: z
      .string()
      .trim()
      .regex(/^\d{0,3}$/, "Age must be a whole number.")
      .refine((v) => v === "" || Number(v) <= 130, "Age must be 130 or less."),
    ageAsOf: dayField("Age as of"),
    nationality: country("Nationality", false),
    otherCitizenships: list("Other citizenships", 200).refine(
      (v) => splitList(v).every((c) => isCountryCode(c.toUpperCase())),
      "Other citizenships must be country codes such as KR, US, separated by commas.",
    ),
    occupation: text("Occupation", 200),
    affiliation: text("Affiliation", 300),
    detainingCountry: country("Detaining country", true),
    facility: text("Place of detention", 300),
    facilityCity: text("City", 200),
    detained: partialDateFields({ label: "Date detained", past: true, required: false }),
    allegations: text("Allegations or charges", 5000),
    chargesClassified: z.boolean(),
    riskLevel: z.enum(RISK_LEVELS, { error: "Risk level must be one of the listed values." }),
    nextDeadline: dayField("Next deadline"),
    nextDeadlineNote: text("Deadline note", 500),
    restricted: z.boolean(),
    summary: text("Summary", 10_000),
  })
  .superRefine((v, ctx) => {
    if (v.ageYears && !v.ageAsOf)
      ctx.addIssue({ code: "custom", path: ["ageAsOf"], message: "Give the date the age was reported." });
    if (v.ageYears && v.birth.year)
      ctx.addIssue({ code: "custom", path: ["ageYears"], message: "Give either a date of birth or an age, not both." });
  });

export type CaseFormValues = z.input<typeof caseFormSchema>;
export type CaseFormData = z.output<typeof caseFormSchema>;

/** Editing adds the version the form was loaded with, for optimistic concurrency. */
export const caseEditSchema = z.object({
  ref: z.string().trim().min(1).max(40),
  version: z.coerce.number().int().positive(),
  values: caseFormSchema,
});

export const EMPTY_CASE_FORM: CaseFormValues = {
  fullName: "",
  nativeName: "",
  otherNames: "",
  sex: "unknown",
  birth: EMPTY_DATE_FIELDS,
  ageYears: "",
  ageAsOf: "",
  nationality: "",
  otherCitizenships: "",
  occupation: "",
  affiliation: "",
  detainingCountry: "",
  facility: "",
  facilityCity: "",
  detained: EMPTY_DATE_FIELDS,
  allegations: "",
  chargesClassified: false,
  riskLevel: "medium",
  nextDeadline: "",
  nextDeadlineNote: "",
  restricted: false,
  summary: "",
};
