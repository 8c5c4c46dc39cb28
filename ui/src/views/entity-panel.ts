import { api } from '../api.js';
import { capabilities } from '../capabilities.js';
import { h, highlighted, replace, status, when } from '../dom.js';
import { link, type Scope, scopeQuery } from '../scope.js';
import type { EntityJson, GraphJson, MemoryJson, RelationshipJson } from '../types.js';
import { entityCorrections } from './entity-corrections.js';
import { edgeLine } from './memories.js';

interface Mentioning {
  memory: MemoryJson;
  spans: { start: number; end: number }[];
}

/** The details of one entity: aliases, facts (current and closed), the memories naming it. */
export async function entityPanel(
  panel: HTMLElement,
  scope: Scope,
  id: string,
  graph: GraphJson,
  changed: (survivor: string) => void,
): Promise<void> {
  replace(panel, status('Loading…'));
  const query = scopeQuery(scope);
  const [{ entity }, facts, { memories }, can] = await Promise.all([
    api<{ entity: EntityJson }>(`/entities/${id}`, { query }),
    api<{ relationships: RelationshipJson[]; entities: EntityJson[] }>(
      `/entities/${id}/relationships`,
      { query },
    ),
    api<{ memories: Mentioning[] }>(`/entities/${id}/memories`, { query: { ...query, limit: 10 } }),
    capabilities(),
  ]);
  const names = new Map(facts.entities.map((other) => [other.id, other.text]));
  names.set(entity.id, entity.text);
  replace(
    panel,
    h(
      'h2',
      { id: 'entity-name' },
      entity.text,
      ' ',
      h('span', { class: `chip type-${entity.type.toLowerCase()}` }, entity.type),
    ),
    entity.aliases?.length
      ? h('p', { class: 'aliases' }, `Also: ${entity.aliases.join(', ')}`)
      : null,
    h('h3', {}, 'Facts'),
    facts.relationships.length
      ? h(
          'ul',
          { class: 'facts-list' },
          ...facts.relationships.map((edge) => edgeLine(edge, names)),
        )
      : status('No facts.'),
    h('h3', {}, `Mentioned in ${entity.mention_count ?? memories.length} memories`),
    mentionList(memories, entity, scope),
    entityCorrections(entity, scope, graph, can, changed),
  );
}

/** The memories naming the entity, the names marked, each a link to its memory. */
function mentionList(memories: readonly Mentioning[], entity: EntityJson, scope: Scope) {
  return h(
    'ul',
    { class: 'mentions' },
    ...memories.map((item) =>
      h(
        'li',
        {},
        h(
          'a',
          { href: link(`memory/${item.memory.parent_id ?? item.memory.id}`, scope) },
          highlighted(
            item.memory.content,
            item.spans.map((span) => ({ ...span, type: entity.type })),
          ),
        ),
        h('time', { datetime: item.memory.created_at }, when(item.memory.created_at)),
      ),
    ),
  );
}
