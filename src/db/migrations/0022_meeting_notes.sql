CREATE TABLE "meeting_issue_people" (
	"meeting_issue_id" uuid NOT NULL,
	"rsvp_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"issue_id" uuid NOT NULL,
	"ward_code" text,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_issue_people_meeting_issue_id_rsvp_id_pk" PRIMARY KEY("meeting_issue_id","rsvp_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"group_id" uuid,
	"group_name" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issue_id" uuid NOT NULL,
	"raw_text" text,
	"people_count" integer
);
--> statement-breakpoint
CREATE TABLE "meeting_quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"group_id" uuid,
	"group_name" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"text" text NOT NULL,
	"consent_wording" text NOT NULL,
	"consented" boolean NOT NULL,
	"speaker_rsvp_id" uuid,
	CONSTRAINT "meeting_quotes_consented_check" CHECK ("meeting_quotes"."consented")
);
--> statement-breakpoint
CREATE TABLE "meeting_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"group_id" uuid,
	"group_name" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_issue_people" ADD CONSTRAINT "meeting_issue_people_meeting_issue_id_meeting_issues_id_fk" FOREIGN KEY ("meeting_issue_id") REFERENCES "public"."meeting_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_issue_people" ADD CONSTRAINT "meeting_issue_people_rsvp_id_event_rsvps_id_fk" FOREIGN KEY ("rsvp_id") REFERENCES "public"."event_rsvps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_issue_people" ADD CONSTRAINT "meeting_issue_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_issues" ADD CONSTRAINT "meeting_issues_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_issues" ADD CONSTRAINT "meeting_issues_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_issues" ADD CONSTRAINT "meeting_issues_group_id_breakout_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."breakout_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_issues" ADD CONSTRAINT "meeting_issues_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_issues" ADD CONSTRAINT "meeting_issues_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."issues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_quotes" ADD CONSTRAINT "meeting_quotes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_quotes" ADD CONSTRAINT "meeting_quotes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_quotes" ADD CONSTRAINT "meeting_quotes_group_id_breakout_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."breakout_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_quotes" ADD CONSTRAINT "meeting_quotes_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_quotes" ADD CONSTRAINT "meeting_quotes_speaker_rsvp_id_event_rsvps_id_fk" FOREIGN KEY ("speaker_rsvp_id") REFERENCES "public"."event_rsvps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_themes" ADD CONSTRAINT "meeting_themes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_themes" ADD CONSTRAINT "meeting_themes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_themes" ADD CONSTRAINT "meeting_themes_group_id_breakout_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."breakout_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_themes" ADD CONSTRAINT "meeting_themes_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_issue_people_salience_idx" ON "meeting_issue_people" USING btree ("org_id","issue_id","ward_code","occurred_at","person_id");--> statement-breakpoint
CREATE INDEX "meeting_issue_people_person_idx" ON "meeting_issue_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "meeting_issues_event_idx" ON "meeting_issues" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "meeting_quotes_event_idx" ON "meeting_quotes" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "meeting_themes_event_idx" ON "meeting_themes" USING btree ("event_id","created_at");