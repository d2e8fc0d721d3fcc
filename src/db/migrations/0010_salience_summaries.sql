CREATE TABLE "salience_cells" (
	"org_id" uuid NOT NULL,
	"period_days" integer NOT NULL,
	"as_of" date NOT NULL,
	"scope_unit_id" uuid NOT NULL,
	"ward_code" text NOT NULL,
	"issue_id" uuid,
	"people" integer NOT NULL,
	"owner_unit_id" uuid,
	"rank" integer
);
--> statement-breakpoint
CREATE TABLE "salience_refreshes" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"seconds" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "salience_week_cells" (
	"org_id" uuid NOT NULL,
	"week" date NOT NULL,
	"scope_unit_id" uuid NOT NULL,
	"issue_id" uuid,
	"people" integer NOT NULL,
	"owner_unit_id" uuid
);
--> statement-breakpoint
CREATE INDEX "salience_cells_lookup_idx" ON "salience_cells" USING btree ("org_id","period_days","scope_unit_id","ward_code","issue_id");--> statement-breakpoint
CREATE INDEX "salience_week_cells_lookup_idx" ON "salience_week_cells" USING btree ("org_id","scope_unit_id","issue_id","week");