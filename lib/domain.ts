/**
 * The domain's vocabularies, shared by the database enums (db/schema.ts), zod schemas, URL parsers
 * and the UI. Labels live in the message catalogs (messages/*.json), keyed by these values.
 */

export const ROLES = ["admin", "coordinator", "caseworker"] as const;
export type Role = (typeof ROLES)[number];

export const CASE_STATUSES = [
  "detained",
  "under_investigation",
  "charged",
  "detention_extended",
  "on_trial",
  "convicted",
  "released",
  "deported",
  "repatriated",
  "transferred_third_country",
  "refugee_status_granted",
  "deceased",
  "whereabouts_unknown",
  "case_closed",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * Statuses after which nobody is still held or at risk from this detention. Deported and
 * repatriated stay open: a North Korean returned by force is in more danger, not less.
 */
export const CLOSED_STATUSES: readonly CaseStatus[] = ["released", "refugee_status_granted", "deceased", "case_closed"];
export const isOpenStatus = (s: CaseStatus) => !CLOSED_STATUSES.includes(s);

export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const RISK_LEVELS = ["low", "medium", "high", "critical"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const SEXES = ["male", "female", "other", "unknown"] as const;
export type Sex = (typeof SEXES)[number];

export const CONTACT_KINDS = [
  "visit",
  "call",
  "letter",
  "diplomatic_note",
  "meeting_officials",
  "access_request",
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const CONTACT_COUNTERPARTS = ["detainee", "authorities", "family", "lawyer", "ngo", "unhcr", "other"] as const;
export type ContactCounterpart = (typeof CONTACT_COUNTERPARTS)[number];

export const CONTACT_OUTCOMES = ["access_granted", "access_denied", "pending", "no_answer", "held"] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const PETITION_STATES = [
  "draft",
  "submitted",
  "acknowledged",
  "answered",
  "granted",
  "rejected",
  "withdrawn",
] as const;
export type PetitionState = (typeof PETITION_STATES)[number];
/** States in which a petition is still waiting for its addressee's answer. */
export const AWAITING_PETITION_STATES: readonly PetitionState[] = ["submitted", "acknowledged"];

export const PETITION_ASKS = [
  "release",
  "no_forced_repatriation",
  "consular_access",
  "fair_trial",
  "medical_care",
  "refugee_status",
  "other",
] as const;
export type PetitionAsk = (typeof PETITION_ASKS)[number];

export const SOURCE_KINDS = [
  "news_agency",
  "newspaper",
  "ministry_statement",
  "court_record",
  "family",
  "ngo_report",
  "un_body",
  "other",
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const LINK_KINDS = ["held_together", "family", "related"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const AUDIT_ACTIONS = [
  "create",
  "update",
  "retract",
  "delete",
  "assign",
  "unassign",
  "link",
  "unlink",
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "access_denied",
  "role_change",
  "deactivate",
  "reactivate",
  "password_change",
  "password_reset",
  "seed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
