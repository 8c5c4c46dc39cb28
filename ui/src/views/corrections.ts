import { api } from '../api.js';
import { capabilities } from '../capabilities.js';
import { confirmAction } from '../confirm.js';
import { h, replace, status } from '../dom.js';
import { go } from '../router.js';
import { link, scopeFrom, scopeLabel, scopeQuery } from '../scope.js';
import type { EntityJson } from '../types.js';

/** What can be corrected in a scope: its entities (in the graph's panel) and forgetting a user. */
export async function correctionsView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const scope = scopeFrom(params);
  replace(root, h('h1', {}, 'Corrections'), status('Loading…'));
  const [can, { entities }] = await Promise.all([
    capabilities(),
    api<{ entities: EntityJson[] }>('/entities', { query: { ...scopeQuery(scope), limit: 200 } }),
  ]);
  const entityRoutes = Boolean(can.renameEntity || can.mergeEntity || can.deleteEntity);
  replace(
    root,
    h('h1', {}, 'Corrections ', h('small', {}, scopeLabel(scope))),
    entityRoutes
      ? h(
          'p',
          { class: 'lead' },
          'Rename, retype, merge or delete an entity from its panel in the graph. The most mentioned entities of this scope:',
        )
      : status(
          'This server has no entity correction routes (PATCH, merge and DELETE on /entities). A memory can still be deleted from its page.',
        ),
    h(
      'table',
      { class: 'entities' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Entity', 'Type', 'Mentions', 'Aliases', ''].map((title) =>
            h('th', { scope: 'col' }, title),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...entities.map((entity) =>
          h(
            'tr',
            {},
            h('td', { 'data-label': 'Entity' }, entity.text),
            h(
              'td',
              { 'data-label': 'Type' },
              h('span', { class: `chip type-${entity.type.toLowerCase()}` }, entity.type),
            ),
            h('td', { 'data-label': 'Mentions', class: 'number' }, entity.mention_count ?? 0),
            h('td', { 'data-label': 'Aliases' }, (entity.aliases ?? []).join(', ')),
            h(
              'td',
              { class: 'links' },
              h(
                'a',
                { href: link('graph', scope, { entity: entity.id }) },
                entityRoutes ? 'Correct' : 'Show',
              ),
            ),
          ),
        ),
      ),
    ),
    can.forgetUser && scope.user
      ? h(
          'section',
          { class: 'danger-zone' },
          h('h2', {}, `Forget user ${scope.user}`),
          h(
            'p',
            {},
            'Removes every memory, vector, entity and relationship of this user. Only a content-free audit record stays.',
          ),
          h(
            'button',
            {
              class: 'danger',
              type: 'button',
              onClick: async () => {
                const user = scope.user ?? '';
                if (
                  !(await confirmAction(
                    `Forget everything Engram keeps about ${user}? This cannot be undone.`,
                    'Forget user',
                  ))
                )
                  return;
                await api(`/users/${encodeURIComponent(user)}`, { method: 'DELETE' });
                go('#/scopes');
              },
            },
            'Forget user',
          ),
        )
      : null,
  );
}
