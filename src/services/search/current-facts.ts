import type { Entity, EntityId } from '../../domain/entity.js';
import type { Fact } from '../../domain/fact.js';
import { endedBy, holdsAt, predecessorOf, successorOf } from '../../domain/fact-timeline.js';
import type { MemoryId } from '../../domain/memory.js';
import { isSingleValued } from '../../domain/relation-type.js';
import type { Relationship } from '../../domain/relationship.js';
import type { Graph, GraphRepository } from '../../ports/graph-repository.js';

type FactGraph = Pick<GraphRepository, 'relationshipsOfMemories' | 'timelinesOf' | 'neighbourhood'>;

/** Loads an entity's one-hop neighbourhood; one search shares one loader, so each loads once. */
export type NeighbourhoodLoader = (entityId: EntityId) => Promise<Graph>;

/** Most facts returned for one query. */
const MAX_FACTS = 20;

/** What the graph knows about which facts held when: supersession of memories, and facts about entities. */
export class CurrentFacts {
  readonly #graph: FactGraph;

  constructor(graph: FactGraph) {
    this.#graph = graph;
  }

  /**
   * Memories whose single-valued facts had all ended by `asOf`, each mapped to the memory that
   * asserted the value that replaced the last of them. Facts whose ended value is one of
   * `spared` are history the query asks about, and do not supersede.
   */
  async supersededBy(
    memoryIds: readonly MemoryId[],
    asOf: Date,
    spared: ReadonlySet<EntityId>,
  ): Promise<Map<MemoryId, MemoryId>> {
    const asserted = await this.#graph.relationshipsOfMemories(memoryIds);
    const byMemory = new Map<MemoryId, Relationship[]>();
    for (const { evidenceMemoryId, ...edge } of asserted) {
      if (!isSingleValued(edge.relationType) || edge.validFrom > asOf) continue;
      byMemory.set(evidenceMemoryId, [...(byMemory.get(evidenceMemoryId) ?? []), edge]);
    }
    const candidates = [...byMemory].filter(([, edges]) =>
      edges.every((edge) => endedBy(edge, asOf) && !spared.has(edge.targetEntityId)),
    );
    if (candidates.length === 0) return new Map();
    const timeline = await this.#graph.timelinesOf(
      candidates.flatMap(([, edges]) => edges.map(timelineKey)),
    );
    const superseded = new Map<MemoryId, MemoryId>();
    for (const [memoryId, edges] of candidates) {
      const last = edges.reduce((a, b) => ((a.validTo ?? 0) >= (b.validTo ?? 0) ? a : b));
      const successor = successorOf(last, timeline);
      if (successor?.memoryId && successor.validFrom <= asOf)
        superseded.set(memoryId, successor.memoryId);
    }
    return superseded;
  }

  /** A loader that reads each entity's neighbourhood once (for the span of one search). */
  loader(): NeighbourhoodLoader {
    const loaded = new Map<EntityId, Promise<Graph>>();
    return (entityId) => {
      let graph = loaded.get(entityId);
      if (!graph) {
        graph = this.#graph.neighbourhood(entityId, 1);
        loaded.set(entityId, graph);
      }
      return graph;
    };
  }

  /**
   * The memories that assert the value of the asked relation types for these entities: the value
   * that held at `asOf` (newest fact first) — "where does my sister live now" — or, for questions
   * about how things were, the values that had ended by then (latest ended first) — "who was my
   * manager at Microsoft".
   */
  async answers(
    entityIds: readonly EntityId[],
    types: readonly string[],
    { asOf, past = false }: { asOf: Date; past?: boolean },
    load: NeighbourhoodLoader = this.loader(),
  ): Promise<MemoryId[]> {
    if (entityIds.length === 0 || types.length === 0) return [];
    const asked = new Set(types);
    const graphs = await Promise.all(entityIds.map(load));
    const about = new Set(entityIds);
    const edges = graphs
      .flatMap((graph) => graph.edges)
      .filter(
        (edge) =>
          asked.has(edge.relationType) &&
          (about.has(edge.sourceEntityId) || about.has(edge.targetEntityId)),
      );
    const held = past
      ? edges
          .filter((edge) => endedBy(edge, asOf))
          .sort((a, b) => (b.validTo?.getTime() ?? 0) - (a.validTo?.getTime() ?? 0))
      : edges
          .filter((edge) => holdsAt(edge, asOf))
          .sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime());
    return [...new Set(held.flatMap((edge) => (edge.memoryId ? [edge.memoryId] : [])))];
  }

  /** The facts about the entities that held at `asOf`, single-valued ones first, newest first. */
  async about(
    entityIds: readonly EntityId[],
    asOf: Date,
    load: NeighbourhoodLoader = this.loader(),
  ): Promise<Fact[]> {
    const graphs = await Promise.all(entityIds.map(load));
    const nodes = new Map<EntityId, Entity>(graphs.flatMap((g) => g.nodes).map((n) => [n.id, n]));
    const edges = new Map(graphs.flatMap((g) => g.edges).map((edge) => [edge.id, edge]));
    const held = [...edges.values()].filter((edge) => holdsAt(edge, asOf));
    const timeline = await this.#graph.timelinesOf(
      held.filter((edge) => isSingleValued(edge.relationType)).map(timelineKey),
    );
    return held
      .sort(
        (a, b) =>
          Number(isSingleValued(b.relationType)) - Number(isSingleValued(a.relationType)) ||
          b.validFrom.getTime() - a.validFrom.getTime(),
      )
      .slice(0, MAX_FACTS)
      .flatMap((edge): Fact[] => {
        const source = nodes.get(edge.sourceEntityId);
        const target = nodes.get(edge.targetEntityId);
        if (!source || !target) return [];
        const before = predecessorOf(edge, timeline);
        const replacedTarget = before ? nodes.get(before.targetEntityId) : undefined;
        return [
          {
            relationship: edge,
            source,
            target,
            current: true,
            ...(before
              ? {
                  replaced: {
                    relationship: before,
                    ...(replacedTarget ? { target: replacedTarget } : {}),
                  },
                }
              : {}),
          },
        ];
      });
  }
}

function timelineKey(edge: Relationship) {
  return { sourceEntityId: edge.sourceEntityId, relationType: edge.relationType };
}
