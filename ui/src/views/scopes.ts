import { api } from '../api.js';
import { h, replace, status, when } from '../dom.js';
import { link, type Scope, scopeLabel } from '../scope.js';
import type { ScopeJson } from '../types.js';

/** The scopes that hold memory, with their counts and links into them. */
export async function scopesView(root: HTMLElement): Promise<void> {
  replace(root, h('h1', {}, 'Scopes'), status('Loading scopes…'));
  const { scopes } = await api<{ scopes: ScopeJson[] }>('/scopes', { query: { limit: 200 } });
  if (scopes.length === 0) {
    replace(
      root,
      h('h1', {}, 'Scopes'),
      status('No memories yet. Add one with POST /memories and it shows up here.'),
    );
    return;
  }
  const rows = scopes.map(scopeRow);
  replace(
    root,
    h('h1', {}, 'Scopes'),
    h(
      'p',
      { class: 'lead' },
      'Every memory belongs to a user, an agent, or both. Pick one to read, search and correct what Engram keeps.',
    ),
    h(
      'table',
      { class: 'scopes' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['User', 'Agent', 'Memories', 'Entities', 'Relationships', 'Last memory', ''].map(
            (title) => h('th', { scope: 'col' }, title),
          ),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

function scopeRow(item: ScopeJson): HTMLElement {
  const scope: Scope = { user: item.user_id, agent: item.agent_id };
  return h(
    'tr',
    {},
    h('td', { 'data-label': 'User' }, item.user_id ?? '—'),
    h('td', { 'data-label': 'Agent' }, item.agent_id ?? '—'),
    h('td', { 'data-label': 'Memories', class: 'number' }, item.memories),
    h('td', { 'data-label': 'Entities', class: 'number' }, item.entities),
    h('td', { 'data-label': 'Relationships', class: 'number' }, item.relationships),
    h('td', { 'data-label': 'Last memory' }, when(item.last_memory_at)),
    h(
      'td',
      { class: 'links' },
      h(
        'a',
        { href: link('memories', scope), 'aria-label': `Memories of ${scopeLabel(scope)}` },
        'Memories',
      ),
      h(
        'a',
        { href: link('graph', scope), 'aria-label': `Graph of ${scopeLabel(scope)}` },
        'Graph',
      ),
    ),
  );
}
