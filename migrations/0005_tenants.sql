-- Tenants (issue 14, docs/decisions/0011-tenants.md): every row that holds user data names its
-- tenant; rows written before are in 'default'. The scope indexes and unique keys lead with it.
DROP INDEX "uq_entities_canonical";--> statement-breakpoint
DROP INDEX "idx_entity_history_scope";--> statement-breakpoint
DROP INDEX "idx_memories_scope";--> statement-breakpoint
DROP INDEX "idx_memories_session_order";--> statement-breakpoint
DROP INDEX "uq_memories_content";--> statement-breakpoint
ALTER TABLE "entities" ADD COLUMN "tenant" text DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE "entity_history" ADD COLUMN "tenant" text DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE "forget_jobs" ADD COLUMN "tenant" text DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE "memories" ADD COLUMN "tenant" text DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE "memory_history" ADD COLUMN "tenant" text DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "tenant" text DEFAULT 'default' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_entities_canonical" ON "entities" USING btree ("tenant","user_id","agent_id","type","normalized_name");--> statement-breakpoint
CREATE INDEX "idx_entity_history_scope" ON "entity_history" USING btree ("tenant","user_id","agent_id");--> statement-breakpoint
CREATE INDEX "idx_memories_scope" ON "memories" USING btree ("tenant","user_id","agent_id","memory_type") WHERE searchable;--> statement-breakpoint
CREATE INDEX "idx_memories_session_order" ON "memories" USING btree ("tenant","user_id","agent_id","session_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_memories_content" ON "memories" USING btree ("tenant","user_id","agent_id","memory_type","content_hash") WHERE parent_id is null;