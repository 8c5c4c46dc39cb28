DROP INDEX "idx_memory_entities_entity";--> statement-breakpoint
CREATE INDEX "idx_memory_entities_entity_memory" ON "memory_entities" USING btree ("entity_id","memory_id");