CREATE TABLE "issue_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"label" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"category_id" uuid,
	"slug" text NOT NULL,
	"label" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scales" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"description" text,
	"kind" text DEFAULT 'other' NOT NULL,
	"min_value" integer NOT NULL,
	"max_value" integer NOT NULL,
	"point_labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"higher_is_better" boolean DEFAULT true NOT NULL,
	"phases" text DEFAULT 'single' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"scale_id" uuid NOT NULL,
	"value" integer NOT NULL,
	"phase" text DEFAULT 'single' NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL,
	"assessed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "conversation_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"issue_id" uuid NOT NULL,
	"raw_text" text,
	"unit_id" uuid NOT NULL,
	"ward_code" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "conversation_organisers" (
	"conversation_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "conversation_organisers_conversation_id_account_id_pk" PRIMARY KEY("conversation_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "conversation_people" (
	"conversation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"ward_code" text,
	"position" integer DEFAULT 0 NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "conversation_people_conversation_id_person_id_pk" PRIMARY KEY("conversation_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer,
	"outcome" text NOT NULL,
	"self_interest" text,
	"story" text,
	"source" text DEFAULT 'app' NOT NULL,
	"submission_hash" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	CONSTRAINT "conversations_duration_check" CHECK ("conversations"."duration_minutes" is null or "conversations"."duration_minutes" between 0 and 1440)
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"conversation_id" uuid,
	"ask" text NOT NULL,
	"custom_text" text,
	"answer" text DEFAULT 'awaiting' NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"marked_at" timestamp with time zone,
	"marked_by" uuid,
	"asked_by" uuid,
	"asked_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"conversation_id" uuid,
	"assignee_account_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "issue_categories" ADD CONSTRAINT "issue_categories_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issues" ADD CONSTRAINT "issues_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issues" ADD CONSTRAINT "issues_category_id_issue_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."issue_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scales" ADD CONSTRAINT "scales_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_scale_id_scales_id_fk" FOREIGN KEY ("scale_id") REFERENCES "public"."scales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_issues" ADD CONSTRAINT "conversation_issues_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_issues" ADD CONSTRAINT "conversation_issues_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."issues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_people" ADD CONSTRAINT "conversation_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "issue_categories_org_slug_idx" ON "issue_categories" USING btree ("org_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "issues_org_slug_idx" ON "issues" USING btree ("org_id","slug");--> statement-breakpoint
CREATE INDEX "issues_org_status_idx" ON "issues" USING btree ("org_id","status","label");--> statement-breakpoint
CREATE INDEX "issues_category_idx" ON "issues" USING btree ("category_id") WHERE "issues"."category_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "scales_org_key_idx" ON "scales" USING btree ("org_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_once_idx" ON "assessments" USING btree ("conversation_id","person_id","scale_id","phase");--> statement-breakpoint
CREATE INDEX "assessments_person_scale_time_idx" ON "assessments" USING btree ("person_id","scale_id","assessed_at") WHERE "assessments"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "assessments_unit_scale_time_idx" ON "assessments" USING btree ("unit_id","scale_id","assessed_at") WHERE "assessments"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_issues_once_idx" ON "conversation_issues" USING btree ("conversation_id","person_id","issue_id");--> statement-breakpoint
CREATE INDEX "conversation_issues_salience_idx" ON "conversation_issues" USING btree ("org_id","issue_id","ward_code","occurred_at","person_id") WHERE "conversation_issues"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "conversation_issues_unit_time_idx" ON "conversation_issues" USING btree ("unit_id","occurred_at","issue_id","person_id") WHERE "conversation_issues"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "conversation_issues_person_idx" ON "conversation_issues" USING btree ("person_id","occurred_at");--> statement-breakpoint
CREATE INDEX "conversation_issues_issue_idx" ON "conversation_issues" USING btree ("issue_id");--> statement-breakpoint
CREATE INDEX "conversation_organisers_account_kind_time_idx" ON "conversation_organisers" USING btree ("account_id","kind","occurred_at") WHERE "conversation_organisers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "conversation_organisers_account_time_idx" ON "conversation_organisers" USING btree ("account_id","occurred_at") WHERE "conversation_organisers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "conversation_people_person_time_idx" ON "conversation_people" USING btree ("person_id","occurred_at") WHERE "conversation_people"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "conversation_people_unit_time_idx" ON "conversation_people" USING btree ("unit_id","occurred_at") WHERE "conversation_people"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "conversations_unit_time_idx" ON "conversations" USING btree ("unit_id","occurred_at","id") WHERE "conversations"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "conversations_org_time_idx" ON "conversations" USING btree ("org_id","occurred_at","id") WHERE "conversations"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "conversations_creator_time_idx" ON "conversations" USING btree ("created_by","occurred_at") WHERE "conversations"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "conversations_person_idx" ON "conversations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "commitments_person_time_idx" ON "commitments" USING btree ("person_id","asked_at") WHERE "commitments"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "commitments_unit_status_due_idx" ON "commitments" USING btree ("unit_id","status","due_on") WHERE "commitments"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "commitments_asker_answer_idx" ON "commitments" USING btree ("asked_by","answer","asked_at") WHERE "commitments"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "commitments_conversation_idx" ON "commitments" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "follow_ups_assignee_due_idx" ON "follow_ups" USING btree ("assignee_account_id","due_on") WHERE "follow_ups"."done_at" is null and "follow_ups"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "follow_ups_person_due_idx" ON "follow_ups" USING btree ("person_id","due_on") WHERE "follow_ups"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "follow_ups_unit_due_idx" ON "follow_ups" USING btree ("unit_id","due_on") WHERE "follow_ups"."done_at" is null and "follow_ups"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "follow_ups_conversation_idx" ON "follow_ups" USING btree ("conversation_id");