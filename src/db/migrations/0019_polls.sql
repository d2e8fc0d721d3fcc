CREATE TABLE "poll_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"rsvp_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poll_session_questions" (
	"session_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"state" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "poll_session_questions_session_id_question_id_pk" PRIMARY KEY("session_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "poll_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"join_code" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "poll_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"breakout_id" uuid,
	"question_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"option_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"value" integer,
	"text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_meetings" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"question_ids" uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"prompt" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scale_min" integer,
	"scale_max" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "poll_participants" ADD CONSTRAINT "poll_participants_session_id_poll_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."poll_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_participants" ADD CONSTRAINT "poll_participants_rsvp_id_event_rsvps_id_fk" FOREIGN KEY ("rsvp_id") REFERENCES "public"."event_rsvps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_session_questions" ADD CONSTRAINT "poll_session_questions_session_id_poll_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."poll_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_session_questions" ADD CONSTRAINT "poll_session_questions_question_id_programme_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."programme_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_sessions" ADD CONSTRAINT "poll_sessions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_sessions" ADD CONSTRAINT "poll_sessions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_session_id_poll_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."poll_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_question_id_programme_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."programme_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_participant_id_poll_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."poll_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_meetings" ADD CONSTRAINT "programme_meetings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_meetings" ADD CONSTRAINT "programme_meetings_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_questions" ADD CONSTRAINT "programme_questions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "poll_participants_token_idx" ON "poll_participants" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "poll_participants_session_idx" ON "poll_participants" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "poll_sessions_event_idx" ON "poll_sessions" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "poll_sessions_code_idx" ON "poll_sessions" USING btree ("join_code");--> statement-breakpoint
CREATE INDEX "poll_sessions_programme_idx" ON "poll_sessions" USING btree ("programme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "poll_votes_participant_question_idx" ON "poll_votes" USING btree ("participant_id","question_id");--> statement-breakpoint
CREATE INDEX "poll_votes_programme_question_idx" ON "poll_votes" USING btree ("programme_id","question_id");--> statement-breakpoint
CREATE INDEX "poll_votes_session_question_idx" ON "poll_votes" USING btree ("session_id","question_id");--> statement-breakpoint
CREATE INDEX "poll_votes_question_idx" ON "poll_votes" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "programme_meetings_programme_idx" ON "programme_meetings" USING btree ("programme_id","created_at");--> statement-breakpoint
CREATE INDEX "programme_questions_programme_idx" ON "programme_questions" USING btree ("programme_id","position");--> statement-breakpoint
CREATE INDEX "programmes_unit_created_idx" ON "programmes" USING btree ("unit_id","created_at","id");--> statement-breakpoint
CREATE INDEX "programmes_org_created_idx" ON "programmes" USING btree ("org_id","created_at","id");