CREATE TABLE "not_fixed_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quest_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"status" text NOT NULL,
	"weight" real NOT NULL,
	"checkin" jsonb,
	"photo_key" text,
	"photo_hash" text,
	"photo_exif" jsonb,
	"note" text,
	"checks" jsonb,
	"score" real,
	"status_reason" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "quest_status_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"quest_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_role" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attestations" ADD COLUMN "weight" real DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "quests" ADD COLUMN "reopen_window_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "not_fixed_reports" ADD CONSTRAINT "not_fixed_reports_quest_id_quests_id_fk" FOREIGN KEY ("quest_id") REFERENCES "public"."quests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "not_fixed_reports" ADD CONSTRAINT "not_fixed_reports_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "not_fixed_reports" ADD CONSTRAINT "not_fixed_reports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quest_status_events" ADD CONSTRAINT "quest_status_events_quest_id_quests_id_fk" FOREIGN KEY ("quest_id") REFERENCES "public"."quests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "not_fixed_reports_quest_user_round_uq" ON "not_fixed_reports" USING btree ("quest_id","user_id","round");--> statement-breakpoint
CREATE INDEX "not_fixed_reports_user_idx" ON "not_fixed_reports" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "not_fixed_reports_pending_idx" ON "not_fixed_reports" USING btree ("submitted_at") WHERE "not_fixed_reports"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "quest_status_events_quest_idx" ON "quest_status_events" USING btree ("quest_id","id");