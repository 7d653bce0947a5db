/**
 * The whole Casefile domain in one schema. Column names are snake_case in SQL (drizzle `casing`),
 * camelCase in TypeScript. Every editable record has a `version` for optimistic concurrency.
 * Enum values live in lib/domain.ts so that zod schemas, URL parsers and the UI share them.
 */
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  inet,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  AUDIT_ACTIONS,
  CASE_STATUSES,
  CONTACT_COUNTERPARTS,
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
  DATE_PRECISIONS,
  LINK_KINDS,
  PETITION_ASKS,
  PETITION_STATES,
  RISK_LEVELS,
  ROLES,
  SEXES,
  SOURCE_KINDS,
} from "@/lib/domain";

export const roleEnum = pgEnum("role", ROLES);
export const caseStatusEnum = pgEnum("case_status", CASE_STATUSES);
export const datePrecisionEnum = pgEnum("date_precision", DATE_PRECISIONS);
export const riskLevelEnum = pgEnum("risk_level", RISK_LEVELS);
export const sexEnum = pgEnum("sex", SEXES);
export const contactKindEnum = pgEnum("contact_kind", CONTACT_KINDS);
export const contactCounterpartEnum = pgEnum("contact_counterpart", CONTACT_COUNTERPARTS);
export const contactOutcomeEnum = pgEnum("contact_outcome", CONTACT_OUTCOMES);
export const petitionStateEnum = pgEnum("petition_state", PETITION_STATES);
export const petitionAskEnum = pgEnum("petition_ask", PETITION_ASKS);
export const sourceKindEnum = pgEnum("source_kind", SOURCE_KINDS);
export const linkKindEnum = pgEnum("link_kind", LINK_KINDS);
export const auditActionEnum = pgEnum("audit_action", AUDIT_ACTIONS);

const tstz = (name?: string) =>
  name ? timestamp(name, { withTimezone: true, mode: "date" }) : timestamp({ withTimezone: true, mode: "date" });
/** clock_timestamp(), not now(): rows written in one transaction keep the order they were written in. */
const createdAt = () => tstz().notNull().default(sql`clock_timestamp()`);
const version = () => integer().notNull().default(1);
const retraction = () => ({
  retractedAt: tstz(),
  retractedBy: uuid().references(() => accounts.id),
  retractionReason: text(),
});

/* ----------------------------------------------------------------------------------------------
 * Accounts
 * -------------------------------------------------------------------------------------------- */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    role: roleEnum().notNull(),
    active: boolean().notNull().default(true),
    passwordHash: text().notNull(),
    mustChangePassword: boolean().notNull().default(false),
    /** Bumped on sign-out, deactivation and password change: every JWT carrying an older value is void. */
    sessionVersion: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: tstz().notNull().defaultNow(),
    version: version(),
  },
  (t) => [
    uniqueIndex("accounts_email_lower_key").on(sql`lower(${t.email})`),
    check("accounts_email_shape", sql`${t.email} ~ '^[^@\\s]+@[^@\\s]+$' and ${t.email} = lower(${t.email})`),
    check("accounts_name_nonempty", sql`length(btrim(${t.name})) > 0`),
  ],
);

/** Failed sign-ins, kept in PostgreSQL so that throttling holds across several app servers. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    email: text().notNull(),
    ip: inet(),
    succeeded: boolean().notNull(),
    at: createdAt(),
  },
  (t) => [index("sign_in_attempts_email_at_idx").on(t.email, t.at), index("sign_in_attempts_ip_at_idx").on(t.ip, t.at)],
);

/* ----------------------------------------------------------------------------------------------
 * Cases (one detained person each)
 * -------------------------------------------------------------------------------------------- */
export const cases = pgTable(
  "cases",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human-readable reference, DC-YYYY-NNNN. */
    ref: text().notNull(),
    fullName: text().notNull(),
    nativeName: text(),
    otherNames: text().array().notNull().default(sql`'{}'::text[]`),
    /** Normalized names, native script, spellings and ref: the target of trigram search (maintained by the DAL). */
    searchText: text().notNull().default(""),
    sex: sexEnum().notNull().default("unknown"),
    birthDate: date({ mode: "string" }),
    birthPrecision: datePrecisionEnum(),
    birthApprox: boolean().notNull().default(false),
    /** "29-year-old" in a report of a given date, when no birth date is known. */
    ageYears: integer(),
    ageAsOf: date({ mode: "string" }),
    /** ISO 3166-1 alpha-2. */
    nationality: text(),
    otherCitizenships: text().array().notNull().default(sql`'{}'::text[]`),
    occupation: text(),
    affiliation: text(),
    detainingCountry: text().notNull(),
    facility: text(),
    facilityCity: text(),
    detainedOn: date({ mode: "string" }),
    detainedPrecision: datePrecisionEnum(),
    detainedApprox: boolean().notNull().default(false),
    allegations: text(),
    chargesClassified: boolean().notNull().default(false),
    /** Follows the latest non-retracted status change, in the same transaction. */
    status: caseStatusEnum().notNull().default("detained"),
    statusOn: date({ mode: "string" }),
    /** Derived from status: false for released, asylum, deceased, closed. Kept for index-backed dashboards. */
    isOpen: boolean().notNull().default(true),
    riskLevel: riskLevelEnum().notNull().default("medium"),
    nextDeadline: date({ mode: "string" }),
    nextDeadlineNote: text(),
    restricted: boolean().notNull().default(false),
    summary: text(),
    /** Date of the latest non-retracted consular contact: what "went quiet" reads. */
    lastContactOn: date({ mode: "string" }),
    createdBy: uuid().references(() => accounts.id),
    createdAt: createdAt(),
    updatedBy: uuid().references(() => accounts.id),
    updatedAt: tstz().notNull().defaultNow(),
    version: version(),
  },
  (t) => [
    uniqueIndex("cases_ref_key").on(t.ref),
    check("cases_ref_shape", sql`${t.ref} ~ '^DC-[0-9]{4}-[0-9]{4,}$'`),
    check("cases_full_name_nonempty", sql`length(btrim(${t.fullName})) > 0`),
    check("cases_country_shape", sql`${t.detainingCountry} ~ '^[A-Z]{2}$'`),
    check("cases_nationality_shape", sql`${t.nationality} is null or ${t.nationality} ~ '^[A-Z]{2}$'`),
    check("cases_birth_precision", sql`(${t.birthDate} is null) = (${t.birthPrecision} is null)`),
    check("cases_detained_precision", sql`(${t.detainedOn} is null) = (${t.detainedPrecision} is null)`),
    check(
      "cases_age_range",
      sql`${t.ageYears} is null or (${t.ageYears} between 0 and 130 and ${t.ageAsOf} is not null)`,
    ),
    index("cases_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    index("cases_name_idx").on(t.fullName, t.id),
    index("cases_status_idx").on(t.status, t.fullName, t.id),
    index("cases_country_idx").on(t.detainingCountry, t.fullName, t.id),
    /** Counts under a country and status filter (up to COUNT_CAP) read this index alone, not the table. */
    index("cases_country_status_idx").on(t.detainingCountry, t.status),
    index("cases_open_deadline_idx").on(t.nextDeadline).where(sql`${t.isOpen}`),
    index("cases_open_last_contact_idx").on(t.lastContactOn).where(sql`${t.isOpen}`),
    index("cases_detained_on_idx").on(t.detainedOn),
    index("cases_updated_idx").on(t.updatedAt),
    // Keyset pagination of the cases list (db/dal/case-list.ts): one btree per sortable column, ending in id.
    index("cases_risk_name_idx").on(t.riskLevel, t.fullName, t.id),
    index("cases_nationality_name_idx").on(t.nationality, t.fullName, t.id),
    index("cases_facility_name_idx").on(t.facility, t.fullName, t.id),
    index("cases_deadline_id_idx").on(t.nextDeadline, t.id),
    index("cases_detained_id_idx").on(t.detainedOn, t.id),
    // The list's place-of-detention filter: a substring of facility or city.
    index("cases_place_trgm_idx").using(
      "gin",
      sql`(coalesce(${t.facility}, '') || ' ' || coalesce(${t.facilityCity}, '')) gin_trgm_ops`,
    ),
    // The dashboard (db/dal/dashboard.ts): "went quiet" in order of silence, then high-risk cases first.
    index("cases_open_quiet_idx").on(sql`coalesce(${t.lastContactOn}, ${t.detainedOn})`, t.ref).where(sql`${t.isOpen}`),
    index("cases_open_undated_idx")
      .on(t.ref)
      .where(sql`${t.isOpen} and ${t.lastContactOn} is null and ${t.detainedOn} is null`),
    index("cases_open_risk_idx")
      .on(t.riskLevel.desc(), t.nextDeadline.asc().nullsLast(), t.ref)
      .where(sql`${t.isOpen}`),
  ],
);

export const caseAssignments = pgTable(
  "case_assignments",
  {
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id),
    assignedBy: uuid().references(() => accounts.id),
    assignedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.accountId] }),
    index("case_assignments_account_idx").on(t.accountId, t.caseId),
  ],
);

/** People held together (a family), or otherwise related cases. Stored once per pair, a < b. */
export const caseLinks = pgTable(
  "case_links",
  {
    caseA: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    caseB: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: linkKindEnum().notNull().default("held_together"),
    note: text(),
    createdBy: uuid().references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.caseA, t.caseB] }),
    check("case_links_ordered", sql`${t.caseA} < ${t.caseB}`),
    index("case_links_b_idx").on(t.caseB),
  ],
);

/* ----------------------------------------------------------------------------------------------
 * Timeline records
 * -------------------------------------------------------------------------------------------- */
export const statusChanges = pgTable(
  "status_changes",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    status: caseStatusEnum().notNull(),
    occurredOn: date({ mode: "string" }).notNull(),
    occurredPrecision: datePrecisionEnum().notNull().default("day"),
    occurredApprox: boolean().notNull().default(false),
    /** e.g. a detention extended "until June 15": becomes the case's next deadline. */
    deadlineOn: date({ mode: "string" }),
    place: text(),
    note: text(),
    recordedBy: uuid()
      .notNull()
      .references(() => accounts.id),
    recordedAt: createdAt(),
    ...retraction(),
    version: version(),
  },
  (t) => [
    index("status_changes_case_idx").on(t.caseId, t.occurredOn),
    check("status_changes_retraction", sql`(${t.retractedAt} is null) = (${t.retractionReason} is null)`),
  ],
);

export const consularContacts = pgTable(
  "consular_contacts",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: contactKindEnum().notNull(),
    counterpart: contactCounterpartEnum().notNull(),
    occurredOn: date({ mode: "string" }).notNull(),
    occurredPrecision: datePrecisionEnum().notNull().default("day"),
    occurredApprox: boolean().notNull().default(false),
    /** Who took part on our side (an ambassador) and on theirs (a deputy foreign minister). */
    ourParticipants: text(),
    theirParticipants: text(),
    outcome: contactOutcomeEnum().notNull(),
    summary: text(),
    detaineeCondition: text(),
    followUpOn: date({ mode: "string" }),
    recordedBy: uuid()
      .notNull()
      .references(() => accounts.id),
    recordedAt: createdAt(),
    ...retraction(),
    version: version(),
  },
  (t) => [
    index("consular_contacts_case_idx").on(t.caseId, t.occurredOn),
    /** /contacts by date (its default sort), at any depth: the keyset walks this index. */
    index("consular_contacts_occurred_id_idx").on(t.occurredOn, t.id).where(sql`${t.retractedAt} is null`),
    index("consular_contacts_follow_up_idx")
      .on(t.followUpOn)
      .where(sql`${t.retractedAt} is null and ${t.followUpOn} is not null`),
    check("consular_contacts_retraction", sql`(${t.retractedAt} is null) = (${t.retractionReason} is null)`),
  ],
);

export const petitions = pgTable(
  "petitions",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    petitioner: text().notNull(),
    addressee: text().notNull(),
    asks: petitionAskEnum().notNull(),
    asksDetail: text(),
    state: petitionStateEnum().notNull().default("draft"),
    filedOn: date({ mode: "string" }),
    filedPrecision: datePrecisionEnum(),
    filedApprox: boolean().notNull().default(false),
    answerDue: date({ mode: "string" }),
    answer: text(),
    recordedBy: uuid()
      .notNull()
      .references(() => accounts.id),
    recordedAt: createdAt(),
    updatedAt: tstz().notNull().defaultNow(),
    ...retraction(),
    version: version(),
  },
  (t) => [
    index("petitions_case_idx").on(t.caseId),
    /** /petitions by filing date (its default sort), at any depth: the keyset walks this index. */
    index("petitions_filed_id_idx").on(t.filedOn, t.id).where(sql`${t.retractedAt} is null`),
    index("petitions_awaiting_due_idx")
      .on(t.answerDue)
      .where(sql`${t.state} in ('submitted','acknowledged') and ${t.retractedAt} is null`),
    check("petitions_filed_precision", sql`(${t.filedOn} is null) = (${t.filedPrecision} is null)`),
    check("petitions_filed_when_submitted", sql`${t.state} in ('draft') or ${t.filedOn} is not null`),
  ],
);

/** Every change of a petition's state, for the timeline. */
export const petitionEvents = pgTable(
  "petition_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    petitionId: uuid()
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    fromState: petitionStateEnum(),
    toState: petitionStateEnum().notNull(),
    occurredOn: date({ mode: "string" }).notNull(),
    occurredPrecision: datePrecisionEnum().notNull().default("day"),
    occurredApprox: boolean().notNull().default(false),
    note: text(),
    recordedBy: uuid()
      .notNull()
      .references(() => accounts.id),
    recordedAt: createdAt(),
  },
  (t) => [
    index("petition_events_case_idx").on(t.caseId, t.occurredOn),
    index("petition_events_petition_idx").on(t.petitionId),
  ],
);

export const caseNotes = pgTable(
  "case_notes",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    occurredOn: date({ mode: "string" }).notNull(),
    occurredPrecision: datePrecisionEnum().notNull().default("day"),
    occurredApprox: boolean().notNull().default(false),
    body: text().notNull(),
    recordedBy: uuid()
      .notNull()
      .references(() => accounts.id),
    recordedAt: createdAt(),
    ...retraction(),
    version: version(),
  },
  (t) => [
    index("case_notes_case_idx").on(t.caseId, t.occurredOn),
    check("case_notes_body_nonempty", sql`length(btrim(${t.body})) > 0`),
  ],
);

/* ----------------------------------------------------------------------------------------------
 * Sources: where a fact came from, and the facts each one supports
 * -------------------------------------------------------------------------------------------- */
export const sources = pgTable(
  "sources",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: sourceKindEnum().notNull(),
    title: text().notNull(),
    publisher: text(),
    publishedOn: date({ mode: "string" }),
    publishedPrecision: datePrecisionEnum(),
    publishedApprox: boolean().notNull().default(false),
    url: text(),
    note: text(),
    recordedBy: uuid()
      .notNull()
      .references(() => accounts.id),
    recordedAt: createdAt(),
    version: version(),
  },
  (t) => [
    index("sources_case_idx").on(t.caseId),
    check("sources_url_shape", sql`${t.url} is null or ${t.url} ~* '^https?://'`),
    check("sources_published_precision", sql`(${t.publishedOn} is null) = (${t.publishedPrecision} is null)`),
  ],
);

/** A source supports exactly one fact: the case itself, a status change, a contact, a petition or a note. */
export const sourceLinks = pgTable(
  "source_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    sourceId: uuid()
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    statusChangeId: uuid().references(() => statusChanges.id, { onDelete: "cascade" }),
    contactId: uuid().references(() => consularContacts.id, { onDelete: "cascade" }),
    petitionId: uuid().references(() => petitions.id, { onDelete: "cascade" }),
    noteId: uuid().references(() => caseNotes.id, { onDelete: "cascade" }),
    createdBy: uuid().references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      "source_links_one_target",
      sql`num_nonnulls(${t.statusChangeId}, ${t.contactId}, ${t.petitionId}, ${t.noteId}) <= 1`,
    ),
    index("source_links_source_idx").on(t.sourceId),
    index("source_links_case_idx").on(t.caseId),
    uniqueIndex("source_links_unique_target").on(
      t.sourceId,
      sql`coalesce(${t.statusChangeId}, ${t.contactId}, ${t.petitionId}, ${t.noteId}, ${t.caseId})`,
    ),
  ],
);

/* ----------------------------------------------------------------------------------------------
 * Dashboard summaries. Maintained by triggers (migration 0004_dashboard_summaries), so that every
 * write, through the DAL or not, keeps them right in its own transaction; never written by the app.
 * `dashboard_rebuild()` recomputes all three from the records (the data generator calls it).
 * -------------------------------------------------------------------------------------------- */

/**
 * Per case, the dated items that can fall overdue: the deadline of an open case, the follow-ups of
 * its latest consular contacts, and its petitions awaiting an answer (all of them 0 once closed).
 */
export const dashboardCaseItems = pgTable(
  "dashboard_case_items",
  {
    caseId: uuid()
      .primaryKey()
      .references(() => cases.id, { onDelete: "cascade" }),
    /** A copy of cases.is_open, for the partial index below. */
    isOpen: boolean().notNull(),
    /** Items with a due date (the caseload counts those due before "today"). */
    dueItems: integer().notNull().default(0),
    /** Their due dates, sorted: what the case adds to each assignee's dashboard_caseload_due. */
    dueDates: date({ mode: "string" }).array().notNull().default(sql`'{}'::date[]`),
    /** The earliest follow-up among the case's pending ones (those of its latest contacts). */
    nextFollowUpOn: date({ mode: "string" }),
  },
  (t) => [
    index("dashboard_case_items_follow_up_idx")
      .on(t.nextFollowUpOn)
      .where(sql`${t.isOpen} and ${t.nextFollowUpOn} is not null`),
  ],
);

/** Open cases per status, risk, detaining country and place of detention ('' when unknown). */
export const dashboardOpenCounts = pgTable(
  "dashboard_open_counts",
  {
    status: caseStatusEnum().notNull(),
    riskLevel: riskLevelEnum().notNull(),
    detainingCountry: text().notNull(),
    facility: text().notNull(),
    facilityCity: text().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.riskLevel, t.detainingCountry, t.facility, t.facilityCity] })],
);

/**
 * Per assigned account and due date: how many items of its open cases fall due that day. The
 * caseload's overdue items are dashboard_caseload.due_items less those due today or later, which
 * are few (the future is short), so no load sums the whole past.
 */
export const dashboardCaseloadDue = pgTable(
  "dashboard_caseload_due",
  {
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    dueOn: date({ mode: "string" }).notNull(),
    n: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.dueOn] }),
    index("dashboard_caseload_due_on_idx").on(t.dueOn, t.accountId, t.n),
  ],
);

/** Per assigned account: open cases, and the sum of their dashboard_case_items.due_items. */
export const dashboardCaseload = pgTable("dashboard_caseload", {
  accountId: uuid()
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  openCases: integer().notNull(),
  dueItems: integer().notNull(),
});

/* ----------------------------------------------------------------------------------------------
 * Audit log: append-only (a trigger in the migration refuses UPDATE, DELETE and TRUNCATE)
 * -------------------------------------------------------------------------------------------- */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: createdAt(),
    /** Null for anonymous events (a failed sign-in for an unknown email) and for the system (seed). */
    actorId: uuid().references(() => accounts.id),
    action: auditActionEnum().notNull(),
    /** The table the record lives in, e.g. "cases". */
    entity: text().notNull(),
    entityId: text(),
    caseId: uuid(),
    before: jsonb(),
    after: jsonb(),
    ip: inet(),
    meta: jsonb(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorId, t.at),
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_case_idx").on(t.caseId, t.at),
  ],
);

export type Account = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;
export type Case = typeof cases.$inferSelect;
export type NewCase = typeof cases.$inferInsert;
export type StatusChange = typeof statusChanges.$inferSelect;
export type NewStatusChange = typeof statusChanges.$inferInsert;
export type ConsularContact = typeof consularContacts.$inferSelect;
export type NewConsularContact = typeof consularContacts.$inferInsert;
export type Petition = typeof petitions.$inferSelect;
export type NewPetition = typeof petitions.$inferInsert;
export type PetitionEvent = typeof petitionEvents.$inferSelect;
export type CaseNote = typeof caseNotes.$inferSelect;
export type Source = typeof sources.$inferSelect;
export type NewSource = typeof sources.$inferInsert;
export type SourceLink = typeof sourceLinks.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;
