import { ApiError } from './api.js';
import { h, replace, status } from './dom.js';
import { link, scopeFrom, scopeLabel } from './scope.js';
import { correctionsView } from './views/corrections.js';
import { graphView } from './views/graph.js';
import { healthView } from './views/health.js';
import { memoriesView } from './views/memories.js';
import { memoryView } from './views/memory.js';
import { scopesView } from './views/scopes.js';

type Cleanup = (() => void) | undefined;

const main = h('main', { id: 'main', tabindex: '-1' });
const nav = h('nav', { class: 'tabs', 'aria-label': 'Views' });
let cleanup: Cleanup;
let rendering = 0;

/** Shows the view the location's hash names. */
async function render(): Promise<void> {
  const turn = ++rendering;
  if (typeof cleanup === 'function') cleanup();
  cleanup = undefined;
  const [path = '', search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(search);
  const [view = 'scopes', id] = path.split('/');
  renderNav(view, params);
  document.body.dataset['view'] = view;
  main.dataset['state'] = 'loading';
  try {
    const done = await show(view, id, params);
    if (turn === rendering) cleanup = done;
    else if (typeof done === 'function') done();
  } catch (error) {
    if (turn !== rendering) return;
    replace(
      main,
      h('h1', {}, 'Something went wrong'),
      status(
        error instanceof ApiError ? `${error.code}: ${error.message}` : String(error),
        'error',
      ),
    );
  }
  if (turn === rendering) main.dataset['state'] = 'ready';
}

async function show(
  view: string,
  id: string | undefined,
  params: URLSearchParams,
): Promise<Cleanup> {
  switch (view) {
    case 'memories':
      await memoriesView(main, params);
      return undefined;
    case 'memory':
      await memoryView(main, params, id ?? '');
      return undefined;
    case 'graph':
      return graphView(main, params);
    case 'corrections':
      await correctionsView(main, params);
      return undefined;
    case 'health':
      await healthView(main);
      return undefined;
    default:
      await scopesView(main);
      return undefined;
  }
}

function renderNav(view: string, params: URLSearchParams) {
  const scope = scopeFrom(params);
  const scoped = Boolean(scope.user || scope.agent) || params.has('u') || view !== 'scopes';
  const tab = (name: string, label: string, href: string) =>
    h(
      'a',
      {
        href,
        'aria-current':
          view === name || (name === 'memories' && view === 'memory') ? 'page' : false,
      },
      label,
    );
  replace(
    nav,
    tab('scopes', 'Scopes', '#/scopes'),
    scoped && view !== 'health' ? tab('memories', 'Memories', link('memories', scope)) : null,
    scoped && view !== 'health' ? tab('graph', 'Graph', link('graph', scope)) : null,
    scoped && view !== 'health'
      ? tab('corrections', 'Corrections', link('corrections', scope))
      : null,
    tab('health', 'Health', '#/health'),
    scoped && view !== 'health' ? h('span', { class: 'scope-badge' }, scopeLabel(scope)) : null,
  );
}

function shell() {
  document.body.append(
    h(
      'a',
      {
        class: 'skip',
        href: '#main',
        onClick: (event: Event) => {
          event.preventDefault();
          main.focus();
        },
      },
      'Skip to content',
    ),
    h(
      'header',
      { class: 'top' },
      h(
        'a',
        { class: 'brand', href: '#/scopes', 'aria-label': 'Engram home' },
        h('img', { src: 'logo.svg', alt: '', width: 28, height: 28 }),
        h('span', {}, 'engram'),
      ),
      nav,
    ),
    main,
  );
  // "/" jumps to the search box where there is one, as in most search UIs.
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (event.key !== '/' || target?.closest('input, textarea, select')) return;
    const search = document.getElementById('search') ?? document.getElementById('find-entity');
    if (search) {
      event.preventDefault();
      search.focus();
    }
  });
  window.addEventListener('hashchange', () => void render());
}

shell();
void render();
