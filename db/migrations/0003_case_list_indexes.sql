CREATE INDEX "cases_risk_name_idx" ON "cases" USING btree ("risk_level","full_name","id");--> statement-breakpoint
CREATE INDEX "cases_nationality_name_idx" ON "cases" USING btree ("nationality","full_name","id");--> statement-breakpoint
CREATE INDEX "cases_facility_name_idx" ON "cases" USING btree ("facility","full_name","id");--> statement-breakpoint
CREATE INDEX "cases_deadline_id_idx" ON "cases" USING btree ("next_deadline","id");--> statement-breakpoint
CREATE INDEX "cases_detained_id_idx" ON "cases" USING btree ("detained_on","id");--> statement-breakpoint
CREATE INDEX "cases_place_trgm_idx" ON "cases" USING gin ((coalesce("facility", '') || ' ' || coalesce("facility_city", '')) gin_trgm_ops);