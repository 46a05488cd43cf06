CREATE TABLE "integration_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"base_url" text,
	"jurisdiction_id" text,
	"api_key" text,
	"services" jsonb NOT NULL,
	"batch_size" integer DEFAULT 100 NOT NULL,
	"poll_every_ms" integer DEFAULT 300000 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"watermark" timestamp with time zone,
	"last_polled_at" timestamp with time zone,
	"poll_not_before" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integration_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"remote_id" text NOT NULL,
	"quest_id" uuid,
	"skipped_reason" text,
	"requested_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integration_pushes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"link_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"quest_status" text NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"remote_update_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "open311_api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"organisation" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "open311_api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "open311_reports" (
	"quest_id" uuid PRIMARY KEY NOT NULL,
	"area_id" uuid NOT NULL,
	"api_key_id" uuid,
	"service_code" text NOT NULL,
	"token" text NOT NULL,
	"address" text,
	"media_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open311_reports_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "open311_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"area_id" uuid NOT NULL,
	"quest_id" uuid NOT NULL,
	"status" text NOT NULL,
	"description" text NOT NULL,
	"media_url" text,
	"source" text NOT NULL,
	"remote_update_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evidence_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by" uuid,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evidence_strikes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evidence_suspensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "ledger_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ledger_id" bigint NOT NULL,
	"applied_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "xp_ledger_evidence_user_uq";--> statement-breakpoint
DROP INDEX "xp_ledger_quest_user_uq";--> statement-breakpoint
ALTER TABLE "xp_ledger" ADD COLUMN "team_amount" integer;--> statement-breakpoint
ALTER TABLE "xp_ledger" ADD COLUMN "reverses_id" bigint;--> statement-breakpoint
ALTER TABLE "xp_ledger" ADD COLUMN "repays_id" bigint;--> statement-breakpoint
ALTER TABLE "xp_ledger" ADD COLUMN "actor_id" uuid;--> statement-breakpoint
ALTER TABLE "integration_connections" ADD CONSTRAINT "integration_connections_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_links" ADD CONSTRAINT "integration_links_connection_id_integration_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."integration_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_links" ADD CONSTRAINT "integration_links_quest_id_quests_id_fk" FOREIGN KEY ("quest_id") REFERENCES "public"."quests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_pushes" ADD CONSTRAINT "integration_pushes_link_id_integration_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."integration_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_api_keys" ADD CONSTRAINT "open311_api_keys_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_api_keys" ADD CONSTRAINT "open311_api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_reports" ADD CONSTRAINT "open311_reports_quest_id_quests_id_fk" FOREIGN KEY ("quest_id") REFERENCES "public"."quests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_reports" ADD CONSTRAINT "open311_reports_api_key_id_open311_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."open311_api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_updates" ADD CONSTRAINT "open311_updates_quest_id_quests_id_fk" FOREIGN KEY ("quest_id") REFERENCES "public"."quests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_appeals" ADD CONSTRAINT "evidence_appeals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_strikes" ADD CONSTRAINT "evidence_strikes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_suspensions" ADD CONSTRAINT "evidence_suspensions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_outbox" ADD CONSTRAINT "ledger_outbox_ledger_id_xp_ledger_id_fk" FOREIGN KEY ("ledger_id") REFERENCES "public"."xp_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integration_connections_area_idx" ON "integration_connections" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "integration_links_remote_uq" ON "integration_links" USING btree ("connection_id","remote_id");--> statement-breakpoint
CREATE UNIQUE INDEX "integration_links_quest_uq" ON "integration_links" USING btree ("quest_id");--> statement-breakpoint
CREATE INDEX "integration_pushes_connection_state_idx" ON "integration_pushes" USING btree ("connection_id","state");--> statement-breakpoint
CREATE INDEX "open311_api_keys_area_idx" ON "open311_api_keys" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "open311_reports_area_idx" ON "open311_reports" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "open311_updates_area_at_idx" ON "open311_updates" USING btree ("area_id","at");--> statement-breakpoint
CREATE INDEX "open311_updates_quest_idx" ON "open311_updates" USING btree ("quest_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_updates_remote_uq" ON "open311_updates" USING btree ("quest_id","remote_update_id") WHERE "open311_updates"."remote_update_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_appeals_evidence_uq" ON "evidence_appeals" USING btree ("evidence_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_strikes_evidence_uq" ON "evidence_strikes" USING btree ("evidence_id");--> statement-breakpoint
CREATE INDEX "evidence_strikes_user_area_idx" ON "evidence_strikes" USING btree ("user_id","area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_suspensions_active_uq" ON "evidence_suspensions" USING btree ("user_id","area_id") WHERE lifted_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_outbox_ledger_uq" ON "ledger_outbox" USING btree ("ledger_id");--> statement-breakpoint
CREATE INDEX "ledger_outbox_pending_idx" ON "ledger_outbox" USING btree ("id") WHERE applied_at is null;--> statement-breakpoint
ALTER TABLE "xp_ledger" ADD CONSTRAINT "xp_ledger_reverses_id_xp_ledger_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."xp_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xp_ledger" ADD CONSTRAINT "xp_ledger_repays_id_xp_ledger_id_fk" FOREIGN KEY ("repays_id") REFERENCES "public"."xp_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "xp_ledger_reverses_uq" ON "xp_ledger" USING btree ("reverses_id");--> statement-breakpoint
CREATE UNIQUE INDEX "xp_ledger_repays_uq" ON "xp_ledger" USING btree ("repays_id");--> statement-breakpoint
CREATE INDEX "xp_ledger_evidence_idx" ON "xp_ledger" USING btree ("evidence_id");--> statement-breakpoint
CREATE UNIQUE INDEX "xp_ledger_evidence_user_uq" ON "xp_ledger" USING btree ("evidence_id","user_id") WHERE reverses_id is null and repays_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "xp_ledger_quest_user_uq" ON "xp_ledger" USING btree ("quest_id","user_id") WHERE reverses_id is null and repays_id is null;