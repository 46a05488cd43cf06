CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"quest_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_id" uuid NOT NULL,
	"author_role" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"pinned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "content_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"content_kind" text NOT NULL,
	"content_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_reason" text
);
--> statement-breakpoint
CREATE TABLE "admin_setup_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"spent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"in_app" boolean NOT NULL,
	"email" text NOT NULL,
	CONSTRAINT "notification_preferences_user_id_kind_pk" PRIMARY KEY("user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"quiet_from" text,
	"quiet_until" text,
	"watch_area_id" uuid,
	"watch_lat" double precision,
	"watch_lng" double precision,
	"watch_radius_m" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"area_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"dedupe_key" text,
	"in_app" boolean NOT NULL,
	"email_state" text NOT NULL,
	"digest_window" text,
	"digest_due_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "digest_sends" (
	"user_id" uuid NOT NULL,
	"window" text NOT NULL,
	"items" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_sends_user_id_window_pk" PRIMARY KEY("user_id","window")
);
--> statement-breakpoint
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
CREATE TABLE "credit_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"partner_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"area_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_account_id" uuid NOT NULL,
	"to_account_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"quest_id" uuid,
	"evidence_id" uuid,
	"user_id" uuid,
	"redemption_id" uuid,
	"reverses_id" bigint,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_ledger_amount_positive" CHECK ("credit_ledger"."amount" > 0),
	CONSTRAINT "credit_ledger_two_accounts" CHECK ("credit_ledger"."from_account_id" <> "credit_ledger"."to_account_id")
);
--> statement-breakpoint
CREATE TABLE "credit_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"cost" integer NOT NULL,
	"per_resident_limit" integer,
	"total_limit" integer,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_offers_cost_positive" CHECK ("credit_offers"."cost" > 0)
);
--> statement-breakpoint
CREATE TABLE "credit_redemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"cost" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	CONSTRAINT "credit_redemptions_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "partner_staff" (
	"partner_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_staff_partner_id_user_id_pk" PRIMARY KEY("partner_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quest_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quest_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"stars" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quest_ratings_stars_range" CHECK ("quest_ratings"."stars" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "money_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"pitch_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_pence" integer NOT NULL,
	"milestone_id" uuid,
	"corrects_id" uuid,
	"actor_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "money_ledger_amount_ck" CHECK ("money_ledger"."amount_pence" > 0),
	CONSTRAINT "money_ledger_kind_ck" CHECK ("money_ledger"."kind" in ('allocated', 'released', 'cancelled', 'reversed'))
);
--> statement-breakpoint
CREATE TABLE "organisation_members" (
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_members_organisation_id_user_id_pk" PRIMARY KEY("organisation_id","user_id"),
	CONSTRAINT "organisation_members_role_ck" CHECK ("organisation_members"."role" in ('lead', 'member'))
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"contact_user_id" uuid,
	"invite_code" text NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pitch_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pitch_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"amount_pence" integer NOT NULL,
	"evidenced_by" text NOT NULL,
	"released_at" timestamp with time zone,
	"evidence" text,
	CONSTRAINT "pitch_milestones_amount_ck" CHECK ("pitch_milestones"."amount_pence" > 0)
);
--> statement-breakpoint
CREATE TABLE "pitches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"outcome" text NOT NULL,
	"budget_pence" integer NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"radius_m" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"changes_requested" text,
	"decline_reason" text,
	"failure_reason" text,
	"quest_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"closed_at" timestamp with time zone,
	CONSTRAINT "pitches_budget_ck" CHECK ("pitches"."budget_pence" > 0)
);
--> statement-breakpoint
CREATE TABLE "budget_ballot_choices" (
	"ballot_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	CONSTRAINT "budget_ballot_choices_ballot_id_project_id_pk" PRIMARY KEY("ballot_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "budget_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"total_pence" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"proposed_by" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"cost_pence" bigint NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"feasible" boolean,
	"feasibility_reason" text,
	"votes" integer,
	"funded" boolean,
	"quest_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_projects_cost_positive" CHECK ("budget_projects"."cost_pence" > 0)
);
--> statement-breakpoint
CREATE TABLE "budget_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"title" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"phase" text NOT NULL,
	"proposals_end_at" timestamp with time zone NOT NULL,
	"feasibility_end_at" timestamp with time zone NOT NULL,
	"voting_end_at" timestamp with time zone NOT NULL,
	"min_projects" integer NOT NULL,
	"max_projects" integer,
	"method" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_rounds_amount_positive" CHECK ("budget_rounds"."amount_pence" > 0),
	CONSTRAINT "budget_rounds_phase_known" CHECK ("budget_rounds"."phase" in ('proposals', 'feasibility', 'voting', 'results'))
);
--> statement-breakpoint
DROP INDEX "xp_ledger_evidence_user_uq";--> statement-breakpoint
DROP INDEX "xp_ledger_quest_user_uq";--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attestations" ADD COLUMN "weight" real DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "captured_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "device_clock_offset_ms" integer;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "quests" ADD COLUMN "reopen_window_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "quests" ADD COLUMN "effort_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "xp_ledger" ADD COLUMN "team_amount" integer;--> statement-breakpoint
ALTER TABLE "xp_ledger" ADD COLUMN "reverses_id" bigint;--> statement-breakpoint
ALTER TABLE "xp_ledger" ADD COLUMN "repays_id" bigint;--> statement-breakpoint
ALTER TABLE "xp_ledger" ADD COLUMN "actor_id" uuid;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_quest_id_quests_id_fk" FOREIGN KEY ("quest_id") REFERENCES "public"."quests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_reports" ADD CONSTRAINT "content_reports_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_reports" ADD CONSTRAINT "content_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_reports" ADD CONSTRAINT "content_reports_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_setup_tokens" ADD CONSTRAINT "admin_setup_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_watch_area_id_areas_id_fk" FOREIGN KEY ("watch_area_id") REFERENCES "public"."areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_sends" ADD CONSTRAINT "digest_sends_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "not_fixed_reports" ADD CONSTRAINT "not_fixed_reports_quest_id_quests_id_fk" FOREIGN KEY ("quest_id") REFERENCES "public"."quests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "not_fixed_reports" ADD CONSTRAINT "not_fixed_reports_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "not_fixed_reports" ADD CONSTRAINT "not_fixed_reports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quest_status_events" ADD CONSTRAINT "quest_status_events_quest_id_quests_id_fk" FOREIGN KEY ("quest_id") REFERENCES "public"."quests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_accounts" ADD CONSTRAINT "credit_accounts_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_accounts" ADD CONSTRAINT "credit_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_accounts" ADD CONSTRAINT "credit_accounts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_from_account_id_credit_accounts_id_fk" FOREIGN KEY ("from_account_id") REFERENCES "public"."credit_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_to_account_id_credit_accounts_id_fk" FOREIGN KEY ("to_account_id") REFERENCES "public"."credit_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_quest_id_quests_id_fk" FOREIGN KEY ("quest_id") REFERENCES "public"."quests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_reverses_id_credit_ledger_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."credit_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_offers" ADD CONSTRAINT "credit_offers_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_offers" ADD CONSTRAINT "credit_offers_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_redemptions" ADD CONSTRAINT "credit_redemptions_offer_id_credit_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."credit_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_redemptions" ADD CONSTRAINT "credit_redemptions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_redemptions" ADD CONSTRAINT "credit_redemptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_redemptions" ADD CONSTRAINT "credit_redemptions_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_staff" ADD CONSTRAINT "partner_staff_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_staff" ADD CONSTRAINT "partner_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quest_ratings" ADD CONSTRAINT "quest_ratings_quest_id_quests_id_fk" FOREIGN KEY ("quest_id") REFERENCES "public"."quests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quest_ratings" ADD CONSTRAINT "quest_ratings_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quest_ratings" ADD CONSTRAINT "quest_ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_ledger" ADD CONSTRAINT "money_ledger_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_ledger" ADD CONSTRAINT "money_ledger_pitch_id_pitches_id_fk" FOREIGN KEY ("pitch_id") REFERENCES "public"."pitches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_ledger" ADD CONSTRAINT "money_ledger_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_ledger" ADD CONSTRAINT "money_ledger_milestone_id_pitch_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."pitch_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_ledger" ADD CONSTRAINT "money_ledger_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_contact_user_id_users_id_fk" FOREIGN KEY ("contact_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pitch_milestones" ADD CONSTRAINT "pitch_milestones_pitch_id_pitches_id_fk" FOREIGN KEY ("pitch_id") REFERENCES "public"."pitches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pitches" ADD CONSTRAINT "pitches_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pitches" ADD CONSTRAINT "pitches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pitches" ADD CONSTRAINT "pitches_quest_id_quests_id_fk" FOREIGN KEY ("quest_id") REFERENCES "public"."quests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pitches" ADD CONSTRAINT "pitches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pitches" ADD CONSTRAINT "pitches_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_ballot_choices" ADD CONSTRAINT "budget_ballot_choices_ballot_id_budget_ballots_id_fk" FOREIGN KEY ("ballot_id") REFERENCES "public"."budget_ballots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_ballot_choices" ADD CONSTRAINT "budget_ballot_choices_project_id_budget_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."budget_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_ballots" ADD CONSTRAINT "budget_ballots_round_id_budget_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."budget_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_ballots" ADD CONSTRAINT "budget_ballots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_projects" ADD CONSTRAINT "budget_projects_round_id_budget_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."budget_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_projects" ADD CONSTRAINT "budget_projects_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_projects" ADD CONSTRAINT "budget_projects_quest_id_quests_id_fk" FOREIGN KEY ("quest_id") REFERENCES "public"."quests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_rounds" ADD CONSTRAINT "budget_rounds_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_rounds" ADD CONSTRAINT "budget_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comments_quest_created_idx" ON "comments" USING btree ("quest_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_author_idx" ON "comments" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "comments_one_pin_per_quest_uq" ON "comments" USING btree ("quest_id") WHERE "comments"."pinned_at" is not null;--> statement-breakpoint
CREATE INDEX "content_reports_queue_idx" ON "content_reports" USING btree ("area_id","status","created_at");--> statement-breakpoint
CREATE INDEX "content_reports_content_idx" ON "content_reports" USING btree ("content_kind","content_id");--> statement-breakpoint
CREATE UNIQUE INDEX "content_reports_reporter_uq" ON "content_reports" USING btree ("content_kind","content_id","reporter_id");--> statement-breakpoint
CREATE INDEX "admin_setup_tokens_user_idx" ON "admin_setup_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "account_tokens_live_idx" ON "account_tokens" USING btree ("user_id","purpose") WHERE spent_at is null;--> statement-breakpoint
CREATE INDEX "notification_settings_watch_idx" ON "notification_settings" USING btree ("watch_area_id");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_user_dedupe_uq" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_digest_due_idx" ON "notifications" USING btree ("digest_due_at") WHERE email_state = 'digest';--> statement-breakpoint
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
CREATE UNIQUE INDEX "not_fixed_reports_quest_user_round_uq" ON "not_fixed_reports" USING btree ("quest_id","user_id","round");--> statement-breakpoint
CREATE INDEX "not_fixed_reports_user_idx" ON "not_fixed_reports" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "not_fixed_reports_pending_idx" ON "not_fixed_reports" USING btree ("submitted_at") WHERE "not_fixed_reports"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "quest_status_events_quest_idx" ON "quest_status_events" USING btree ("quest_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_accounts_resident_uq" ON "credit_accounts" USING btree ("area_id","user_id") WHERE "credit_accounts"."kind" = 'resident';--> statement-breakpoint
CREATE UNIQUE INDEX "credit_accounts_partner_uq" ON "credit_accounts" USING btree ("partner_id") WHERE "credit_accounts"."kind" = 'partner';--> statement-breakpoint
CREATE UNIQUE INDEX "credit_accounts_area_kind_uq" ON "credit_accounts" USING btree ("area_id","kind") WHERE "credit_accounts"."kind" in ('council', 'expired');--> statement-breakpoint
CREATE UNIQUE INDEX "credit_ledger_issue_uq" ON "credit_ledger" USING btree ("evidence_id","user_id") WHERE "credit_ledger"."kind" = 'issued';--> statement-breakpoint
CREATE UNIQUE INDEX "credit_ledger_reverses_uq" ON "credit_ledger" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "credit_ledger_from_idx" ON "credit_ledger" USING btree ("from_account_id");--> statement-breakpoint
CREATE INDEX "credit_ledger_to_idx" ON "credit_ledger" USING btree ("to_account_id");--> statement-breakpoint
CREATE INDEX "credit_ledger_area_idx" ON "credit_ledger" USING btree ("area_id","kind");--> statement-breakpoint
CREATE INDEX "credit_offers_area_idx" ON "credit_offers" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "credit_redemptions_partner_idx" ON "credit_redemptions" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "credit_redemptions_user_idx" ON "credit_redemptions" USING btree ("user_id","offer_id");--> statement-breakpoint
CREATE INDEX "partner_staff_user_idx" ON "partner_staff" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quest_ratings_quest_user_uq" ON "quest_ratings" USING btree ("quest_id","user_id");--> statement-breakpoint
CREATE INDEX "quest_ratings_area_idx" ON "quest_ratings" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "money_ledger_pitch_idx" ON "money_ledger" USING btree ("pitch_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "money_ledger_release_once_uq" ON "money_ledger" USING btree ("milestone_id") WHERE "money_ledger"."kind" = 'released';--> statement-breakpoint
CREATE UNIQUE INDEX "money_ledger_allocate_once_uq" ON "money_ledger" USING btree ("pitch_id") WHERE "money_ledger"."kind" = 'allocated';--> statement-breakpoint
CREATE UNIQUE INDEX "money_ledger_cancel_once_uq" ON "money_ledger" USING btree ("pitch_id") WHERE "money_ledger"."kind" = 'cancelled';--> statement-breakpoint
CREATE INDEX "organisation_members_user_idx" ON "organisation_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_area_name_uq" ON "organisations" USING btree ("area_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_invite_code_uq" ON "organisations" USING btree ("invite_code");--> statement-breakpoint
CREATE UNIQUE INDEX "pitch_milestones_position_uq" ON "pitch_milestones" USING btree ("pitch_id","position");--> statement-breakpoint
CREATE INDEX "pitches_area_status_idx" ON "pitches" USING btree ("area_id","status");--> statement-breakpoint
CREATE INDEX "pitches_organisation_idx" ON "pitches" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "budget_ballot_choices_project_idx" ON "budget_ballot_choices" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_ballots_round_user_uq" ON "budget_ballots" USING btree ("round_id","user_id");--> statement-breakpoint
CREATE INDEX "budget_projects_round_idx" ON "budget_projects" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_projects_quest_uq" ON "budget_projects" USING btree ("quest_id");--> statement-breakpoint
CREATE INDEX "budget_rounds_area_idx" ON "budget_rounds" USING btree ("area_id","created_at");--> statement-breakpoint
ALTER TABLE "xp_ledger" ADD CONSTRAINT "xp_ledger_reverses_id_xp_ledger_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."xp_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xp_ledger" ADD CONSTRAINT "xp_ledger_repays_id_xp_ledger_id_fk" FOREIGN KEY ("repays_id") REFERENCES "public"."xp_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "xp_ledger_reverses_uq" ON "xp_ledger" USING btree ("reverses_id");--> statement-breakpoint
CREATE UNIQUE INDEX "xp_ledger_repays_uq" ON "xp_ledger" USING btree ("repays_id");--> statement-breakpoint
CREATE INDEX "xp_ledger_evidence_idx" ON "xp_ledger" USING btree ("evidence_id");--> statement-breakpoint
CREATE UNIQUE INDEX "xp_ledger_evidence_user_uq" ON "xp_ledger" USING btree ("evidence_id","user_id") WHERE reverses_id is null and repays_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "xp_ledger_quest_user_uq" ON "xp_ledger" USING btree ("quest_id","user_id") WHERE reverses_id is null and repays_id is null;