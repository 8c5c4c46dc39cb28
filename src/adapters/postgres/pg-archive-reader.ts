import { and, asc, eq, gt, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type {
  ArchiveEntity,
  ArchiveMemory,
  ArchiveRecord,
  ArchiveRelationship,
} from '../../domain/archive.js';
import type { JsonValue } from '../../domain/memory.js';
import type { ArchiveSelection } from '../../ports/scope-archive.js';
import type { Database } from './database.js';
import {
  entities,
  entityAliases,
  entityHistory,
  memories,
  memoryEntities,
  memoryHistory,
  relationshipEvidence,
  relationships,
} from './schema.js';

const PAGE = 500;
type Json = { readonly [key: string]: JsonValue };
const iso = (date: Date) => date.toISOString();

/** Reads one selection page by page (keyset on id), in import order. */
export async function* readArchive(
  db: Database,
  selection: ArchiveSelection,
): AsyncGenerator<ArchiveRecord> {
  // Survivors before the names merged into them, so an import can point the names at them.
  for (const merged of [false, true]) yield* readEntities(db, selection, merged);
  yield* readMemories(db, selection);
  yield* readRelationships(db, selection);
  yield* readHistory(db, selection);
}

function selected(
  table: { tenant: AnyPgColumn; userId: AnyPgColumn; agentId: AnyPgColumn },
  selection: ArchiveSelection,
): SQL | undefined {
  return and(
    eq(table.tenant, selection.tenant),
    selection.userId !== undefined ? eq(table.userId, selection.userId) : undefined,
    selection.agentId !== undefined ? eq(table.agentId, selection.agentId) : undefined,
  );
}

async function* readEntities(db: Database, selection: ArchiveSelection, merged: boolean) {
  let after = '';
  for (;;) {
    const rows = await db
      .select()
      .from(entities)
      .where(
        and(
          selected(entities, selection),
          merged ? isNotNull(entities.mergedInto) : isNull(entities.mergedInto),
          gt(entities.id, after || '00000000-0000-0000-0000-000000000000'),
        ),
      )
      .orderBy(asc(entities.id))
      .limit(PAGE);
    if (rows.length === 0) return;
    const aliases = await db
      .select()
      .from(entityAliases)
      .where(
        inArray(
          entityAliases.entityId,
          rows.map((row) => row.id),
        ),
      );
    for (const row of rows)
      yield {
        kind: 'entity',
        id: row.id,
        user_id: row.userId,
        agent_id: row.agentId,
        type: row.type,
        text: row.text,
        attributes: row.attributes as Json,
        metadata: row.metadata as Json,
        merged_into: row.mergedInto,
        aliases: aliases.filter((alias) => alias.entityId === row.id).map((alias) => alias.alias),
        created_at: iso(row.createdAt),
        updated_at: iso(row.updatedAt),
      } satisfies ArchiveEntity;
    after = rows.at(-1)?.id ?? after;
  }
}

async function* readMemories(db: Database, selection: ArchiveSelection) {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select()
      .from(memories)
      .where(and(selected(memories, selection), isNull(memories.parentId), gt(memories.id, after)))
      .orderBy(asc(memories.id))
      .limit(PAGE);
    if (rows.length === 0) return;
    const ids = rows.map((row) => row.id);
    const chunks = await db
      .select()
      .from(memories)
      .where(inArray(memories.parentId, ids))
      .orderBy(asc(memories.chunkIndex));
    const mentions = await db
      .select()
      .from(memoryEntities)
      .where(inArray(memoryEntities.memoryId, [...ids, ...chunks.map((chunk) => chunk.id)]));
    const parentOf = new Map(chunks.map((chunk) => [chunk.id, chunk.parentId]));
    for (const row of rows)
      yield {
        kind: 'memory',
        id: row.id,
        user_id: row.userId,
        agent_id: row.agentId,
        session_id: row.sessionId,
        memory_type: row.memoryType,
        content: row.content,
        metadata: row.metadata as Json,
        migrated_from: row.migratedFrom,
        expires_at: row.expiresAt ? iso(row.expiresAt) : null,
        created_at: iso(row.createdAt),
        updated_at: iso(row.updatedAt),
        chunks: chunks
          .filter((chunk) => chunk.parentId === row.id)
          .map((chunk) => ({
            id: chunk.id,
            chunk_index: chunk.chunkIndex,
            content: chunk.content,
          })),
        mentions: mentions
          .filter((mention) => (parentOf.get(mention.memoryId) ?? mention.memoryId) === row.id)
          .map((mention) => ({
            memory_id: mention.memoryId,
            entity_id: mention.entityId,
            mention: mention.mention,
            start: mention.start,
            end: mention.end,
            confidence: mention.confidence,
          })),
      } satisfies ArchiveMemory;
    after = rows.at(-1)?.id ?? after;
  }
}

async function* readRelationships(db: Database, selection: ArchiveSelection) {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select({ relationship: relationships })
      .from(relationships)
      .innerJoin(entities, eq(entities.id, relationships.sourceEntityId))
      .where(and(selected(entities, selection), gt(relationships.id, after)))
      .orderBy(asc(relationships.id))
      .limit(PAGE);
    if (rows.length === 0) return;
    const evidence = await db
      .select()
      .from(relationshipEvidence)
      .where(
        inArray(
          relationshipEvidence.relationshipId,
          rows.map((row) => row.relationship.id),
        ),
      );
    for (const { relationship: row } of rows)
      yield {
        kind: 'relationship',
        id: row.id,
        source_entity_id: row.sourceEntityId,
        target_entity_id: row.targetEntityId,
        relation_type: row.relationType,
        metadata: row.metadata as Json,
        memory_id: row.memoryId,
        valid_from: iso(row.validFrom),
        valid_to: row.validTo ? iso(row.validTo) : null,
        created_at: iso(row.createdAt),
        updated_at: iso(row.updatedAt),
        evidence: evidence
          .filter((item) => item.relationshipId === row.id)
          .map((item) => ({
            memory_id: item.memoryId,
            sentence: item.sentence,
            confidence: item.confidence,
          })),
      } satisfies ArchiveRelationship;
    after = rows.at(-1)?.relationship.id ?? after;
  }
}

async function* readHistory(
  db: Database,
  selection: ArchiveSelection,
): AsyncGenerator<ArchiveRecord> {
  for (let after = 0; ; ) {
    const rows = await db
      .select()
      .from(memoryHistory)
      .where(and(selected(memoryHistory, selection), gt(memoryHistory.id, after)))
      .orderBy(asc(memoryHistory.id))
      .limit(PAGE);
    if (rows.length === 0) break;
    for (const row of rows)
      yield {
        kind: 'memory_history',
        memory_id: row.memoryId,
        user_id: row.userId,
        agent_id: row.agentId,
        event: row.event,
        old_content: row.oldContent,
        new_content: row.newContent,
        metadata: row.metadata as Json,
        created_at: iso(row.createdAt),
      };
    after = rows.at(-1)?.id ?? after;
  }
  for (let after = 0; ; ) {
    const rows = await db
      .select()
      .from(entityHistory)
      .where(and(selected(entityHistory, selection), gt(entityHistory.id, after)))
      .orderBy(asc(entityHistory.id))
      .limit(PAGE);
    if (rows.length === 0) break;
    for (const row of rows)
      yield {
        kind: 'entity_history',
        entity_id: row.entityId,
        user_id: row.userId,
        agent_id: row.agentId,
        event: row.event,
        details: row.details as Json,
        created_at: iso(row.createdAt),
      };
    after = rows.at(-1)?.id ?? after;
  }
}
