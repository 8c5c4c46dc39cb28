-- Reverts 0006_memory_entities_covering.sql.
DROP INDEX IF EXISTS "idx_memory_entities_entity_memory";
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "idx_memory_entities_entity" ON "memory_entities" USING btree ("entity_id");
