import type { Entity, Fact, Memory, Relationship, SearchResponse } from 'engram-client';

// Plain-text renderings of tool results for the model; the same data goes in structuredContent.

const day = (iso: string) => iso.slice(0, 10);

/** One line per memory: id, date and content. */
export function memoryLine(memory: Memory): string {
  return `[${memory.id}] (${day(memory.created_at)}) ${memory.content}`;
}

/** `Sarah (PERSON)` */
export function entityLabel(entity: Pick<Entity, 'text' | 'type'>): string {
  return `${entity.text} (${entity.type})`;
}

/** `Sarah lives_in Boston since 2026-01-01` with names looked up among `entities`. */
export function relationshipLine(edge: Relationship, entities: readonly Entity[]): string {
  const name = (id: string) => entities.find((entity) => entity.id === id)?.text ?? id;
  const validity = edge.current
    ? `since ${day(edge.valid_from)}`
    : `${day(edge.valid_from)} → ${edge.valid_to ? day(edge.valid_to) : '?'}`;
  return `${name(edge.source_entity_id)} ${edge.relation_type} ${name(edge.target_entity_id)} (${validity})`;
}

/** `maya works_for Stripe since 2025-06-02, replaced Microsoft` */
export function factLine(fact: Fact): string {
  const replaced = fact.replaced?.target ? `, replaced ${fact.replaced.target.text}` : '';
  return `${fact.source.text} ${fact.relation_type} ${fact.target.text} since ${day(fact.valid_from)}${replaced}`;
}

/** Ranked memories with their entities, then the current facts. */
export function searchText(answer: SearchResponse): string {
  if (answer.results.length === 0 && answer.facts.length === 0) return 'No memories found.';
  const lines = answer.results.map((result, index) => {
    const entities = result.entities.map(entityLabel).join(', ');
    const superseded = result.superseded_by ? ` (superseded by ${result.superseded_by})` : '';
    return `${index + 1}. ${memoryLine(result.memory)} — score ${result.score.toFixed(3)}${
      entities ? `; entities: ${entities}` : ''
    }${superseded}`;
  });
  if (answer.facts.length > 0) lines.push('Current facts:', ...answer.facts.map(factLine));
  return lines.join('\n');
}
