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
ALTER TABLE "evidence" ADD COLUMN "captured_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "device_clock_offset_ms" integer;--> statement-breakpoint
ALTER TABLE "quests" ADD COLUMN "effort_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
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
CREATE INDEX "quest_ratings_area_idx" ON "quest_ratings" USING btree ("area_id");