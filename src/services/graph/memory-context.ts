import type { Entity } from '../../domain/entity.js';
import type { MemoryId } from '../../domain/memory.js';
import type { Relationship } from '../../domain/relationship.js';
import type { GraphRepository } from '../../ports/graph-repository.js';

/** The entities a memory mentions and the relationships it is evidence for. */
export interface MemoryContext {
  readonly entities: readonly Entity[];
  readonly relationships: readonly Relationship[];
}

/** The graph context of each given memory row, in two queries (no N+1). */
export async function memoryContexts(
  graph: Pick<GraphRepository, 'mentionsOf' | 'relationshipsOfMemories'>,
  memoryIds: readonly MemoryId[],
): Promise<Map<MemoryId, MemoryContext>> {
  const [mentions, relationships] = await Promise.all([
    graph.mentionsOf(memoryIds),
    graph.relationshipsOfMemories(memoryIds),
  ]);
  const contexts = new Map<
    MemoryId,
    { entities: Map<string, Entity>; relationships: Relationship[] }
  >(memoryIds.map((id) => [id, { entities: new Map(), relationships: [] }]));
  for (const mention of mentions)
    contexts.get(mention.memoryId)?.entities.set(mention.entity.id, mention.entity);
  for (const { evidenceMemoryId, ...edge } of relationships)
    contexts.get(evidenceMemoryId)?.relationships.push(edge);
  return new Map(
    [...contexts].map(([id, context]) => [
      id,
      { entities: [...context.entities.values()], relationships: context.relationships },
    ]),
  );
}

/** One context for several rows of a memory (its chunks): entities and relationships once each. */
export function mergeContexts(contexts: Iterable<MemoryContext>): MemoryContext {
  const entities = new Map<string, Entity>();
  const relationships = new Map<string, Relationship>();
  for (const context of contexts) {
    for (const entity of context.entities) entities.set(entity.id, entity);
    for (const edge of context.relationships) relationships.set(edge.id, edge);
  }
  return { entities: [...entities.values()], relationships: [...relationships.values()] };
}
