-- Memory lifecycle (issue 17): expiry on memories, merged-away names on entities, a history of
-- graph corrections, and forget-a-scope jobs (content-free once finished).
CREATE TABLE "entity_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"agent_id" text DEFAULT '' NOT NULL,
	"event" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forget_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scope_kind" text NOT NULL,
	"subject" text,
	"subject_hash" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "entities" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "memories" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "idx_entity_history_entity" ON "entity_history" USING btree ("entity_id","id");--> statement-breakpoint
CREATE INDEX "idx_entity_history_scope" ON "entity_history" USING btree ("user_id","agent_id");--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_merged_into_entities_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_entities_merged_into" ON "entities" USING btree ("merged_into") WHERE merged_into is not null;--> statement-breakpoint
CREATE INDEX "idx_memories_expires_at" ON "memories" USING btree ("expires_at") WHERE expires_at is not null;