import { api } from '../api.js';
import { h, replace, status, when } from '../dom.js';
import { link, type Scope, scopeFrom, scopeLabel, scopeQuery } from '../scope.js';
import type { EntityJson, FactJson, MemoryJson, RelationshipJson } from '../types.js';

const PAGE = 20;

interface SearchResult {
  memory: MemoryJson;
  score: number;
  entities: EntityJson[];
  relationships: RelationshipJson[];
}

/** A scope's memories, newest first and paginated, or the results of a search. */
export async function memoriesView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const scope = scopeFrom(params);
  const results = h('section', { class: 'results', 'aria-live': 'polite' }, status('Loading…'));
  replace(
    root,
    h('h1', {}, 'Memories ', h('small', {}, scopeLabel(scope))),
    filterForm(scope, params),
    results,
  );
  const query = params.get('q');
  if (query) await showSearch(results, scope, params, query);
  else await showList(results, scope, params);
}

function filterForm(scope: Scope, params: URLSearchParams): HTMLElement {
  const field = (label: string, input: HTMLElement) =>
    h('label', { class: 'field' }, h('span', {}, label), input);
  const form = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      onSubmit: (event: Event) => {
        event.preventDefault();
        const data = new FormData(form);
        const more: Record<string, string> = {};
        for (const name of ['q', 'session', 'type', 'from', 'to'])
          more[name] = String(data.get(name) ?? '').trim();
        location.hash = link('memories', scope, more);
      },
    },
    field(
      'Search',
      h('input', {
        name: 'q',
        type: 'search',
        id: 'search',
        value: params.get('q') ?? '',
        placeholder: 'Where does my sister live?',
        'aria-keyshortcuts': '/',
      }),
    ),
    field('Session', h('input', { name: 'session', value: params.get('session') ?? '' })),
    field(
      'Type',
      h(
        'select',
        { name: 'type' },
        ...['', 'ephemeral', 'model_memory'].map((value) =>
          h('option', { value, selected: (params.get('type') ?? '') === value }, value || 'any'),
        ),
      ),
    ),
    field('From', h('input', { name: 'from', type: 'date', value: params.get('from') ?? '' })),
    field('To', h('input', { name: 'to', type: 'date', value: params.get('to') ?? '' })),
    h('button', { type: 'submit', class: 'primary' }, 'Apply'),
  );
  return form;
}

/** The filter fields the API takes, from the view's parameters. */
function filters(params: URLSearchParams) {
  const day = (value: string | null, end: boolean) =>
    value ? new Date(`${value}T00:00:00Z`).getTime() + (end ? 86_400_000 : 0) : undefined;
  const from = day(params.get('from'), false);
  const to = day(params.get('to'), true);
  return {
    session_id: params.get('session') || undefined,
    memory_type: params.get('type') || undefined,
    created_after: from === undefined ? undefined : new Date(from).toISOString(),
    created_before: to === undefined ? undefined : new Date(to).toISOString(),
  };
}

async function showList(target: HTMLElement, scope: Scope, params: URLSearchParams) {
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const { memories } = await api<{ memories: MemoryJson[] }>('/memories', {
    query: { ...scopeQuery(scope), ...filters(params), limit: PAGE + 1, offset },
  });
  const page = memories.slice(0, PAGE);
  const more = Object.fromEntries(params);
  const pager = h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    offset > 0
      ? h(
          'a',
          {
            href: link('memories', scope, { ...more, offset: String(Math.max(0, offset - PAGE)) }),
          },
          '← Newer',
        )
      : h('span', {}, ''),
    h('span', {}, page.length ? `${offset + 1}–${offset + page.length}` : ''),
    memories.length > PAGE
      ? h(
          'a',
          { href: link('memories', scope, { ...more, offset: String(offset + PAGE) }) },
          'Older →',
        )
      : h('span', {}, ''),
  );
  replace(
    target,
    page.length === 0
      ? status('No memories match.')
      : h('ol', { class: 'memory-list' }, ...page.map((memory) => memoryItem(scope, memory))),
    pager,
  );
}

function memoryItem(scope: Scope, memory: MemoryJson, extra: Array<Node | null> = []): HTMLElement {
  const id = memory.parent_id ?? memory.id;
  return h(
    'li',
    { class: 'memory' },
    h('a', { href: link(`memory/${id}`, scope), class: 'memory-text' }, memory.content),
    h(
      'div',
      { class: 'meta' },
      h('time', { datetime: memory.created_at }, when(memory.created_at)),
      memory.session_id ? h('span', {}, `session ${memory.session_id}`) : null,
      h('span', {}, memory.memory_type),
    ),
    ...extra,
  );
}

async function showSearch(
  target: HTMLElement,
  scope: Scope,
  params: URLSearchParams,
  query: string,
) {
  const { results, facts } = await api<{ results: SearchResult[]; facts: FactJson[] }>(
    '/memories/search',
    { method: 'POST', body: { query, ...scopeQuery(scope), ...filters(params), top_k: 20 } },
  );
  const names = new Map<string, string>();
  for (const result of results)
    for (const entity of result.entities) names.set(entity.id, entity.text);
  const items = results.map((result) =>
    memoryItem(scope, result.memory, [
      h('span', { class: 'score', title: 'fused score (0–1)' }, `score ${result.score.toFixed(3)}`),
      chips(result.entities),
      result.relationships.length
        ? h('ul', { class: 'edges' }, ...result.relationships.map((edge) => edgeLine(edge, names)))
        : null,
    ]),
  );
  replace(
    target,
    facts.length
      ? h('section', { class: 'facts' }, h('h2', {}, 'Facts'), h('ul', {}, ...facts.map(factLine)))
      : null,
    h('h2', {}, `${results.length} results for “${query}”`),
    results.length ? h('ol', { class: 'memory-list' }, ...items) : status('Nothing found.'),
  );
}

/** Entity chips coloured by type. */
export function chips(entities: readonly EntityJson[]): HTMLElement {
  return h(
    'ul',
    { class: 'chips', 'aria-label': 'Entities' },
    ...entities.map((entity) =>
      h('li', { class: `chip type-${entity.type.toLowerCase()}`, title: entity.type }, entity.text),
    ),
  );
}

/** "Sarah lives_in Boston (2024 – 2025)". */
export function edgeLine(edge: RelationshipJson, names: ReadonlyMap<string, string>): HTMLElement {
  return h(
    'li',
    { class: edge.current ? 'current' : 'closed' },
    `${names.get(edge.source_entity_id) ?? '?'} `,
    h('strong', {}, edge.relation_type.replaceAll('_', ' ')),
    ` ${names.get(edge.target_entity_id) ?? '?'}`,
    h(
      'span',
      { class: 'validity' },
      ` ${when(edge.valid_from)} – ${edge.valid_to ? when(edge.valid_to) : 'now'}`,
    ),
  );
}

function factLine(fact: FactJson): HTMLElement {
  return h(
    'li',
    { class: fact.current ? 'current' : 'closed' },
    `${fact.source.text} `,
    h('strong', {}, fact.relation_type.replaceAll('_', ' ')),
    ` ${fact.target.text}`,
    h(
      'span',
      { class: 'validity' },
      ` since ${when(fact.valid_from)}${fact.valid_to ? ` until ${when(fact.valid_to)}` : ''}`,
    ),
  );
}
