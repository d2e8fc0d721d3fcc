DROP INDEX "salience_cells_lookup_idx";--> statement-breakpoint
CREATE INDEX "salience_cells_issue_idx" ON "salience_cells" USING btree ("org_id","period_days","scope_unit_id","issue_id","ward_code");--> statement-breakpoint
CREATE INDEX "salience_cells_top_idx" ON "salience_cells" USING btree ("org_id","period_days","scope_unit_id","ward_code") WHERE "salience_cells"."rank" <= 3;