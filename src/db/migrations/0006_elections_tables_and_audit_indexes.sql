CREATE TABLE "election_results" (
	"election_id" uuid NOT NULL,
	"constituency_code" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"nation_code" text NOT NULL,
	"electorate" integer NOT NULL,
	"valid_votes" integer NOT NULL,
	"invalid_votes" integer NOT NULL,
	"majority" integer NOT NULL,
	"winner" text NOT NULL,
	"winner_votes" integer,
	"runner_up" text NOT NULL,
	"runner_up_votes" integer,
	"votes" jsonb NOT NULL,
	"other_votes" integer NOT NULL,
	"other_winner_votes" integer,
	"result" text NOT NULL,
	"member_name" text,
	"declared_at" timestamp,
	CONSTRAINT "election_results_election_id_constituency_code_pk" PRIMARY KEY("election_id","constituency_code")
);
--> statement-breakpoint
CREATE TABLE "elections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"held_on" date NOT NULL,
	"boundary_set" text NOT NULL,
	"parties" text[] NOT NULL,
	"source_file" text NOT NULL,
	"source_hash" text NOT NULL,
	"seat_count" integer NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elections_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "target_list_seats" (
	"target_list_id" uuid NOT NULL,
	"constituency_code" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "target_list_seats_target_list_id_constituency_code_pk" PRIMARY KEY("target_list_id","constituency_code")
);
--> statement-breakpoint
CREATE TABLE "target_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"election_id" uuid NOT NULL,
	"name" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"basis" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "election_results" ADD CONSTRAINT "election_results_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_results" ADD CONSTRAINT "election_results_constituency_code_areas_code_fk" FOREIGN KEY ("constituency_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_list_seats" ADD CONSTRAINT "target_list_seats_target_list_id_target_lists_id_fk" FOREIGN KEY ("target_list_id") REFERENCES "public"."target_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_list_seats" ADD CONSTRAINT "target_list_seats_constituency_code_areas_code_fk" FOREIGN KEY ("constituency_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_lists" ADD CONSTRAINT "target_lists_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_lists" ADD CONSTRAINT "target_lists_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_lists" ADD CONSTRAINT "target_lists_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "election_results_region_idx" ON "election_results" USING btree ("election_id","region_code");--> statement-breakpoint
CREATE INDEX "election_results_code_idx" ON "election_results" USING btree ("constituency_code");--> statement-breakpoint
CREATE UNIQUE INDEX "target_lists_unit_name_idx" ON "target_lists" USING btree ("unit_id","name");--> statement-breakpoint
CREATE INDEX "target_lists_org_idx" ON "target_lists" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_time_idx" ON "audit_events" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "audit_action_time_idx" ON "audit_events" USING btree ("action","created_at");