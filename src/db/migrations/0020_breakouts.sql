CREATE TABLE "breakout_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"facilitator_account_id" uuid,
	"published_name" text,
	"published_facilitator_id" uuid
);
--> statement-breakpoint
CREATE TABLE "breakout_members" (
	"rsvp_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"published_group_id" uuid
);
--> statement-breakpoint
CREATE TABLE "breakout_plans" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"source" text NOT NULL,
	"group_size" integer NOT NULL,
	"seed" integer NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "breakout_groups" ADD CONSTRAINT "breakout_groups_event_id_breakout_plans_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."breakout_plans"("event_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_groups" ADD CONSTRAINT "breakout_groups_facilitator_account_id_accounts_id_fk" FOREIGN KEY ("facilitator_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_groups" ADD CONSTRAINT "breakout_groups_published_facilitator_id_accounts_id_fk" FOREIGN KEY ("published_facilitator_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_members" ADD CONSTRAINT "breakout_members_rsvp_id_event_rsvps_id_fk" FOREIGN KEY ("rsvp_id") REFERENCES "public"."event_rsvps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_members" ADD CONSTRAINT "breakout_members_event_id_breakout_plans_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."breakout_plans"("event_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_members" ADD CONSTRAINT "breakout_members_group_id_breakout_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."breakout_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_members" ADD CONSTRAINT "breakout_members_published_group_id_breakout_groups_id_fk" FOREIGN KEY ("published_group_id") REFERENCES "public"."breakout_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_plans" ADD CONSTRAINT "breakout_plans_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "breakout_groups_event_position_idx" ON "breakout_groups" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "breakout_groups_published_facilitator_idx" ON "breakout_groups" USING btree ("published_facilitator_id");--> statement-breakpoint
CREATE INDEX "breakout_members_event_idx" ON "breakout_members" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "breakout_members_group_idx" ON "breakout_members" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "breakout_members_published_group_idx" ON "breakout_members" USING btree ("published_group_id");