CREATE TABLE "dashboard_case_items" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"is_open" boolean NOT NULL,
	"due_items" integer DEFAULT 0 NOT NULL,
	"due_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"next_follow_up_on" date
);
--> statement-breakpoint
CREATE TABLE "dashboard_caseload" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"open_cases" integer NOT NULL,
	"due_items" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_caseload_due" (
	"account_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "dashboard_caseload_due_account_id_due_on_pk" PRIMARY KEY("account_id","due_on")
);
--> statement-breakpoint
CREATE TABLE "dashboard_open_counts" (
	"status" "case_status" NOT NULL,
	"risk_level" "risk_level" NOT NULL,
	"detaining_country" text NOT NULL,
	"facility" text NOT NULL,
	"facility_city" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "dashboard_open_counts_status_risk_level_detaining_country_facility_facility_city_pk" PRIMARY KEY("status","risk_level","detaining_country","facility","facility_city")
);
--> statement-breakpoint
ALTER TABLE "dashboard_case_items" ADD CONSTRAINT "dashboard_case_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_caseload" ADD CONSTRAINT "dashboard_caseload_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_caseload_due" ADD CONSTRAINT "dashboard_caseload_due_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dashboard_case_items_follow_up_idx" ON "dashboard_case_items" USING btree ("next_follow_up_on") WHERE "dashboard_case_items"."is_open" and "dashboard_case_items"."next_follow_up_on" is not null;--> statement-breakpoint
CREATE INDEX "dashboard_caseload_due_on_idx" ON "dashboard_caseload_due" USING btree ("due_on","account_id","n");--> statement-breakpoint
CREATE INDEX "cases_open_quiet_idx" ON "cases" USING btree (coalesce("last_contact_on", "detained_on"),"ref") WHERE "cases"."is_open";--> statement-breakpoint
CREATE INDEX "cases_open_undated_idx" ON "cases" USING btree ("ref") WHERE "cases"."is_open" and "cases"."last_contact_on" is null and "cases"."detained_on" is null;--> statement-breakpoint
CREATE INDEX "cases_open_risk_idx" ON "cases" USING btree ("risk_level" DESC NULLS LAST,"next_deadline","ref") WHERE "cases"."is_open";--> statement-breakpoint
-- Custom SQL (drizzle-kit cannot express triggers): the dashboard's summaries follow every write in
-- the writing transaction, so a coordinator's dashboard reads a few hundred summary rows instead of
-- scanning every open case, contact and petition on each load. Locks are taken case row, then the
-- case's dashboard_case_items row, then summary rows in key order, so two writers never deadlock.

-- One case's items, recomputed from its records; the change goes to each assignee's caseload.
CREATE OR REPLACE FUNCTION dashboard_refresh_case(p_case uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  c record;
  prev record;
  dates date[];
  next_follow_up date;
  a record;
BEGIN
  SELECT id, is_open, next_deadline, last_contact_on INTO c FROM cases WHERE id = p_case;
  IF NOT FOUND THEN
    RETURN; -- the case itself is being deleted: its delete trigger has already done the sums
  END IF;
  SELECT is_open, due_dates INTO prev FROM dashboard_case_items WHERE case_id = p_case FOR UPDATE;
  -- A follow-up is pending while its contact is the case's latest one (as the dashboard lists them).
  SELECT min(cc.follow_up_on) INTO next_follow_up
    FROM consular_contacts cc
    WHERE cc.case_id = p_case AND cc.retracted_at IS NULL AND cc.follow_up_on IS NOT NULL
      AND cc.occurred_on >= coalesce(c.last_contact_on, cc.occurred_on);
  SELECT coalesce(array_agg(x.d ORDER BY x.d), '{}') INTO dates
    FROM (
      SELECT c.next_deadline AS d WHERE c.next_deadline IS NOT NULL
      UNION ALL
      SELECT cc.follow_up_on FROM consular_contacts cc
        WHERE cc.case_id = p_case AND cc.retracted_at IS NULL AND cc.follow_up_on IS NOT NULL
          AND cc.occurred_on >= coalesce(c.last_contact_on, cc.occurred_on)
      UNION ALL
      SELECT p.answer_due FROM petitions p
        WHERE p.case_id = p_case AND p.retracted_at IS NULL AND p.state IN ('submitted', 'acknowledged')
          AND p.answer_due IS NOT NULL
    ) AS x
    WHERE c.is_open;
  INSERT INTO dashboard_case_items AS d (case_id, is_open, due_items, due_dates, next_follow_up_on)
    VALUES (p_case, c.is_open, cardinality(dates), dates, next_follow_up)
    ON CONFLICT (case_id) DO UPDATE
      SET is_open = excluded.is_open, due_items = excluded.due_items, due_dates = excluded.due_dates,
        next_follow_up_on = excluded.next_follow_up_on
      WHERE (d.is_open, d.due_dates, d.next_follow_up_on)
        IS DISTINCT FROM (excluded.is_open, excluded.due_dates, excluded.next_follow_up_on);
  IF c.is_open IS DISTINCT FROM coalesce(prev.is_open, false) OR dates <> coalesce(prev.due_dates, '{}') THEN
    FOR a IN SELECT account_id FROM case_assignments WHERE case_id = p_case ORDER BY account_id LOOP
      PERFORM dashboard_caseload_change(
        a.account_id, c.is_open::int - coalesce(prev.is_open::int, 0), coalesce(prev.due_dates, '{}'), dates);
    END LOOP;
  END IF;
END;
$$;
--> statement-breakpoint
-- One account's caseload when one of its cases changes: open or not, and due dates out and in
-- (rows locked in (account, date) order).
CREATE OR REPLACE FUNCTION dashboard_caseload_change(p_account uuid, p_open integer, p_out date[], p_in date[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  PERFORM dashboard_caseload_add(p_account, p_open, cardinality(p_in) - cardinality(p_out));
  FOR r IN
    SELECT x.d, sum(x.k)::int AS k
    FROM (SELECT unnest(p_in) AS d, 1 AS k UNION ALL SELECT unnest(p_out), -1) AS x
    GROUP BY x.d HAVING sum(x.k) <> 0 ORDER BY x.d
  LOOP
    INSERT INTO dashboard_caseload_due AS t (account_id, due_on, n) VALUES (p_account, r.d, r.k)
      ON CONFLICT (account_id, due_on) DO UPDATE SET n = t.n + excluded.n;
    DELETE FROM dashboard_caseload_due WHERE account_id = p_account AND due_on = r.d AND n = 0;
  END LOOP;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashboard_caseload_add(p_account uuid, p_open integer, p_items integer) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO dashboard_caseload AS d (account_id, open_cases, due_items) VALUES (p_account, p_open, p_items)
  ON CONFLICT (account_id) DO UPDATE
    SET open_cases = d.open_cases + excluded.open_cases, due_items = d.due_items + excluded.due_items;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashboard_count_add(
  p_status case_status, p_risk risk_level, p_country text, p_facility text, p_city text, p_n integer
) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dashboard_open_counts AS d (status, risk_level, detaining_country, facility, facility_city, n)
  VALUES (p_status, p_risk, p_country, coalesce(p_facility, ''), coalesce(p_city, ''), p_n)
  ON CONFLICT (status, risk_level, detaining_country, facility, facility_city) DO UPDATE SET n = d.n + excluded.n;
$$;
--> statement-breakpoint
-- Open-case counts: one row out, one row in, in key order.
CREATE OR REPLACE FUNCTION dashboard_cases_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was boolean := TG_OP = 'UPDATE' AND OLD.is_open;
  now_open boolean := NEW.is_open;
BEGIN
  IF was AND now_open AND (OLD.status, OLD.risk_level, OLD.detaining_country, coalesce(OLD.facility, ''), coalesce(OLD.facility_city, ''))
      IS NOT DISTINCT FROM (NEW.status, NEW.risk_level, NEW.detaining_country, coalesce(NEW.facility, ''), coalesce(NEW.facility_city, '')) THEN
    RETURN NULL;
  END IF;
  IF was AND now_open AND (NEW.status, NEW.risk_level, NEW.detaining_country, coalesce(NEW.facility, ''), coalesce(NEW.facility_city, ''))
      < (OLD.status, OLD.risk_level, OLD.detaining_country, coalesce(OLD.facility, ''), coalesce(OLD.facility_city, '')) THEN
    PERFORM dashboard_count_add(NEW.status, NEW.risk_level, NEW.detaining_country, NEW.facility, NEW.facility_city, 1);
    PERFORM dashboard_count_add(OLD.status, OLD.risk_level, OLD.detaining_country, OLD.facility, OLD.facility_city, -1);
    RETURN NULL;
  END IF;
  IF was THEN
    PERFORM dashboard_count_add(OLD.status, OLD.risk_level, OLD.detaining_country, OLD.facility, OLD.facility_city, -1);
  END IF;
  IF now_open THEN
    PERFORM dashboard_count_add(NEW.status, NEW.risk_level, NEW.detaining_country, NEW.facility, NEW.facility_city, 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashboard_cases_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_refresh_case(NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A deleted case leaves every sum; the rows hanging off it then go by cascade, and their own
-- triggers find no case and change nothing.
CREATE OR REPLACE FUNCTION dashboard_cases_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  prev record;
  a record;
BEGIN
  IF OLD.is_open THEN
    PERFORM dashboard_count_add(OLD.status, OLD.risk_level, OLD.detaining_country, OLD.facility, OLD.facility_city, -1);
  END IF;
  SELECT is_open, due_dates INTO prev FROM dashboard_case_items WHERE case_id = OLD.id FOR UPDATE;
  IF FOUND THEN
    FOR a IN SELECT account_id FROM case_assignments WHERE case_id = OLD.id ORDER BY account_id LOOP
      PERFORM dashboard_caseload_change(a.account_id, -prev.is_open::int, prev.due_dates, '{}');
    END LOOP;
    DELETE FROM dashboard_case_items WHERE case_id = OLD.id;
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashboard_records_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM dashboard_refresh_case(OLD.case_id);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.case_id <> OLD.case_id) THEN
    PERFORM dashboard_refresh_case(NEW.case_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Assigning adds the case's open flag and items to the account's caseload; unassigning takes them
-- away. The case's items row is locked first, so a concurrent refresh of the case sees the change.
CREATE OR REPLACE FUNCTION dashboard_assignments_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT d.is_open, d.due_dates INTO s
      FROM dashboard_case_items d JOIN cases c ON c.id = d.case_id
      WHERE d.case_id = OLD.case_id FOR UPDATE OF d;
    IF FOUND THEN
      PERFORM dashboard_caseload_change(OLD.account_id, -s.is_open::int, s.due_dates, '{}');
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    SELECT d.is_open, d.due_dates INTO s FROM dashboard_case_items d WHERE d.case_id = NEW.case_id FOR UPDATE;
    IF FOUND THEN
      PERFORM dashboard_caseload_change(NEW.account_id, s.is_open::int, '{}', s.due_dates);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Everything again from the records: after a bulk load with these triggers disabled.
CREATE OR REPLACE FUNCTION dashboard_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM dashboard_case_items;
  INSERT INTO dashboard_case_items (case_id, is_open, due_items, due_dates, next_follow_up_on)
  SELECT c.id, c.is_open, cardinality(coalesce(i.dates, '{}')), coalesce(i.dates, '{}'), f.first_on
  FROM cases c
  LEFT JOIN (
    SELECT cc.case_id, min(cc.follow_up_on) AS first_on
    FROM consular_contacts cc JOIN cases k ON k.id = cc.case_id
    WHERE cc.retracted_at IS NULL AND cc.follow_up_on IS NOT NULL
      AND cc.occurred_on >= coalesce(k.last_contact_on, cc.occurred_on)
    GROUP BY cc.case_id
  ) AS f ON f.case_id = c.id
  LEFT JOIN (
    SELECT x.case_id, array_agg(x.d ORDER BY x.d) AS dates
    FROM (
      SELECT id AS case_id, next_deadline AS d FROM cases WHERE is_open AND next_deadline IS NOT NULL
      UNION ALL
      SELECT cc.case_id, cc.follow_up_on FROM consular_contacts cc JOIN cases k ON k.id = cc.case_id
      WHERE k.is_open AND cc.retracted_at IS NULL AND cc.follow_up_on IS NOT NULL
        AND cc.occurred_on >= coalesce(k.last_contact_on, cc.occurred_on)
      UNION ALL
      SELECT p.case_id, p.answer_due FROM petitions p JOIN cases k ON k.id = p.case_id
      WHERE k.is_open AND p.retracted_at IS NULL AND p.state IN ('submitted', 'acknowledged')
        AND p.answer_due IS NOT NULL
    ) AS x
    GROUP BY x.case_id
  ) AS i ON i.case_id = c.id;
  DELETE FROM dashboard_open_counts;
  INSERT INTO dashboard_open_counts (status, risk_level, detaining_country, facility, facility_city, n)
  SELECT status, risk_level, detaining_country, coalesce(facility, ''), coalesce(facility_city, ''), count(*)::int
  FROM cases WHERE is_open GROUP BY 1, 2, 3, 4, 5;
  DELETE FROM dashboard_caseload;
  INSERT INTO dashboard_caseload (account_id, open_cases, due_items)
  SELECT ca.account_id, count(*) FILTER (WHERE d.is_open)::int, coalesce(sum(d.due_items), 0)::int
  FROM case_assignments ca JOIN dashboard_case_items d ON d.case_id = ca.case_id
  GROUP BY ca.account_id;
  DELETE FROM dashboard_caseload_due;
  INSERT INTO dashboard_caseload_due (account_id, due_on, n)
  SELECT ca.account_id, x.d, count(*)::int
  FROM case_assignments ca JOIN dashboard_case_items d ON d.case_id = ca.case_id
  CROSS JOIN LATERAL unnest(d.due_dates) AS x(d)
  GROUP BY 1, 2;
END;
$$;
--> statement-breakpoint
SELECT dashboard_rebuild();
--> statement-breakpoint
CREATE TRIGGER dashboard_cases_counts AFTER INSERT OR UPDATE OF is_open, status, risk_level, detaining_country, facility, facility_city ON cases
  FOR EACH ROW EXECUTE FUNCTION dashboard_cases_counts();
--> statement-breakpoint
CREATE TRIGGER dashboard_cases_items AFTER INSERT OR UPDATE OF is_open, next_deadline, last_contact_on ON cases
  FOR EACH ROW EXECUTE FUNCTION dashboard_cases_items();
--> statement-breakpoint
CREATE TRIGGER dashboard_cases_delete BEFORE DELETE ON cases
  FOR EACH ROW EXECUTE FUNCTION dashboard_cases_delete();
--> statement-breakpoint
CREATE TRIGGER dashboard_contacts_changed AFTER INSERT OR DELETE OR UPDATE OF case_id, occurred_on, follow_up_on, retracted_at ON consular_contacts
  FOR EACH ROW EXECUTE FUNCTION dashboard_records_changed();
--> statement-breakpoint
CREATE TRIGGER dashboard_petitions_changed AFTER INSERT OR DELETE OR UPDATE OF case_id, state, answer_due, retracted_at ON petitions
  FOR EACH ROW EXECUTE FUNCTION dashboard_records_changed();
--> statement-breakpoint
CREATE TRIGGER dashboard_assignments_changed AFTER INSERT OR DELETE OR UPDATE ON case_assignments
  FOR EACH ROW EXECUTE FUNCTION dashboard_assignments_changed();
