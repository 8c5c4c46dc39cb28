import { ApiError, api } from '../api.js';
import { type Capabilities, mergeField, type RouteShape } from '../capabilities.js';
import { confirmAction } from '../confirm.js';
import { h, status } from '../dom.js';
import { type Scope, scopeQuery } from '../scope.js';
import type { EntityJson, GraphJson } from '../types.js';

const TYPES = ['PERSON', 'ORG', 'LOCATION', 'EVENT', 'PRODUCT', 'DATE', 'TIME', 'MONEY', 'MISC'];

/** Calls a correction route with the scope where the route takes it (query or body). */
export async function correct(
  shape: RouteShape,
  method: string,
  path: string,
  scope: Scope,
  body?: Record<string, unknown>,
): Promise<unknown> {
  const ids = scopeQuery(scope);
  return api(path, {
    method,
    ...(shape.scopeIn === 'query' ? { query: ids } : {}),
    ...(body || shape.scopeIn === 'body'
      ? { body: { ...(shape.scopeIn === 'body' ? ids : {}), ...body } }
      : {}),
  });
}

/** Rename, retype, merge and delete controls for an entity, where the server has those routes. */
export function entityCorrections(
  entity: EntityJson,
  scope: Scope,
  graph: GraphJson,
  can: Capabilities,
  changed: (survivor: string) => void,
): HTMLElement | null {
  if (!can.renameEntity && !can.mergeEntity && !can.deleteEntity) return null;
  const message = h('div', { 'aria-live': 'assertive' });
  const attempt = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      message.replaceChildren(
        status(
          error instanceof ApiError ? `${error.code}: ${error.message}` : String(error),
          'error',
        ),
      );
    }
  };
  return h(
    'section',
    { class: 'corrections' },
    h('h3', {}, 'Correct'),
    can.renameEntity ? renameForm(entity, scope, can.renameEntity, attempt, changed) : null,
    can.mergeEntity ? mergeForm(entity, scope, graph, can.mergeEntity, attempt, changed) : null,
    can.deleteEntity
      ? h(
          'button',
          {
            class: 'danger',
            type: 'button',
            onClick: () =>
              attempt(async () => {
                if (
                  !(await confirmAction(
                    `Delete “${entity.text}”? Its mentions go and its relationships end; the memories stay.`,
                    'Delete entity',
                  ))
                )
                  return;
                await correct(
                  can.deleteEntity as RouteShape,
                  'DELETE',
                  `/entities/${entity.id}`,
                  scope,
                );
                changed('');
              }),
          },
          'Delete entity',
        )
      : null,
    message,
  );
}

type Attempt = (work: () => Promise<void>) => Promise<void>;

function renameForm(
  entity: EntityJson,
  scope: Scope,
  shape: RouteShape,
  attempt: Attempt,
  changed: (id: string) => void,
) {
  const name = h('input', { id: 'rename-name', value: entity.text, required: true });
  const type = h(
    'select',
    { id: 'rename-type' },
    ...TYPES.map((value) => h('option', { value, selected: value === entity.type }, value)),
  );
  const alias = h('input', { id: 'add-alias', placeholder: 'another name' });
  const form = h(
    'form',
    {
      class: 'inline-form',
      onSubmit: (event: Event) => {
        event.preventDefault();
        void attempt(async () => {
          const body: Record<string, unknown> = {};
          if (name.value.trim() && name.value.trim() !== entity.text)
            body['name'] = name.value.trim();
          if (type.value !== entity.type) body['type'] = type.value;
          if (alias.value.trim()) body['add_aliases'] = [alias.value.trim()];
          if (Object.keys(body).length === 0) return;
          await correct(shape, 'PATCH', `/entities/${entity.id}`, scope, body);
          changed(entity.id);
        });
      },
    },
    h('label', { class: 'field' }, h('span', {}, 'Name'), name),
    h('label', { class: 'field' }, h('span', {}, 'Type'), type),
    h('label', { class: 'field' }, h('span', {}, 'Add alias'), alias),
    h('button', { type: 'submit' }, 'Save'),
  );
  return form;
}

function mergeForm(
  entity: EntityJson,
  scope: Scope,
  graph: GraphJson,
  shape: RouteShape,
  attempt: Attempt,
  changed: (id: string) => void,
) {
  const others = graph.nodes.filter((node) => node.id !== entity.id && node.type === entity.type);
  const pick = h(
    'select',
    { id: 'merge-other' },
    h('option', { value: '' }, 'choose…'),
    ...others.map((node) => h('option', { value: node.id }, node.text)),
  );
  return h(
    'form',
    {
      class: 'inline-form',
      onSubmit: (event: Event) => {
        event.preventDefault();
        const other = others.find((node) => node.id === pick.value);
        if (!other) return;
        void attempt(async () => {
          if (
            !(await confirmAction(
              `Fold “${other.text}” into “${entity.text}”? Its mentions, aliases and relationships move over.`,
              'Merge',
            ))
          )
            return;
          await correct(shape, 'POST', `/entities/${entity.id}/merge`, scope, {
            [mergeField(shape)]: other.id,
          });
          changed(entity.id);
        });
      },
    },
    h('label', { class: 'field' }, h('span', {}, `Merge into ${entity.text}`), pick),
    h('button', { type: 'submit' }, 'Merge'),
  );
}
