CREATE TABLE "my_people" (
	"account_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "my_people_account_id_person_id_pk" PRIMARY KEY("account_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "relationships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"person_id" uuid NOT NULL,
	"other_person_id" uuid NOT NULL,
	"kind" text,
	"strength" integer,
	"event_name" text,
	"event_id" uuid,
	"occurred_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relationships_not_self" CHECK ("relationships"."person_id" <> "relationships"."other_person_id"),
	CONSTRAINT "relationships_tie_shape" CHECK (("relationships"."type" = 'tie') = ("relationships"."kind" is not null and "relationships"."strength" is not null)),
	CONSTRAINT "relationships_strength_range" CHECK ("relationships"."strength" is null or "relationships"."strength" between 1 and 5),
	CONSTRAINT "relationships_brought_shape" CHECK ("relationships"."type" <> 'brought' or ("relationships"."event_name" is not null and "relationships"."occurred_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "ladder_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"from_level_id" uuid,
	"to_level_id" uuid,
	"from_position" integer,
	"to_position" integer,
	"reason" text NOT NULL,
	"note" text,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ladder_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"description" text,
	"next_step" text DEFAULT '' NOT NULL,
	"rule" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "person_ladder" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"level_id" uuid,
	"computed_level_id" uuid,
	"manual_set" boolean DEFAULT false NOT NULL,
	"manual_level_id" uuid,
	"manual_base_level_id" uuid,
	"manual_reason" text,
	"manual_by" uuid,
	"manual_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leader_development" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"mentor_account_id" uuid NOT NULL,
	"note" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_by" uuid,
	"ended_at" timestamp with time zone,
	"ended_by" uuid
);
--> statement-breakpoint
CREATE TABLE "organiser_targets" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"one_to_ones_per_week" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organiser_targets_range" CHECK ("organiser_targets"."one_to_ones_per_week" between 0 and 500)
);
--> statement-breakpoint
ALTER TABLE "my_people" ADD CONSTRAINT "my_people_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "my_people" ADD CONSTRAINT "my_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_other_person_id_people_id_fk" FOREIGN KEY ("other_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_history" ADD CONSTRAINT "ladder_history_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_levels" ADD CONSTRAINT "ladder_levels_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_ladder" ADD CONSTRAINT "person_ladder_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_development" ADD CONSTRAINT "leader_development_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organiser_targets" ADD CONSTRAINT "organiser_targets_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "my_people_person_idx" ON "my_people" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "relationships_tie_pair_idx" ON "relationships" USING btree ("org_id",least("person_id", "other_person_id"),greatest("person_id", "other_person_id")) WHERE "relationships"."type" = 'tie';--> statement-breakpoint
CREATE UNIQUE INDEX "relationships_recruited_once_idx" ON "relationships" USING btree ("other_person_id") WHERE "relationships"."type" = 'recruited';--> statement-breakpoint
CREATE UNIQUE INDEX "relationships_brought_once_idx" ON "relationships" USING btree ("person_id","other_person_id","event_name","occurred_on") WHERE "relationships"."type" = 'brought';--> statement-breakpoint
CREATE INDEX "relationships_person_idx" ON "relationships" USING btree ("person_id","type","occurred_on");--> statement-breakpoint
CREATE INDEX "relationships_other_idx" ON "relationships" USING btree ("other_person_id","type");--> statement-breakpoint
CREATE INDEX "ladder_history_person_idx" ON "ladder_history" USING btree ("person_id","changed_at");--> statement-breakpoint
CREATE INDEX "ladder_history_org_time_idx" ON "ladder_history" USING btree ("org_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ladder_levels_org_key_idx" ON "ladder_levels" USING btree ("org_id","key") WHERE "ladder_levels"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "ladder_levels_org_position_idx" ON "ladder_levels" USING btree ("org_id","position");--> statement-breakpoint
CREATE INDEX "person_ladder_org_level_idx" ON "person_ladder" USING btree ("org_id","level_id") WHERE "person_ladder"."level_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "leader_development_open_idx" ON "leader_development" USING btree ("person_id") WHERE "leader_development"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "leader_development_mentor_idx" ON "leader_development" USING btree ("mentor_account_id") WHERE "leader_development"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "leader_development_org_idx" ON "leader_development" USING btree ("org_id","started_at");