/**
 * The zod schemas the data-access layer re-parses list params with (whatever a page, a test or a
 * crafted request hands it): a bad value falls back to its default, never an error. The URL parsers
 * and constants live in ./lists.ts and ./case-list.ts, which the browser loads; this file is
 * server-side only, so that no list ships zod to the browser.
 */
import { z } from "zod";
import {
  CASE_STATUSES,
  CONTACT_COUNTERPARTS,
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
  PETITION_ASKS,
  PETITION_STATES,
  RISK_LEVELS,
} from "@/lib/domain";
import { CASE_SORTS, COUNTRY, MAX_DUE_WITHIN, RESTRICTED_FILTERS } from "./case-list";
import {
  ANSWER_VIEWS,
  CONTACT_SORTS,
  CURSOR_SHAPE,
  cleanText,
  DEFAULT_PAGE_SIZE,
  FOLLOW_UP_VIEWS,
  MAX_QUERY_LENGTH,
  PAGE_SIZES,
  PETITION_SORTS,
} from "./lists";

export function sortSchema<const Id extends string>(ids: readonly [Id, ...Id[]]) {
  return z
    .object({ id: z.enum(ids), desc: z.boolean() })
    .nullable()
    .catch(null);
}

export const cursorSchema = z.string().regex(CURSOR_SHAPE).nullable().catch(null);

export const pageSizeSchema = z.literal(PAGE_SIZES).catch(DEFAULT_PAGE_SIZE);

export const querySchema = z
  .string()
  .transform((q) => cleanText(q, MAX_QUERY_LENGTH))
  .catch("");

/** A list of enum values: unknown values are dropped, duplicates too. */
export function enumListSchema<const T extends string>(values: readonly T[]) {
  return z
    .array(z.unknown())
    .catch([])
    .transform((list) => [...new Set(list.filter((v): v is T => values.includes(v as T)))]);
}

export const commonListShape = {
  q: querySchema,
  size: pageSizeSchema,
  cursor: cursorSchema,
};

export const contactListSchema = z.object({
  ...commonListShape,
  kind: enumListSchema(CONTACT_KINDS),
  outcome: enumListSchema(CONTACT_OUTCOMES),
  with: enumListSchema(CONTACT_COUNTERPARTS),
  followUp: z.enum(FOLLOW_UP_VIEWS).nullable().catch(null),
  sort: sortSchema(CONTACT_SORTS),
});
export type ContactListParams = z.output<typeof contactListSchema>;

export const petitionListSchema = z.object({
  ...commonListShape,
  state: enumListSchema(PETITION_STATES),
  asks: enumListSchema(PETITION_ASKS),
  answer: z.enum(ANSWER_VIEWS).nullable().catch(null),
  sort: sortSchema(PETITION_SORTS),
});
export type PetitionListParams = z.output<typeof petitionListSchema>;

const countrySchema = z
  .string()
  .regex(COUNTRY)
  .transform((v) => v.toUpperCase())
  .nullable()
  .catch(null);

const exactPlaceSchema = z
  .string()
  .transform((v) => cleanText(v, 300))
  .nullable()
  .catch(null);

export const caseListSchema = z.object({
  ...commonListShape,
  status: enumListSchema(CASE_STATUSES),
  country: countrySchema,
  nationality: countrySchema,
  risk: enumListSchema(RISK_LEVELS),
  facility: z
    .string()
    .transform((v) => cleanText(v, 100))
    .catch(""),
  place: exactPlaceSchema,
  city: exactPlaceSchema,
  mine: z.boolean().catch(false),
  restricted: z.enum(RESTRICTED_FILTERS).nullable().catch(null),
  due: z.number().int().min(0).max(MAX_DUE_WITHIN).nullable().catch(null),
  sort: sortSchema(CASE_SORTS),
});
/** The /cases list's params, as the DAL takes them (every field has a default). */
export type CaseListParams = z.output<typeof caseListSchema>;
