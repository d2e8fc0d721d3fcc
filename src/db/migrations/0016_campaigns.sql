CREATE TABLE "campaign_areas" (
	"campaign_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	CONSTRAINT "campaign_areas_campaign_id_area_code_pk" PRIMARY KEY("campaign_id","area_code")
);
--> statement-breakpoint
CREATE TABLE "campaign_phase_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"from_phase" text,
	"to_phase" text NOT NULL,
	"reason" text,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_team" (
	"campaign_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"is_leader" boolean DEFAULT false NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_team_campaign_id_person_id_pk" PRIMARY KEY("campaign_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"issue_id" uuid,
	"demand" text DEFAULT '' NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"deadline" date,
	"phase" text DEFAULT 'build_relationships' NOT NULL,
	"phase_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "power_map_actors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"institution_id" uuid,
	"name" text NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"influence" integer NOT NULL,
	"stance" integer NOT NULL,
	"self_interest" text DEFAULT '' NOT NULL,
	"target" text,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "power_map_actors_influence_range" CHECK ("power_map_actors"."influence" between 1 and 5),
	CONSTRAINT "power_map_actors_stance_range" CHECK ("power_map_actors"."stance" between -2 and 2)
);
--> statement-breakpoint
CREATE TABLE "power_map_contacts" (
	"actor_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"relationship" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "power_map_contacts_actor_id_person_id_pk" PRIMARY KEY("actor_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "power_map_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"from_actor_id" uuid NOT NULL,
	"to_actor_id" uuid NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "power_map_links_not_self" CHECK ("power_map_links"."from_actor_id" <> "power_map_links"."to_actor_id")
);
--> statement-breakpoint
CREATE TABLE "wins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"won_on" date NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wins_pages" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_areas" ADD CONSTRAINT "campaign_areas_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_areas" ADD CONSTRAINT "campaign_areas_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_phase_changes" ADD CONSTRAINT "campaign_phase_changes_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_team" ADD CONSTRAINT "campaign_team_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_team" ADD CONSTRAINT "campaign_team_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."issues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_map_actors" ADD CONSTRAINT "power_map_actors_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_map_actors" ADD CONSTRAINT "power_map_actors_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_map_contacts" ADD CONSTRAINT "power_map_contacts_actor_id_power_map_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."power_map_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_map_contacts" ADD CONSTRAINT "power_map_contacts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_map_contacts" ADD CONSTRAINT "power_map_contacts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_map_links" ADD CONSTRAINT "power_map_links_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_map_links" ADD CONSTRAINT "power_map_links_from_actor_id_power_map_actors_id_fk" FOREIGN KEY ("from_actor_id") REFERENCES "public"."power_map_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_map_links" ADD CONSTRAINT "power_map_links_to_actor_id_power_map_actors_id_fk" FOREIGN KEY ("to_actor_id") REFERENCES "public"."power_map_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wins" ADD CONSTRAINT "wins_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wins" ADD CONSTRAINT "wins_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wins_pages" ADD CONSTRAINT "wins_pages_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_phase_changes_campaign_idx" ON "campaign_phase_changes" USING btree ("campaign_id","changed_at","id");--> statement-breakpoint
CREATE INDEX "campaign_team_person_idx" ON "campaign_team" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "campaigns_unit_created_idx" ON "campaigns" USING btree ("unit_id","created_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_org_created_idx" ON "campaigns" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_issue_idx" ON "campaigns" USING btree ("issue_id") WHERE "campaigns"."issue_id" is not null;--> statement-breakpoint
CREATE INDEX "power_map_actors_campaign_idx" ON "power_map_actors" USING btree ("campaign_id","influence","id");--> statement-breakpoint
CREATE INDEX "power_map_actors_person_idx" ON "power_map_actors" USING btree ("person_id") WHERE "power_map_actors"."person_id" is not null;--> statement-breakpoint
CREATE INDEX "power_map_contacts_person_idx" ON "power_map_contacts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "power_map_contacts_campaign_idx" ON "power_map_contacts" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "power_map_links_pair_idx" ON "power_map_links" USING btree ("from_actor_id","to_actor_id");--> statement-breakpoint
CREATE INDEX "power_map_links_campaign_idx" ON "power_map_links" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "power_map_links_to_idx" ON "power_map_links" USING btree ("to_actor_id");--> statement-breakpoint
CREATE INDEX "wins_unit_won_idx" ON "wins" USING btree ("unit_id","won_on","id");--> statement-breakpoint
CREATE INDEX "wins_campaign_idx" ON "wins" USING btree ("campaign_id","won_on");