import { api } from '../api.js';
import { capabilities } from '../capabilities.js';
import { confirmAction } from '../confirm.js';
import { h, highlighted, replace, status, when } from '../dom.js';
import { link, type Scope, scopeFrom, scopeLabel, scopeQuery } from '../scope.js';
import type { EntityJson, MemoryJson, RelationshipJson } from '../types.js';
import { chips, edgeLine } from './memories.js';

interface Mention {
  memory_id: string;
  entity_id: string;
  mention: string;
  start: number;
  end: number;
}

interface HistoryEvent {
  event: string;
  old_content: string | null;
  new_content: string | null;
  created_at: string;
}

/** One memory: its text with entities marked, chunks, relationships and history. */
export async function memoryView(root: HTMLElement, params: URLSearchParams, id: string) {
  const scope = scopeFrom(params);
  const query = scopeQuery(scope);
  replace(root, h('h1', {}, 'Memory'), status('Loading…'));
  const [{ memory, chunks }, graph, { events }, can] = await Promise.all([
    api<{ memory: MemoryJson; chunks: MemoryJson[] }>(`/memories/${id}`, { query }),
    api<{ mentions: Mention[]; entities: EntityJson[]; relationships: RelationshipJson[] }>(
      `/memories/${id}/entities`,
      { query },
    ),
    api<{ events: HistoryEvent[] }>(`/memories/${id}/history`, { query }),
    capabilities(),
  ]);
  const types = new Map(graph.entities.map((entity) => [entity.id, entity]));
  const marked = (row: MemoryJson) =>
    highlighted(
      row.content,
      graph.mentions
        .filter((mention) => mention.memory_id === row.id)
        .map((mention) => ({
          start: mention.start,
          end: mention.end,
          label: types.get(mention.entity_id)?.text ?? mention.mention,
          type: types.get(mention.entity_id)?.type ?? 'misc',
        })),
    );
  const names = new Map(graph.entities.map((entity) => [entity.id, entity.text]));
  replace(
    root,
    h(
      'p',
      { class: 'crumbs' },
      h('a', { href: link('memories', scope) }, `← Memories of ${scopeLabel(scope)}`),
    ),
    h('h1', {}, 'Memory'),
    h(
      'div',
      { class: 'meta' },
      h('time', { datetime: memory.created_at }, when(memory.created_at)),
      memory.session_id ? h('span', {}, `session ${memory.session_id}`) : null,
      h('span', {}, memory.memory_type),
      h('code', {}, memory.id),
    ),
    chunks.length === 0
      ? h('blockquote', { class: 'memory-body' }, marked(memory))
      : h(
          'section',
          {},
          h('h2', {}, `${chunks.length} chunks`),
          h(
            'ol',
            { class: 'chunks' },
            ...chunks.map((chunk) =>
              h('li', {}, h('blockquote', { class: 'memory-body' }, marked(chunk))),
            ),
          ),
        ),
    h('h2', {}, 'Entities'),
    graph.entities.length ? chips(graph.entities) : status('No entities.'),
    h('h2', {}, 'Relationships'),
    graph.relationships.length
      ? h('ul', { class: 'edges' }, ...graph.relationships.map((edge) => edgeLine(edge, names)))
      : status('No relationships.'),
    h('h2', {}, 'History'),
    historyList(events),
    can.deleteMemory ? deleteZone(id, scope) : null,
  );
}

function historyList(events: readonly HistoryEvent[]) {
  return h(
    'ol',
    { class: 'history' },
    ...events.map((event) =>
      h(
        'li',
        {},
        h('strong', {}, event.event),
        ' ',
        h('time', { datetime: event.created_at }, when(event.created_at)),
        event.event === 'update' && event.old_content ? h('del', {}, event.old_content) : null,
        event.new_content ? h('ins', {}, event.new_content) : null,
      ),
    ),
  );
}

function deleteZone(id: string, scope: Scope) {
  const remove = async () => {
    const message =
      'Delete this memory? Its vectors, and entities and relationships only it supported, go too.';
    if (!(await confirmAction(message, 'Delete memory'))) return;
    await api(`/memories/${id}`, { method: 'DELETE', query: scopeQuery(scope) });
    location.hash = link('memories', scope);
  };
  return h(
    'div',
    { class: 'danger-zone' },
    h('button', { class: 'danger', type: 'button', onClick: remove }, 'Delete memory'),
  );
}
