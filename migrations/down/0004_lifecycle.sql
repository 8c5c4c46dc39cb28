-- Reverts 0004_lifecycle.sql. Merged-away names (entities with merged_into) are dropped with the column's meaning, so they go first.
DELETE FROM "entities" WHERE "merged_into" IS NOT NULL;
--> statement-breakpoint
DROP INDEX IF EXISTS "idx_memories_expires_at";
--> statement-breakpoint
DROP INDEX IF EXISTS "idx_entities_merged_into";
--> statement-breakpoint
ALTER TABLE "memories" DROP COLUMN IF EXISTS "expires_at";
--> statement-breakpoint
ALTER TABLE "entities" DROP COLUMN IF EXISTS "merged_into";
--> statement-breakpoint
DROP TABLE IF EXISTS "forget_jobs";
--> statement-breakpoint
DROP TABLE IF EXISTS "entity_history";
