CREATE TABLE "structure_test_segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"test_id" uuid NOT NULL,
	"name" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "structure_test_segments_size_range" CHECK ("structure_test_segments"."size" >= 1)
);
--> statement-breakpoint
CREATE TABLE "structure_test_tallies" (
	"test_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"segment_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"collected_by" uuid,
	"collected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "structure_test_tallies_test_id_person_id_pk" PRIMARY KEY("test_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "structure_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"title" text NOT NULL,
	"counts_what" text NOT NULL,
	"threshold_pct" integer NOT NULL,
	"quota" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"public_override_reason" text,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "structure_tests_threshold_range" CHECK ("structure_tests"."threshold_pct" between 1 and 100),
	CONSTRAINT "structure_tests_quota_range" CHECK ("structure_tests"."quota" is null or "structure_tests"."quota" >= 1)
);
--> statement-breakpoint
ALTER TABLE "structure_test_segments" ADD CONSTRAINT "structure_test_segments_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure_test_segments" ADD CONSTRAINT "structure_test_segments_test_id_structure_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."structure_tests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure_test_tallies" ADD CONSTRAINT "structure_test_tallies_test_id_structure_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."structure_tests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure_test_tallies" ADD CONSTRAINT "structure_test_tallies_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure_test_tallies" ADD CONSTRAINT "structure_test_tallies_segment_id_structure_test_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."structure_test_segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure_test_tallies" ADD CONSTRAINT "structure_test_tallies_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure_tests" ADD CONSTRAINT "structure_tests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure_tests" ADD CONSTRAINT "structure_tests_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "structure_test_segments_name_idx" ON "structure_test_segments" USING btree ("test_id",lower("name"));--> statement-breakpoint
CREATE INDEX "structure_test_tallies_segment_idx" ON "structure_test_tallies" USING btree ("segment_id");--> statement-breakpoint
CREATE INDEX "structure_test_tallies_person_idx" ON "structure_test_tallies" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "structure_tests_campaign_idx" ON "structure_tests" USING btree ("campaign_id","created_at","id");