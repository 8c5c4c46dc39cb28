import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Metadata } from '../../domain/memory.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** Scope ids: '' means "not set", so unique constraints treat absent ids as equal. */
const scopeId = (name: string) => text(name).notNull().default('');
/** The owning tenant (migration 0005); rows from before tenants are in `default`. */
const tenantId = () => text('tenant').notNull().default('default');

export const memories = pgTable(
  'memories',
  {
    id: uuid('id').primaryKey(),
    tenant: tenantId(),
    userId: scopeId('user_id'),
    agentId: scopeId('agent_id'),
    sessionId: scopeId('session_id'),
    memoryType: text('memory_type').$type<'ephemeral' | 'model_memory'>().notNull(),
    content: text('content').notNull(),
    contentHash: text('content_hash').notNull(),
    parentId: uuid('parent_id').references((): never => memories.id as never, {
      onDelete: 'cascade',
    }),
    chunkIndex: integer('chunk_index').notNull().default(0),
    /** False for the parent row of a chunked memory: its chunks are the search units. */
    searchable: boolean('searchable').notNull().default(true),
    metadata: jsonb('metadata').$type<Metadata>().notNull().default({}),
    migratedFrom: text('migrated_from'),
    /** When the memory leaves search and is swept (null: never). */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('english', content)`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('idx_memories_scope')
      .on(table.tenant, table.userId, table.agentId, table.memoryType)
      .where(sql`searchable`),
    index('idx_memories_parent').on(table.parentId),
    index('idx_memories_created_at').on(table.createdAt),
    index('idx_memories_session_order').on(
      table.tenant,
      table.userId,
      table.agentId,
      table.sessionId,
      table.createdAt,
      table.id,
    ),
    index('idx_memories_search').using('gin', table.searchVector),
    uniqueIndex('uq_memories_content')
      .on(table.tenant, table.userId, table.agentId, table.memoryType, table.contentHash)
      .where(sql`parent_id is null`),
    uniqueIndex('uq_memories_migrated_from').on(table.migratedFrom),
    index('idx_memories_expires_at').on(table.expiresAt).where(sql`expires_at is not null`),
  ],
);

export const entities = pgTable(
  'entities',
  {
    id: uuid('id').primaryKey(),
    tenant: tenantId(),
    userId: scopeId('user_id'),
    agentId: scopeId('agent_id'),
    type: text('type').notNull(),
    text: text('text').notNull(),
    normalizedName: text('normalized_name').notNull(),
    attributes: jsonb('attributes').$type<Metadata>().notNull().default({}),
    metadata: jsonb('metadata').$type<Metadata>().notNull().default({}),
    /** Set on a merged-away (or renamed-away) name: mentions of it resolve to this entity. */
    mergedInto: uuid('merged_into').references((): never => entities.id as never, {
      onDelete: 'cascade',
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('idx_entities_merged_into').on(table.mergedInto).where(sql`merged_into is not null`),
    index('idx_entities_type').on(table.type),
    index('idx_entities_name').on(table.normalizedName),
    uniqueIndex('uq_entities_canonical').on(
      table.tenant,
      table.userId,
      table.agentId,
      table.type,
      table.normalizedName,
    ),
  ],
);

export const entityAliases = pgTable(
  'entity_aliases',
  {
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    normalizedAlias: text('normalized_alias').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.entityId, table.normalizedAlias] }),
    index('idx_entity_aliases_name').on(table.normalizedAlias),
  ],
);

export const memoryEntities = pgTable(
  'memory_entities',
  {
    memoryId: uuid('memory_id')
      .notNull()
      .references(() => memories.id, { onDelete: 'cascade' }),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    mention: text('mention').notNull(),
    start: integer('start_offset').notNull(),
    end: integer('end_offset').notNull(),
    confidence: real('confidence').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.memoryId, table.entityId, table.start] }),
    index('idx_memory_entities_entity_memory').on(table.entityId, table.memoryId),
  ],
);

export const relationships = pgTable(
  'relationships',
  {
    id: uuid('id').primaryKey(),
    sourceEntityId: uuid('source_entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    targetEntityId: uuid('target_entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    relationType: text('relation_type').notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    memoryId: uuid('memory_id').references(() => memories.id, { onDelete: 'set null' }),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp('valid_to', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('idx_relationships_source').on(table.sourceEntityId),
    index('idx_relationships_target').on(table.targetEntityId),
    index('idx_relationships_type').on(table.relationType),
    uniqueIndex('uq_relationships_current')
      .on(table.sourceEntityId, table.targetEntityId, table.relationType)
      .where(sql`valid_to is null`),
  ],
);

/** Which memories support a relationship; a relationship with no support left is closed. */
export const relationshipEvidence = pgTable(
  'relationship_evidence',
  {
    relationshipId: uuid('relationship_id')
      .notNull()
      .references(() => relationships.id, { onDelete: 'cascade' }),
    memoryId: uuid('memory_id')
      .notNull()
      .references(() => memories.id, { onDelete: 'cascade' }),
    sentence: text('sentence').notNull(),
    confidence: real('confidence').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.relationshipId, table.memoryId] }),
    index('idx_relationship_evidence_memory').on(table.memoryId),
  ],
);

/** One row per add/update/delete; kept after the memory is deleted. */
export const memoryHistory = pgTable(
  'memory_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memoryId: uuid('memory_id').notNull(),
    tenant: tenantId(),
    userId: scopeId('user_id'),
    agentId: scopeId('agent_id'),
    event: text('event').$type<'add' | 'update' | 'delete'>().notNull(),
    oldContent: text('old_content'),
    newContent: text('new_content'),
    metadata: jsonb('metadata').$type<Metadata>().notNull().default({}),
    createdAt: createdAt(),
  },
  (table) => [index('idx_memory_history_memory').on(table.memoryId, table.id)],
);

/** Pending vector-index work, written in the same transaction as the memory rows. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memoryId: uuid('memory_id').notNull(),
    tenant: tenantId(),
    userId: scopeId('user_id'),
    agentId: scopeId('agent_id'),
    operation: text('operation').$type<'upsert' | 'delete'>().notNull(),
    status: text('status').$type<'pending' | 'done'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (table) => [index('idx_outbox_pending').on(table.id).where(sql`status = 'pending'`)],
);

/** Small key/value facts about this installation (e.g. which embedder built the index). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<Record<string, unknown>>().notNull(),
  updatedAt: updatedAt(),
});

/** Corrections of the graph (rename, retype, aliases, merge, delete); names only, no memory text. */
export const entityHistory = pgTable(
  'entity_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entityId: uuid('entity_id').notNull(),
    tenant: tenantId(),
    userId: scopeId('user_id'),
    agentId: scopeId('agent_id'),
    event: text('event').$type<'update' | 'merge' | 'merged_into' | 'delete'>().notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (table) => [
    index('idx_entity_history_entity').on(table.entityId, table.id),
    index('idx_entity_history_scope').on(table.tenant, table.userId, table.agentId),
  ],
);

/**
 * Forget-a-scope jobs: `subject` (the user or agent id) is kept only while the job runs; a
 * finished job keeps its hash and counts as a content-free audit record.
 */
export const forgetJobs = pgTable('forget_jobs', {
  id: uuid('id').primaryKey(),
  tenant: tenantId(),
  scopeKind: text('scope_kind').$type<'user' | 'agent'>().notNull(),
  subject: text('subject'),
  subjectHash: text('subject_hash').notNull(),
  status: text('status').$type<'running' | 'vectors' | 'done'>().notNull().default('running'),
  counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
/**
 * API keys (migration 0003). Only a SHA-256 of the key is stored; the key is shown once.
 * `scopes` ⊆ read, write, admin; a key with `user_id` sees only that user.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey(),
    tenant: text('tenant').notNull().default('default'),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    /** The key's first characters, to tell keys apart in lists (not enough to use it). */
    prefix: text('prefix').notNull(),
    scopes: text('scopes').array().$type<Array<'read' | 'write' | 'admin'>>().notNull(),
    userId: text('user_id'),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('uq_api_keys_hash').on(table.keyHash)],
);
