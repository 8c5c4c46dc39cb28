-- Reverts 0001_relation_directions.sql: role types go back to naming the target's role.
--   A reports_to B → A manager_of B;  A manager_of B (A manages B) → B manager_of A
--   A uncle_of B (and aunt_of, nephew_of, niece_of) → B uncle_of A
--   A grandparent_of B → B grandparent_of A;  A grandchild_of B → A grandparent_of B
-- Lossy: boss_of and the grand* names by gender come back as manager_of and grandparent_of, and
-- the partner_of and reports_to values the up migration closed stay closed.
CREATE TEMP TABLE "relation_rewrite" ("old_type" text PRIMARY KEY, "new_type" text NOT NULL, "swap" boolean NOT NULL) ON COMMIT DROP;
--> statement-breakpoint
INSERT INTO "relation_rewrite" VALUES
  ('reports_to', 'manager_of', false),
  ('manager_of', 'manager_of', true),
  ('uncle_of', 'uncle_of', true),
  ('aunt_of', 'aunt_of', true),
  ('nephew_of', 'nephew_of', true),
  ('niece_of', 'niece_of', true),
  ('grandparent_of', 'grandparent_of', true),
  ('grandchild_of', 'grandparent_of', false);
--> statement-breakpoint
CREATE TEMP TABLE "relation_moves" ON COMMIT DROP AS
SELECT r."id",
  CASE WHEN w."swap" THEN r."target_entity_id" ELSE r."source_entity_id" END AS "source_id",
  CASE WHEN w."swap" THEN r."source_entity_id" ELSE r."target_entity_id" END AS "target_id",
  w."new_type",
  r."valid_to" IS NULL AS "current",
  r."valid_from"
FROM "relationships" r
JOIN "relation_rewrite" w ON w."old_type" = r."relation_type";
--> statement-breakpoint
CREATE TEMP TABLE "relation_keep" ON COMMIT DROP AS
SELECT "id",
  first_value("id") OVER (PARTITION BY "source_id", "target_id", "new_type" ORDER BY "valid_from", "id") AS "keep_id"
FROM "relation_moves"
WHERE "current";
--> statement-breakpoint
INSERT INTO "relationship_evidence" ("relationship_id", "memory_id", "sentence", "confidence")
SELECT k."keep_id", e."memory_id", e."sentence", e."confidence"
FROM "relation_keep" k
JOIN "relationship_evidence" e ON e."relationship_id" = k."id"
WHERE k."id" <> k."keep_id"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
DELETE FROM "relationships" WHERE "id" IN (SELECT "id" FROM "relation_keep" WHERE "id" <> "keep_id");
--> statement-breakpoint
UPDATE "relationships" r SET
  "source_entity_id" = m."source_id",
  "target_entity_id" = m."target_id",
  "relation_type" = m."new_type" || '~',
  "updated_at" = now()
FROM "relation_moves" m
WHERE r."id" = m."id";
--> statement-breakpoint
UPDATE "relationships" SET "relation_type" = left("relation_type", -1) WHERE "relation_type" LIKE '%~';
