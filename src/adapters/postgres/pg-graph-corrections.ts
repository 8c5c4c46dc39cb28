import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { type EntityId, normalizeEntityName } from '../../domain/entity.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.js';
import type { Relationship } from '../../domain/relationship.js';
import type { Scope } from '../../domain/scope.js';
import type {
  EntityChanges,
  EntityDeletion,
  EntityHistoryEvent,
  GraphCorrections,
  MergeReport,
} from '../../ports/graph-corrections.js';
import type { Database } from './database.js';
import { historyRow, mergeEntities } from './pg-entity-merge.js';
import { handBackTime } from './pg-graph-cleanup.js';
import { relationshipsOf } from './pg-relationship-reads.js';
import { entities, entityAliases, entityHistory, memoryEntities, relationships } from './schema.js';

/** Hand corrections of the graph on Postgres, each in its own transaction. */
export class PgGraphCorrections implements GraphCorrections {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async update(id: EntityId, scope: Scope, changes: EntityChanges, at: Date): Promise<void> {
    await this.#db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      const [row] = await tx.select().from(entities).where(eq(entities.id, id)).for('update');
      if (!row) throw new NotFoundError('entity', id);
      const type = changes.type ?? row.type;
      const text = changes.text?.trim() ?? row.text;
      const normalizedName = normalizeEntityName(text, type as never);
      if (!normalizedName) throw new InvalidInputError('name has no letters or digits');
      const renamed = type !== row.type || normalizedName !== row.normalizedName;
      if (renamed) await this.#freeName(tx, id, scope, type, normalizedName);
      await tx
        .update(entities)
        .set({ text, type, normalizedName, updatedAt: at })
        .where(eq(entities.id, id));
      // The old name keeps resolving here: a redirect row for the extractor, an alias for lookups.
      if (renamed)
        await tx.insert(entities).values({
          id: randomUUID(),
          tenant: row.tenant,
          userId: row.userId,
          agentId: row.agentId,
          type: row.type,
          text: row.text,
          normalizedName: row.normalizedName,
          mergedInto: id,
          createdAt: at,
          updatedAt: at,
        });
      const added = [...(changes.addAliases ?? []), ...(text !== row.text ? [row.text] : [])];
      const aliases = added
        .map((alias) => ({
          entityId: id,
          alias: alias.trim(),
          normalizedAlias: normalizeEntityName(alias),
        }))
        .filter((alias) => alias.normalizedAlias !== '');
      if (aliases.length > 0) await tx.insert(entityAliases).values(aliases).onConflictDoNothing();
      await this.#removeAliases(tx, id, changes.removeAliases ?? []);
      await tx.insert(entityHistory).values(
        historyRow(id, scope, 'update', at, {
          before: { text: row.text, type: row.type },
          after: { text, type },
          added_aliases: changes.addAliases ?? [],
          removed_aliases: changes.removeAliases ?? [],
        }),
      );
    });
  }

  async merge(
    survivorId: EntityId,
    absorbedId: EntityId,
    scope: Scope,
    at: Date,
  ): Promise<MergeReport> {
    return this.#db.transaction((tx) =>
      mergeEntities(tx as unknown as Database, survivorId, absorbedId, scope, at),
    );
  }

  async delete(id: EntityId, scope: Scope, at: Date): Promise<EntityDeletion> {
    return this.#db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      const [row] = await tx.select().from(entities).where(eq(entities.id, id)).for('update');
      if (!row) throw new NotFoundError('entity', id);
      const edges = await relationshipsOf(tx, id);
      const [mentions] = await tx
        .select({ count: count() })
        .from(memoryEntities)
        .where(eq(memoryEntities.entityId, id));
      for (const edge of edges) if (edge.targetEntityId === id) await handBackTime(tx, edge, id);
      // Aliases, mentions, relationships with their evidence and redirects to it cascade.
      await tx.delete(entities).where(eq(entities.id, id));
      const deletion = {
        entityId: id,
        mentionsRemoved: Number(mentions?.count ?? 0),
        relationshipsRemoved: edges.length,
      };
      await tx.insert(entityHistory).values(
        historyRow(id, scope, 'delete', at, {
          text: row.text,
          type: row.type,
          mentions_removed: deletion.mentionsRemoved,
          relationships_removed: deletion.relationshipsRemoved,
        }),
      );
      return deletion;
    });
  }

  async history(id: EntityId): Promise<EntityHistoryEvent[]> {
    const rows = await this.#db
      .select()
      .from(entityHistory)
      .where(eq(entityHistory.entityId, id))
      .orderBy(asc(entityHistory.id));
    return rows.map((row) => ({
      id: row.id,
      entityId: row.entityId,
      event: row.event,
      details: row.details,
      createdAt: row.createdAt,
    }));
  }

  /** Makes (type, name) free for `id`: its own redirect goes; another entity's name is a conflict. */
  async #freeName(tx: Database, id: EntityId, scope: Scope, type: string, name: string) {
    const [holder] = await tx
      .select()
      .from(entities)
      .where(
        and(
          eq(entities.tenant, scope.tenant),
          eq(entities.userId, scope.userId),
          eq(entities.agentId, scope.agentId),
          eq(entities.type, type),
          eq(entities.normalizedName, name),
          ne(entities.id, id),
        ),
      );
    if (!holder) return;
    if (holder.mergedInto !== id)
      throw new ConflictError(
        `entity ${holder.mergedInto ?? holder.id} already has that name and type; merge the two instead`,
      );
    await tx.delete(entities).where(eq(entities.id, holder.id));
  }

  /** Drops aliases, and the redirects of those names, so they stop resolving here. */
  async #removeAliases(tx: Database, id: EntityId, removed: readonly string[]) {
    const names = [...new Set(removed.map((alias) => normalizeEntityName(alias)))].filter(Boolean);
    if (names.length === 0) return;
    await tx
      .delete(entityAliases)
      .where(and(eq(entityAliases.entityId, id), inArray(entityAliases.normalizedAlias, names)));
    const orgNames = removed.map((alias) => normalizeEntityName(alias, 'ORG'));
    await tx
      .delete(entities)
      .where(
        and(
          eq(entities.mergedInto, id),
          or(inArray(entities.normalizedName, names), inArray(entities.normalizedName, orgNames)),
        ),
      );
  }
}
