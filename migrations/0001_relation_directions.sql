-- Relation types now read "source TYPE target" with the source's own role (catalogue in
-- src/domain/relation-type.ts). Rows written under the old reading are rewritten:
--   boss_of, manager_of ("A boss_of B": B is A's boss)        → A reports_to B
--   uncle_of, aunt_of, nephew_of, niece_of ("A has B as uncle") → B uncle_of A (source and target swapped)
--   grandma_of, grandmother_of, grandpa_of, grandfather_of     → B grandparent_of A
-- Current rows that end up as the same fact are merged (evidence moved, earliest start kept);
-- then partner_of and reports_to, now single-valued, keep one current value per source.
CREATE TEMP TABLE "relation_rewrite" ("old_type" text PRIMARY KEY, "new_type" text NOT NULL, "swap" boolean NOT NULL) ON COMMIT DROP;
--> statement-breakpoint
INSERT INTO "relation_rewrite" VALUES
  ('boss_of', 'reports_to', false),
  ('manager_of', 'reports_to', false),
  ('uncle_of', 'uncle_of', true),
  ('aunt_of', 'aunt_of', true),
  ('nephew_of', 'nephew_of', true),
  ('niece_of', 'niece_of', true),
  ('grandma_of', 'grandparent_of', true),
  ('grandmother_of', 'grandparent_of', true),
  ('grandpa_of', 'grandparent_of', true),
  ('grandfather_of', 'grandparent_of', true);
--> statement-breakpoint
CREATE TEMP TABLE "relation_moves" ON COMMIT DROP AS
SELECT r."id",
  CASE WHEN w."swap" THEN r."target_entity_id" ELSE r."source_entity_id" END AS "source_id",
  CASE WHEN w."swap" THEN r."source_entity_id" ELSE r."target_entity_id" END AS "target_id",
  coalesce(w."new_type", r."relation_type") AS "new_type",
  r."valid_to" IS NULL AS "current",
  w."old_type" IS NOT NULL AS "rewritten",
  r."valid_from"
FROM "relationships" r
LEFT JOIN "relation_rewrite" w ON w."old_type" = r."relation_type"
WHERE w."old_type" IS NOT NULL
  OR r."relation_type" IN (SELECT "new_type" FROM "relation_rewrite" WHERE "new_type" <> "old_type");
--> statement-breakpoint
CREATE TEMP TABLE "relation_keep" ON COMMIT DROP AS
SELECT "id",
  first_value("id") OVER (PARTITION BY "source_id", "target_id", "new_type" ORDER BY "rewritten", "valid_from", "id") AS "keep_id",
  min("valid_from") OVER (PARTITION BY "source_id", "target_id", "new_type") AS "earliest"
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
UPDATE "relationships" r SET "valid_from" = k."earliest", "updated_at" = now()
FROM "relation_keep" k
WHERE r."id" = k."id" AND k."id" = k."keep_id" AND r."valid_from" > k."earliest";
--> statement-breakpoint
-- Two steps through a temporary name, so no row meets the unique index half-way.
UPDATE "relationships" r SET
  "source_entity_id" = m."source_id",
  "target_entity_id" = m."target_id",
  "relation_type" = m."new_type" || '~',
  "updated_at" = now()
FROM "relation_moves" m
WHERE r."id" = m."id" AND m."rewritten";
--> statement-breakpoint
UPDATE "relationships" SET "relation_type" = left("relation_type", -1) WHERE "relation_type" LIKE '%~';
--> statement-breakpoint
WITH "ordered" AS (
  SELECT "id", lead("valid_from") OVER (PARTITION BY "source_entity_id", "relation_type" ORDER BY "valid_from", "created_at", "id") AS "next_from"
  FROM "relationships"
  WHERE "valid_to" IS NULL AND "relation_type" IN ('partner_of', 'reports_to')
)
UPDATE "relationships" r SET "valid_to" = o."next_from", "updated_at" = now()
FROM "ordered" o
WHERE r."id" = o."id" AND o."next_from" IS NOT NULL;
