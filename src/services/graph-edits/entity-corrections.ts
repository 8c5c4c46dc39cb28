import type { EntityId } from '../../domain/entity.js';
import { EntityMergedError, InvalidInputError, NotFoundError } from '../../domain/errors.js';
import type { Scope } from '../../domain/scope.js';
import type { Clock } from '../../ports/clock.js';
import type {
  EntityChanges,
  EntityDeletion,
  EntityHistoryEvent,
  GraphCorrections,
  MergeReport,
} from '../../ports/graph-corrections.js';
import type { EntityDetails, GraphRepository } from '../../ports/graph-repository.js';
import { NO_TELEMETRY, type Telemetry } from '../../ports/telemetry.js';

export interface EntityCorrectionsDeps {
  readonly graph: GraphRepository;
  readonly corrections: GraphCorrections;
  readonly clock: Clock;
  readonly telemetry?: Telemetry;
}

/**
 * Corrects the knowledge graph by hand: rename, retype and aliases, merge two entities, delete
 * one. Works on live entities of one scope; a merged-away id answers with its survivor.
 */
export class EntityCorrections {
  readonly #deps: EntityCorrectionsDeps;
  readonly #telemetry: Telemetry;

  constructor(deps: EntityCorrectionsDeps) {
    this.#deps = deps;
    this.#telemetry = deps.telemetry ?? NO_TELEMETRY;
  }

  /** Applies a PATCH; the old name stays an alias and later mentions of it resolve here. */
  async update(id: EntityId, scope: Scope, changes: EntityChanges): Promise<EntityDetails> {
    await this.#live(id, scope);
    if (changes.text !== undefined && changes.text.trim() === '')
      throw new InvalidInputError('name must not be blank');
    await this.#deps.corrections.update(id, scope, changes, this.#deps.clock.now());
    this.#telemetry.countOperation('entity_update');
    return this.#live(id, scope);
  }

  /**
   * Folds `absorbedId` into `survivorId`. Repeating a finished merge reports nothing moved;
   * an id merged elsewhere is a conflict naming its survivor.
   */
  async merge(
    survivorId: EntityId,
    absorbedId: EntityId,
    scope: Scope,
  ): Promise<{ entity: EntityDetails; merge: MergeReport }> {
    if (survivorId === absorbedId) throw new InvalidInputError('an entity cannot absorb itself');
    await this.#live(survivorId, scope);
    const absorbed = await this.#deps.graph.findEntity(absorbedId, scope);
    if (!absorbed) throw new NotFoundError('entity', absorbedId);
    let merge: MergeReport;
    if (absorbed.mergedInto === survivorId) {
      merge = {
        survivorId,
        absorbedId,
        mentionsMoved: 0,
        aliasesMoved: 0,
        relationshipsMoved: 0,
        relationshipsCollapsed: 0,
        relationshipsClosed: 0,
      };
    } else {
      if (absorbed.mergedInto) throw new EntityMergedError(absorbedId, absorbed.mergedInto);
      merge = await this.#deps.corrections.merge(
        survivorId,
        absorbedId,
        scope,
        this.#deps.clock.now(),
      );
      this.#telemetry.countOperation('entity_merge');
    }
    return { entity: await this.#live(survivorId, scope), merge };
  }

  /** Deletes an entity, its mentions and relationships; the memories that named it stay. */
  async delete(id: EntityId, scope: Scope): Promise<EntityDeletion> {
    await this.#live(id, scope);
    const deletion = await this.#deps.corrections.delete(id, scope, this.#deps.clock.now());
    this.#telemetry.countOperation('entity_delete');
    return deletion;
  }

  /** Corrections recorded for an entity (also for a merged-away one), oldest first. */
  async history(id: EntityId, scope: Scope): Promise<EntityHistoryEvent[]> {
    const entity = await this.#deps.graph.findEntity(id, scope);
    if (!entity) throw new NotFoundError('entity', id);
    return this.#deps.corrections.history(id);
  }

  async #live(id: EntityId, scope: Scope): Promise<EntityDetails> {
    const entity = await this.#deps.graph.findEntity(id, scope);
    if (!entity) throw new NotFoundError('entity', id);
    if (entity.mergedInto) throw new EntityMergedError(id, entity.mergedInto);
    return entity;
  }
}
