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
ALTER TABLE "budget_ballot_choices" ADD CONSTRAINT "budget_ballot_choices_ballot_id_budget_ballots_id_fk" FOREIGN KEY ("ballot_id") REFERENCES "public"."budget_ballots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_ballot_choices" ADD CONSTRAINT "budget_ballot_choices_project_id_budget_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."budget_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_ballots" ADD CONSTRAINT "budget_ballots_round_id_budget_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."budget_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_ballots" ADD CONSTRAINT "budget_ballots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_projects" ADD CONSTRAINT "budget_projects_round_id_budget_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."budget_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_projects" ADD CONSTRAINT "budget_projects_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_projects" ADD CONSTRAINT "budget_projects_quest_id_quests_id_fk" FOREIGN KEY ("quest_id") REFERENCES "public"."quests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_rounds" ADD CONSTRAINT "budget_rounds_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_rounds" ADD CONSTRAINT "budget_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_ballot_choices_project_idx" ON "budget_ballot_choices" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_ballots_round_user_uq" ON "budget_ballots" USING btree ("round_id","user_id");--> statement-breakpoint
CREATE INDEX "budget_projects_round_idx" ON "budget_projects" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_projects_quest_uq" ON "budget_projects" USING btree ("quest_id");--> statement-breakpoint
CREATE INDEX "budget_rounds_area_idx" ON "budget_rounds" USING btree ("area_id","created_at");