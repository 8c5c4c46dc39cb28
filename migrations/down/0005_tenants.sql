-- Reverts 0005_tenants.sql. Rows of tenants other than 'default' would collide with the
-- default tenant's unique keys, so they go first (with their vectors left to a reindex).
DELETE FROM "memories" WHERE "tenant" <> 'default';
--> statement-breakpoint
DELETE FROM "entities" WHERE "tenant" <> 'default';
--> statement-breakpoint
DELETE FROM "memory_history" WHERE "tenant" <> 'default';
--> statement-breakpoint
DELETE FROM "entity_history" WHERE "tenant" <> 'default';
--> statement-breakpoint
DELETE FROM "outbox" WHERE "tenant" <> 'default';
--> statement-breakpoint
DELETE FROM "forget_jobs" WHERE "tenant" <> 'default';
--> statement-breakpoint
DROP INDEX IF EXISTS "uq_entities_canonical";
--> statement-breakpoint
DROP INDEX IF EXISTS "idx_entity_history_scope";
--> statement-breakpoint
DROP INDEX IF EXISTS "idx_memories_scope";
--> statement-breakpoint
DROP INDEX IF EXISTS "idx_memories_session_order";
--> statement-breakpoint
DROP INDEX IF EXISTS "uq_memories_content";
--> statement-breakpoint
ALTER TABLE "entities" DROP COLUMN IF EXISTS "tenant";
--> statement-breakpoint
ALTER TABLE "entity_history" DROP COLUMN IF EXISTS "tenant";
--> statement-breakpoint
ALTER TABLE "forget_jobs" DROP COLUMN IF EXISTS "tenant";
--> statement-breakpoint
ALTER TABLE "memories" DROP COLUMN IF EXISTS "tenant";
--> statement-breakpoint
ALTER TABLE "memory_history" DROP COLUMN IF EXISTS "tenant";
--> statement-breakpoint
ALTER TABLE "outbox" DROP COLUMN IF EXISTS "tenant";
--> statement-breakpoint
CREATE UNIQUE INDEX "uq_entities_canonical" ON "entities" USING btree ("user_id","agent_id","type","normalized_name");
--> statement-breakpoint
CREATE INDEX "idx_entity_history_scope" ON "entity_history" USING btree ("user_id","agent_id");
--> statement-breakpoint
CREATE INDEX "idx_memories_scope" ON "memories" USING btree ("user_id","agent_id","memory_type") WHERE searchable;
--> statement-breakpoint
CREATE INDEX "idx_memories_session_order" ON "memories" USING btree ("user_id","agent_id","session_id","created_at","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "uq_memories_content" ON "memories" USING btree ("user_id","agent_id","memory_type","content_hash") WHERE parent_id is null;
