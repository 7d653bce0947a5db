CREATE TYPE "public"."audit_action" AS ENUM('create', 'update', 'retract', 'delete', 'assign', 'unassign', 'link', 'unlink', 'sign_in', 'sign_in_failed', 'sign_out', 'access_denied', 'role_change', 'deactivate', 'reactivate', 'password_change', 'password_reset', 'seed');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('detained', 'under_investigation', 'charged', 'detention_extended', 'on_trial', 'convicted', 'released', 'deported', 'repatriated', 'transferred_third_country', 'refugee_status_granted', 'deceased', 'whereabouts_unknown', 'case_closed');--> statement-breakpoint
CREATE TYPE "public"."contact_counterpart" AS ENUM('detainee', 'authorities', 'family', 'lawyer', 'ngo', 'unhcr', 'other');--> statement-breakpoint
CREATE TYPE "public"."contact_kind" AS ENUM('visit', 'call', 'letter', 'diplomatic_note', 'meeting_officials', 'access_request');--> statement-breakpoint
CREATE TYPE "public"."contact_outcome" AS ENUM('access_granted', 'access_denied', 'pending', 'no_answer', 'held');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('day', 'month', 'year');--> statement-breakpoint
CREATE TYPE "public"."link_kind" AS ENUM('held_together', 'family', 'related');--> statement-breakpoint
CREATE TYPE "public"."petition_ask" AS ENUM('release', 'no_forced_repatriation', 'consular_access', 'fair_trial', 'medical_care', 'refugee_status', 'other');--> statement-breakpoint
CREATE TYPE "public"."petition_state" AS ENUM('draft', 'submitted', 'acknowledged', 'answered', 'granted', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."risk_level" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'coordinator', 'caseworker');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('male', 'female', 'other', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."source_kind" AS ENUM('news_agency', 'newspaper', 'ministry_statement', 'court_record', 'family', 'ngo_report', 'un_body', 'other');--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "accounts_email_shape" CHECK ("accounts"."email" ~ '^[^@\s]+@[^@\s]+$' and "accounts"."email" = lower("accounts"."email")),
	CONSTRAINT "accounts_name_nonempty" CHECK (length(btrim("accounts"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"actor_id" uuid,
	"action" "audit_action" NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"case_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"ip" "inet",
	"meta" jsonb
);
--> statement-breakpoint
CREATE TABLE "case_assignments" (
	"case_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "case_assignments_case_id_account_id_pk" PRIMARY KEY("case_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "case_links" (
	"case_a" uuid NOT NULL,
	"case_b" uuid NOT NULL,
	"kind" "link_kind" DEFAULT 'held_together' NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "case_links_case_a_case_b_pk" PRIMARY KEY("case_a","case_b"),
	CONSTRAINT "case_links_ordered" CHECK ("case_links"."case_a" < "case_links"."case_b")
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"occurred_precision" date_precision DEFAULT 'day' NOT NULL,
	"occurred_approx" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"retracted_at" timestamp with time zone,
	"retracted_by" uuid,
	"retraction_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "case_notes_body_nonempty" CHECK (length(btrim("case_notes"."body")) > 0)
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text NOT NULL,
	"full_name" text NOT NULL,
	"native_name" text,
	"other_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"sex" "sex" DEFAULT 'unknown' NOT NULL,
	"birth_date" date,
	"birth_precision" date_precision,
	"birth_approx" boolean DEFAULT false NOT NULL,
	"age_years" integer,
	"age_as_of" date,
	"nationality" text,
	"other_citizenships" text[] DEFAULT '{}'::text[] NOT NULL,
	"occupation" text,
	"affiliation" text,
	"detaining_country" text NOT NULL,
	"facility" text,
	"facility_city" text,
	"detained_on" date,
	"detained_precision" date_precision,
	"detained_approx" boolean DEFAULT false NOT NULL,
	"allegations" text,
	"charges_classified" boolean DEFAULT false NOT NULL,
	"status" "case_status" DEFAULT 'detained' NOT NULL,
	"status_on" date,
	"is_open" boolean DEFAULT true NOT NULL,
	"risk_level" "risk_level" DEFAULT 'medium' NOT NULL,
	"next_deadline" date,
	"next_deadline_note" text,
	"restricted" boolean DEFAULT false NOT NULL,
	"summary" text,
	"last_contact_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cases_ref_shape" CHECK ("cases"."ref" ~ '^DC-[0-9]{4}-[0-9]{4,}$'),
	CONSTRAINT "cases_full_name_nonempty" CHECK (length(btrim("cases"."full_name")) > 0),
	CONSTRAINT "cases_country_shape" CHECK ("cases"."detaining_country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "cases_nationality_shape" CHECK ("cases"."nationality" is null or "cases"."nationality" ~ '^[A-Z]{2}$'),
	CONSTRAINT "cases_birth_precision" CHECK (("cases"."birth_date" is null) = ("cases"."birth_precision" is null)),
	CONSTRAINT "cases_detained_precision" CHECK (("cases"."detained_on" is null) = ("cases"."detained_precision" is null)),
	CONSTRAINT "cases_age_range" CHECK ("cases"."age_years" is null or ("cases"."age_years" between 0 and 130 and "cases"."age_as_of" is not null))
);
--> statement-breakpoint
CREATE TABLE "consular_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "contact_kind" NOT NULL,
	"counterpart" "contact_counterpart" NOT NULL,
	"occurred_on" date NOT NULL,
	"occurred_precision" date_precision DEFAULT 'day' NOT NULL,
	"occurred_approx" boolean DEFAULT false NOT NULL,
	"our_participants" text,
	"their_participants" text,
	"outcome" "contact_outcome" NOT NULL,
	"summary" text,
	"detainee_condition" text,
	"follow_up_on" date,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"retracted_at" timestamp with time zone,
	"retracted_by" uuid,
	"retraction_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "consular_contacts_retraction" CHECK (("consular_contacts"."retracted_at" is null) = ("consular_contacts"."retraction_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "petition_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"from_state" "petition_state",
	"to_state" "petition_state" NOT NULL,
	"occurred_on" date NOT NULL,
	"occurred_precision" date_precision DEFAULT 'day' NOT NULL,
	"occurred_approx" boolean DEFAULT false NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"petitioner" text NOT NULL,
	"addressee" text NOT NULL,
	"asks" "petition_ask" NOT NULL,
	"asks_detail" text,
	"state" "petition_state" DEFAULT 'draft' NOT NULL,
	"filed_on" date,
	"filed_precision" date_precision,
	"filed_approx" boolean DEFAULT false NOT NULL,
	"answer_due" date,
	"answer" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retracted_at" timestamp with time zone,
	"retracted_by" uuid,
	"retraction_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "petitions_filed_precision" CHECK (("petitions"."filed_on" is null) = ("petitions"."filed_precision" is null)),
	CONSTRAINT "petitions_filed_when_submitted" CHECK ("petitions"."state" in ('draft') or "petitions"."filed_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"ip" "inet",
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"status_change_id" uuid,
	"contact_id" uuid,
	"petition_id" uuid,
	"note_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "source_links_one_target" CHECK (num_nonnulls("source_links"."status_change_id", "source_links"."contact_id", "source_links"."petition_id", "source_links"."note_id") <= 1)
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "source_kind" NOT NULL,
	"title" text NOT NULL,
	"publisher" text,
	"published_on" date,
	"published_precision" date_precision,
	"published_approx" boolean DEFAULT false NOT NULL,
	"url" text,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sources_url_shape" CHECK ("sources"."url" is null or "sources"."url" ~* '^https?://'),
	CONSTRAINT "sources_published_precision" CHECK (("sources"."published_on" is null) = ("sources"."published_precision" is null))
);
--> statement-breakpoint
CREATE TABLE "status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"status" "case_status" NOT NULL,
	"occurred_on" date NOT NULL,
	"occurred_precision" date_precision DEFAULT 'day' NOT NULL,
	"occurred_approx" boolean DEFAULT false NOT NULL,
	"deadline_on" date,
	"place" text,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"retracted_at" timestamp with time zone,
	"retracted_by" uuid,
	"retraction_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "status_changes_retraction" CHECK (("status_changes"."retracted_at" is null) = ("status_changes"."retraction_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_assigned_by_accounts_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_case_a_cases_id_fk" FOREIGN KEY ("case_a") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_case_b_cases_id_fk" FOREIGN KEY ("case_b") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_retracted_by_accounts_id_fk" FOREIGN KEY ("retracted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consular_contacts" ADD CONSTRAINT "consular_contacts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consular_contacts" ADD CONSTRAINT "consular_contacts_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consular_contacts" ADD CONSTRAINT "consular_contacts_retracted_by_accounts_id_fk" FOREIGN KEY ("retracted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_retracted_by_accounts_id_fk" FOREIGN KEY ("retracted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_links" ADD CONSTRAINT "source_links_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_links" ADD CONSTRAINT "source_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_links" ADD CONSTRAINT "source_links_status_change_id_status_changes_id_fk" FOREIGN KEY ("status_change_id") REFERENCES "public"."status_changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_links" ADD CONSTRAINT "source_links_contact_id_consular_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."consular_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_links" ADD CONSTRAINT "source_links_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_links" ADD CONSTRAINT "source_links_note_id_case_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."case_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_links" ADD CONSTRAINT "source_links_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_changes" ADD CONSTRAINT "status_changes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_changes" ADD CONSTRAINT "status_changes_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_changes" ADD CONSTRAINT "status_changes_retracted_by_accounts_id_fk" FOREIGN KEY ("retracted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_email_lower_key" ON "accounts" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_case_idx" ON "audit_log" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_assignments_account_idx" ON "case_assignments" USING btree ("account_id","case_id");--> statement-breakpoint
CREATE INDEX "case_links_b_idx" ON "case_links" USING btree ("case_b");--> statement-breakpoint
CREATE INDEX "case_notes_case_idx" ON "case_notes" USING btree ("case_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_ref_key" ON "cases" USING btree ("ref");--> statement-breakpoint
CREATE INDEX "cases_search_trgm_idx" ON "cases" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_name_idx" ON "cases" USING btree ("full_name","id");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("status","full_name","id");--> statement-breakpoint
CREATE INDEX "cases_country_idx" ON "cases" USING btree ("detaining_country","full_name","id");--> statement-breakpoint
CREATE INDEX "cases_open_deadline_idx" ON "cases" USING btree ("next_deadline") WHERE "cases"."is_open";--> statement-breakpoint
CREATE INDEX "cases_open_last_contact_idx" ON "cases" USING btree ("last_contact_on") WHERE "cases"."is_open";--> statement-breakpoint
CREATE INDEX "cases_detained_on_idx" ON "cases" USING btree ("detained_on");--> statement-breakpoint
CREATE INDEX "cases_updated_idx" ON "cases" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "consular_contacts_case_idx" ON "consular_contacts" USING btree ("case_id","occurred_on");--> statement-breakpoint
CREATE INDEX "consular_contacts_follow_up_idx" ON "consular_contacts" USING btree ("follow_up_on") WHERE "consular_contacts"."retracted_at" is null and "consular_contacts"."follow_up_on" is not null;--> statement-breakpoint
CREATE INDEX "petition_events_case_idx" ON "petition_events" USING btree ("case_id","occurred_on");--> statement-breakpoint
CREATE INDEX "petition_events_petition_idx" ON "petition_events" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "petitions_case_idx" ON "petitions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "petitions_awaiting_due_idx" ON "petitions" USING btree ("answer_due") WHERE "petitions"."state" in ('submitted','acknowledged') and "petitions"."retracted_at" is null;--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_at_idx" ON "sign_in_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_ip_at_idx" ON "sign_in_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "source_links_source_idx" ON "source_links" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_links_case_idx" ON "source_links" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "source_links_unique_target" ON "source_links" USING btree ("source_id",coalesce("status_change_id", "contact_id", "petition_id", "note_id", "case_id"));--> statement-breakpoint
CREATE INDEX "sources_case_idx" ON "sources" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "status_changes_case_idx" ON "status_changes" USING btree ("case_id","occurred_on");