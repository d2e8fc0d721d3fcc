CREATE TABLE "poll_theme_answers" (
	"scope_key" text NOT NULL,
	"vote_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	CONSTRAINT "poll_theme_answers_scope_key_vote_id_pk" PRIMARY KEY("scope_key","vote_id")
);
--> statement-breakpoint
CREATE TABLE "poll_theme_rejections" (
	"question_id" uuid NOT NULL,
	"scope_key" text NOT NULL,
	"term" text NOT NULL,
	"org_id" uuid NOT NULL,
	"rejected_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "poll_theme_rejections_question_id_scope_key_term_pk" PRIMARY KEY("question_id","scope_key","term")
);
--> statement-breakpoint
CREATE TABLE "poll_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"event_id" uuid,
	"breakout_id" uuid,
	"unit_id" uuid NOT NULL,
	"scope_key" text NOT NULL,
	"label" text NOT NULL,
	"label_key" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "poll_theme_answers" ADD CONSTRAINT "poll_theme_answers_vote_id_poll_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."poll_votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_theme_answers" ADD CONSTRAINT "poll_theme_answers_theme_id_poll_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."poll_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_theme_rejections" ADD CONSTRAINT "poll_theme_rejections_question_id_programme_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."programme_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_themes" ADD CONSTRAINT "poll_themes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_themes" ADD CONSTRAINT "poll_themes_question_id_programme_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."programme_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_themes" ADD CONSTRAINT "poll_themes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "poll_theme_answers_theme_idx" ON "poll_theme_answers" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "poll_theme_answers_vote_idx" ON "poll_theme_answers" USING btree ("vote_id");--> statement-breakpoint
CREATE INDEX "poll_themes_scope_idx" ON "poll_themes" USING btree ("question_id","scope_key");--> statement-breakpoint
CREATE INDEX "poll_themes_programme_question_idx" ON "poll_themes" USING btree ("programme_id","question_id","label_key");