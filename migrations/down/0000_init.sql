-- Reverts 0000_init.sql: drops every table it created, dependants first.
DROP TABLE IF EXISTS "relationship_evidence";
DROP TABLE IF EXISTS "relationships";
DROP TABLE IF EXISTS "memory_entities";
DROP TABLE IF EXISTS "entity_aliases";
DROP TABLE IF EXISTS "entities";
DROP TABLE IF EXISTS "memory_history";
DROP TABLE IF EXISTS "outbox";
DROP TABLE IF EXISTS "memories";
DROP TABLE IF EXISTS "settings";
