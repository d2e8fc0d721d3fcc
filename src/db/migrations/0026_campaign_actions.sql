CREATE TABLE "campaign_action_leaders" (
	"action_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_action_leaders_action_id_person_id_pk" PRIMARY KEY("action_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"event_id" uuid,
	"target_actor_id" uuid,
	"title" text NOT NULL,
	"action_on" date NOT NULL,
	"asks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"turnout_goal" integer,
	"turnout" integer,
	"response_text" text DEFAULT '' NOT NULL,
	"response_outcome" text DEFAULT 'none' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"went_well" text,
	"to_improve" text,
	"evaluated_at" timestamp with time zone,
	"evaluated_by" uuid,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_actions_goal_range" CHECK ("campaign_actions"."turnout_goal" is null or "campaign_actions"."turnout_goal" >= 0),
	CONSTRAINT "campaign_actions_turnout_range" CHECK ("campaign_actions"."turnout" is null or "campaign_actions"."turnout" >= 0),
	CONSTRAINT "campaign_actions_evaluated_done" CHECK ("campaign_actions"."evaluated_at" is null or "campaign_actions"."status" = 'done')
);
--> statement-breakpoint
ALTER TABLE "campaign_action_leaders" ADD CONSTRAINT "campaign_action_leaders_action_id_campaign_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."campaign_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_action_leaders" ADD CONSTRAINT "campaign_action_leaders_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_action_leaders" ADD CONSTRAINT "campaign_action_leaders_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_actions" ADD CONSTRAINT "campaign_actions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_actions" ADD CONSTRAINT "campaign_actions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_actions" ADD CONSTRAINT "campaign_actions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_actions" ADD CONSTRAINT "campaign_actions_target_actor_id_power_map_actors_id_fk" FOREIGN KEY ("target_actor_id") REFERENCES "public"."power_map_actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_action_leaders_person_idx" ON "campaign_action_leaders" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "campaign_actions_campaign_idx" ON "campaign_actions" USING btree ("campaign_id","action_on","id");--> statement-breakpoint
CREATE INDEX "campaign_actions_event_idx" ON "campaign_actions" USING btree ("event_id") WHERE "campaign_actions"."event_id" is not null;--> statement-breakpoint
CREATE INDEX "campaign_actions_target_idx" ON "campaign_actions" USING btree ("target_actor_id") WHERE "campaign_actions"."target_actor_id" is not null;