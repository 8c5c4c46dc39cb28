import { and, eq, sql } from 'drizzle-orm';
import type {
  ArchiveEntity,
  ArchiveMemory,
  ArchiveOutcome,
  ArchiveRecord,
  ArchiveRelationship,
} from '../../domain/archive.js';
import { contentHash } from '../../domain/content-hash.js';
import { type EntityType, normalizeEntityName } from '../../domain/entity.js';
import { AppError } from '../../domain/errors.js';
import type { Metadata } from '../../domain/memory.js';
import type { OutboxItem } from '../../ports/index-outbox.js';
import type { ArchiveWrite } from '../../ports/scope-archive.js';
import type { Database } from './database.js';
import { writeEntityHistory, writeMemoryHistory } from './pg-archive-history.js';
import { outcome, type Written } from './pg-archive-outcome.js';
import { ownId, presentInTenant, requireEntitiesInTenant } from './pg-archive-tenant.js';
import { PgIndexOutbox } from './pg-index-outbox.js';
import {
  entities,
  entityAliases,
  memories,
  memoryEntities,
  relationshipEvidence,
  relationships,
} from './schema.js';

/** Writes archive records in one transaction, one savepoint per record. */
export async function writeArchive(
  db: Database,
  tenant: string,
  records: readonly ArchiveRecord[],
  ids: Map<string, string>,
): Promise<ArchiveWrite> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Database;
    const outcomes: ArchiveOutcome[] = [];
    const created: string[] = [];
    for (const record of records) {
      try {
        const written = await tx.transaction((savepoint) =>
          writeRecord(savepoint as unknown as Database, tenant, record, ids),
        );
        outcomes.push(written.outcome);
        if (written.memoryId) created.push(written.memoryId);
      } catch (error) {
        const code = error instanceof AppError ? error.code : 'invalid_input';
        outcomes.push({ status: 'error', code, message: failureMessage(record, error) });
      }
    }
    const scopes = new Map(
      records.flatMap((record) =>
        record.kind === 'memory'
          ? [
              [
                mapped(ids, record.id),
                { tenant, userId: record.user_id, agentId: record.agent_id },
              ] as const,
            ]
          : [],
      ),
    );
    const outbox: OutboxItem[] = await new PgIndexOutbox(tx).enqueue(
      created.map((memoryId) => ({
        memoryId,
        scope: scopes.get(memoryId) ?? { tenant, userId: '', agentId: '' },
        operation: 'upsert' as const,
      })),
    );
    return { outcomes, outbox, createdMemories: created };
  });
}

function writeRecord(
  tx: Database,
  tenant: string,
  record: ArchiveRecord,
  ids: Map<string, string>,
): Promise<Written> {
  switch (record.kind) {
    case 'entity':
      return writeEntity(tx, tenant, record, ids);
    case 'memory':
      return writeMemory(tx, tenant, record, ids);
    case 'relationship':
      return writeRelationship(tx, tenant, record, ids);
    case 'memory_history':
      return writeMemoryHistory(tx, tenant, record, ids);
    case 'entity_history':
      return writeEntityHistory(tx, tenant, record, ids);
  }
}

const mapped = (ids: Map<string, string>, id: string) => ids.get(id) ?? id;

async function writeEntity(
  tx: Database,
  tenant: string,
  record: ArchiveEntity,
  ids: Map<string, string>,
): Promise<Written> {
  const normalizedName = normalizeEntityName(record.text, record.type as EntityType);
  const own = await ownId(tx, 'entities', record.id, tenant);
  const mergedInto = record.merged_into ? mapped(ids, record.merged_into) : null;
  if (mergedInto) await requireEntitiesInTenant(tx, [mergedInto], tenant);
  const inserted = await tx
    .insert(entities)
    .values({
      id: own,
      tenant,
      userId: record.user_id,
      agentId: record.agent_id,
      type: record.type,
      text: record.text,
      normalizedName,
      attributes: record.attributes as Metadata,
      metadata: record.metadata as Metadata,
      mergedInto,
      createdAt: new Date(record.created_at),
      updatedAt: new Date(record.updated_at),
    })
    .onConflictDoNothing()
    .returning({ id: entities.id });
  const [holder] = await tx
    .select({ id: entities.id })
    .from(entities)
    .where(
      inserted.length > 0
        ? eq(entities.id, own)
        : and(
            eq(entities.tenant, tenant),
            eq(entities.userId, record.user_id),
            eq(entities.agentId, record.agent_id),
            eq(entities.type, record.type),
            eq(entities.normalizedName, normalizedName),
          ),
    );
  const id = holder?.id ?? own;
  ids.set(record.id, id);
  const aliases = record.aliases
    .map((alias) => ({ entityId: id, alias, normalizedAlias: normalizeEntityName(alias) }))
    .filter((alias) => alias.normalizedAlias !== '');
  if (aliases.length > 0) await tx.insert(entityAliases).values(aliases).onConflictDoNothing();
  return { outcome: outcome(inserted.length > 0, record.id, id) };
}

async function writeMemory(
  tx: Database,
  tenant: string,
  record: ArchiveMemory,
  ids: Map<string, string>,
): Promise<Written> {
  const own = await ownId(tx, 'memories', record.id, tenant);
  const base = {
    tenant,
    userId: record.user_id,
    agentId: record.agent_id,
    sessionId: record.session_id,
    memoryType: record.memory_type,
    metadata: record.metadata as Metadata,
    expiresAt: record.expires_at ? new Date(record.expires_at) : null,
    createdAt: new Date(record.created_at),
    updatedAt: new Date(record.updated_at),
  };
  const inserted = await tx
    .insert(memories)
    .values({
      ...base,
      id: own,
      content: record.content,
      contentHash: contentHash(record.content),
      migratedFrom: record.migrated_from,
      searchable: record.chunks.length === 0,
    })
    .onConflictDoNothing()
    .returning({ id: memories.id });
  if (inserted.length === 0) {
    const [same] = await tx
      .select({ id: memories.id })
      .from(memories)
      .where(
        and(
          eq(memories.tenant, tenant),
          eq(memories.userId, record.user_id),
          eq(memories.agentId, record.agent_id),
          eq(memories.memoryType, record.memory_type),
          eq(memories.contentHash, contentHash(record.content)),
          sql`${memories.parentId} is null`,
        ),
      );
    const id = same?.id ?? own;
    ids.set(record.id, id);
    return { outcome: outcome(false, record.id, id) };
  }
  ids.set(record.id, own);
  for (const chunk of record.chunks)
    ids.set(chunk.id, await ownId(tx, 'memories', chunk.id, tenant));
  if (record.chunks.length > 0)
    await tx.insert(memories).values(
      record.chunks.map((chunk) => ({
        ...base,
        id: mapped(ids, chunk.id),
        content: chunk.content,
        contentHash: contentHash(chunk.content),
        parentId: own,
        chunkIndex: chunk.chunk_index,
      })),
    );
  // A mention links only to an entity of this tenant (the export's, or one already here).
  const linked = await presentInTenant(
    tx,
    'entities',
    record.mentions.map((mention) => mapped(ids, mention.entity_id)),
    tenant,
  );
  const mentions = record.mentions.filter((mention) => linked.has(mapped(ids, mention.entity_id)));
  if (mentions.length > 0)
    await tx
      .insert(memoryEntities)
      .values(
        mentions.map((mention) => ({
          memoryId: mapped(ids, mention.memory_id),
          entityId: mapped(ids, mention.entity_id),
          mention: mention.mention,
          start: mention.start,
          end: mention.end,
          confidence: mention.confidence,
        })),
      )
      .onConflictDoNothing();
  return { outcome: outcome(true, record.id, own), memoryId: own };
}

async function writeRelationship(
  tx: Database,
  tenant: string,
  record: ArchiveRelationship,
  ids: Map<string, string>,
): Promise<Written> {
  const sourceEntityId = mapped(ids, record.source_entity_id);
  const targetEntityId = mapped(ids, record.target_entity_id);
  await requireEntitiesInTenant(tx, [sourceEntityId, targetEntityId], tenant);
  const own = await ownId(tx, 'relationships', record.id, tenant);
  const values = {
    id: own,
    sourceEntityId,
    targetEntityId,
    relationType: record.relation_type,
    metadata: record.metadata as Record<string, unknown>,
    memoryId: record.memory_id
      ? await existingMemory(tx, mapped(ids, record.memory_id), tenant)
      : null,
    validFrom: new Date(record.valid_from),
    validTo: record.valid_to ? new Date(record.valid_to) : null,
    createdAt: new Date(record.created_at),
    updatedAt: new Date(record.updated_at),
  };
  const inserted = await tx
    .insert(relationships)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: relationships.id });
  let id = own;
  if (inserted.length === 0) {
    // Already there by id, or another current edge holds the same fact: its evidence joins it.
    const [holder] = await tx
      .select({ id: relationships.id })
      .from(relationships)
      .where(
        record.valid_to === null
          ? sql`${relationships.id} = ${own}::uuid or (${relationships.sourceEntityId} = ${values.sourceEntityId}::uuid and ${relationships.targetEntityId} = ${values.targetEntityId}::uuid and ${relationships.relationType} = ${record.relation_type} and ${relationships.validTo} is null)`
          : eq(relationships.id, own),
      );
    id = holder?.id ?? own;
  }
  const memoryIds = record.evidence.map((item) => mapped(ids, item.memory_id));
  const present = await presentInTenant(tx, 'memories', memoryIds, tenant);
  const evidence = record.evidence
    .filter((item) => present.has(mapped(ids, item.memory_id)))
    .map((item) => ({
      relationshipId: id,
      memoryId: mapped(ids, item.memory_id),
      sentence: item.sentence,
      confidence: item.confidence,
    }));
  if (evidence.length > 0)
    await tx.insert(relationshipEvidence).values(evidence).onConflictDoNothing();
  return { outcome: outcome(inserted.length > 0, record.id, id) };
}

async function existingMemory(tx: Database, id: string, tenant: string): Promise<string | null> {
  return (await presentInTenant(tx, 'memories', [id], tenant)).has(id) ? id : null;
}

/** A failure named by the record's kind and id, never its content. */
function failureMessage(record: ArchiveRecord, error: unknown): string {
  const id =
    'id' in record ? record.id : 'memory_id' in record ? record.memory_id : record.entity_id;
  const reason =
    error instanceof AppError
      ? error.message
      : 'it conflicts with stored data or references a missing record';
  return `${record.kind} ${id}: ${reason}`;
}
