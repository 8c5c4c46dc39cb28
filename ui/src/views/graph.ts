import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { api } from '../api.js';
import { h, replace, status, when } from '../dom.js';
import { go } from '../router.js';
import { link, type Scope, scopeFrom, scopeLabel, scopeQuery } from '../scope.js';
import type { GraphJson } from '../types.js';
import { entityPanel } from './entity-panel.js';
import { graphStyle, TYPE_COLOURS } from './graph-style.js';

const LIMIT = 1000;

cytoscape.use(fcose);

declare global {
  interface Window {
    /** The graph of the open graph view, for tests and the curious (the console). */
    engramGraph?: Core | undefined;
  }
}

/** A scope's entity graph: force-directed, coloured by type, with a time slider and details. */
export async function graphView(root: HTMLElement, params: URLSearchParams): Promise<() => void> {
  const started = performance.now();
  const scope = scopeFrom(params);
  const { canvas, panel, note, toolbar } = shell(root, scope);
  const graph = await api<GraphJson>('/graph', { query: { ...scopeQuery(scope), limit: LIMIT } });
  if (graph.nodes.length === 0) {
    canvas.dataset['state'] = 'empty';
    replace(canvas, status('This scope has no entities yet.'));
    return () => {};
  }
  performance.mark('engram:graph-data');
  const cy = draw(canvas, graph);
  window.engramGraph = cy;
  const select = (id: string) => {
    cy.$(':selected').unselect();
    const node = cy.getElementById(id);
    node.select();
    cy.animate({ center: { eles: node } }, { duration: 200 });
    void entityPanel(panel, scope, id, graph, (survivor) =>
      go(link('graph', scope, { entity: survivor })),
    );
  };
  cy.on('tap', 'node', (event) => select(event.target.id()));
  cy.ready(() => markPainted(cy, canvas, started));
  replace(toolbar, finder(graph, select), timeSlider(graph, cy, scope), legend(graph));
  note.textContent = graph.truncated
    ? `Showing the ${graph.nodes.length} most mentioned of ${graph.total_entities} entities.`
    : `${graph.nodes.length} entities, ${graph.edges.length} relationships. Dashed: no longer true.`;
  const wanted = params.get('entity');
  if (wanted && cy.getElementById(wanted).nonempty()) select(wanted);
  return () => {
    cy.destroy();
    window.engramGraph = undefined;
  };
}

/** The view's fixed frame (toolbar, canvas, panel), drawn before the data arrives: no jumps. */
function shell(root: HTMLElement, scope: Scope) {
  const canvas = h('div', {
    id: 'graph',
    class: 'graph-canvas',
    'data-state': 'loading',
    role: 'img',
    'aria-label': `Entity graph of ${scopeLabel(scope)}`,
  });
  const panel = h(
    'aside',
    { class: 'panel', 'aria-live': 'polite' },
    status('Select an entity (click a node, or use Find) to see its facts and memories.'),
  );
  const note = h('p', { class: 'graph-note' });
  const toolbar = h('div', { class: 'graph-toolbar' });
  replace(
    root,
    h('h1', {}, 'Entity graph ', h('small', {}, scopeLabel(scope))),
    toolbar,
    h('div', { class: 'graph-layout' }, canvas, panel),
    note,
  );
  return { canvas, panel, note, toolbar };
}

/** Marks the first frame after the layout: `data-state="ready"` and the timings tests and bench read. */
function markPainted(cy: Core, canvas: HTMLElement, started: number) {
  performance.mark('engram:graph-laid-out');
  requestAnimationFrame(() => {
    canvas.dataset['state'] = 'ready';
    canvas.dataset['nodes'] = String(cy.nodes().length);
    canvas.dataset['edges'] = String(cy.edges().length);
    canvas.dataset['paintMs'] = String(Math.round(performance.now() - started));
    performance.mark('engram:graph-painted');
  });
}

function draw(container: HTMLElement, graph: GraphJson): Core {
  const maxMentions = Math.max(1, ...graph.nodes.map((node) => node.mention_count ?? 0));
  return cytoscape({
    container,
    elements: [
      ...graph.nodes.map((node) => ({
        group: 'nodes' as const,
        data: { id: node.id, label: node.text, type: node.type, mentions: node.mention_count ?? 0 },
      })),
      ...graph.edges.map((edge) => ({
        group: 'edges' as const,
        data: {
          id: edge.id,
          source: edge.source_entity_id,
          target: edge.target_entity_id,
          label: edge.relation_type.replaceAll('_', ' '),
          current: edge.current,
        },
        classes: edge.current ? '' : 'closed',
      })),
    ],
    style: graphStyle(maxMentions, graph.nodes.length > 300),
    // Laid out before the first render, so nothing is drawn twice.
    layout: layoutFor(graph.nodes.length),
    minZoom: 0.05,
    maxZoom: 4,
    selectionType: 'single',
    boxSelectionEnabled: false,
    textureOnViewport: graph.nodes.length > 300,
    pixelRatio: graph.nodes.length > 300 ? 1 : 'auto',
    hideEdgesOnViewport: graph.nodes.length > 300,
  });
}

/** Force-directed (fCoSE: a spectral start refined by forces); draft (spectral only) on large graphs. */
function layoutFor(nodes: number): cytoscape.LayoutOptions {
  return {
    name: 'fcose',
    quality: nodes > 400 ? 'draft' : 'default',
    animate: false,
    randomize: true,
    nodeRepulsion: () => 8000,
    idealEdgeLength: () => 70,
    nodeSeparation: 60,
    gravity: 0.3,
    // Packing components costs seconds at a thousand nodes (collection churn inside fcose).
    packComponents: nodes <= 300,
    padding: 24,
  } as cytoscape.LayoutOptions;
}

function finder(graph: GraphJson, select: (id: string) => void): HTMLElement {
  const byName = new Map(graph.nodes.map((node) => [`${node.text} (${node.type})`, node.id]));
  const input = h('input', {
    id: 'find-entity',
    list: 'entity-names',
    placeholder: 'Name…',
    autocomplete: 'off',
  });
  const choose = () => {
    const id = byName.get(input.value);
    if (id) select(id);
  };
  input.addEventListener('change', choose);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') choose();
  });
  return h(
    'label',
    { class: 'field finder' },
    h('span', {}, 'Find'),
    input,
    h(
      'datalist',
      { id: 'entity-names' },
      ...[...byName.keys()].sort().map((name) => h('option', { value: name })),
    ),
  );
}

function legend(graph: GraphJson): HTMLElement {
  const types = [...new Set(graph.nodes.map((node) => node.type))].sort();
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Entity types' },
    ...types.map((type) =>
      h(
        'li',
        {},
        h('span', { class: 'swatch', style: `background:${TYPE_COLOURS[type] ?? '#7d8597'}` }),
        type,
      ),
    ),
    h('li', {}, h('span', { class: 'line solid' }), 'current'),
    h('li', {}, h('span', { class: 'line dashed' }), 'closed'),
  );
}

/** A slider over the dates facts started and ended: the graph as it stood then. */
function timeSlider(graph: GraphJson, cy: Core, scope: Scope): HTMLElement {
  const times = [
    ...new Set(
      graph.edges
        .flatMap((edge) => [edge.valid_from, edge.valid_to])
        .filter((time): time is string => Boolean(time))
        .map((time) => Date.parse(time)),
    ),
  ].sort((a, b) => a - b);
  const label = h('output', { id: 'as-of-label', for: 'as-of' }, 'now');
  const slider = h('input', {
    id: 'as-of',
    type: 'range',
    min: 0,
    max: times.length,
    step: 1,
    value: times.length,
    'aria-valuetext': 'now',
  });
  slider.value = String(times.length);
  let timer: number | undefined;
  slider.addEventListener('input', () => {
    const index = Number(slider.value);
    const at = times[index];
    label.textContent = at === undefined ? 'now' : when(new Date(at).toISOString());
    slider.setAttribute('aria-valuetext', label.textContent);
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void showAt(cy, scope, at), 150);
  });
  return h('label', { class: 'field slider' }, h('span', {}, 'As of'), slider, label);
}

async function showAt(cy: Core, scope: Scope, at: number | undefined) {
  if (at === undefined) {
    cy.batch(() => {
      cy.elements().removeClass('hidden');
      cy.edges().forEach((edge) => {
        edge.toggleClass('closed', !edge.data('current'));
      });
    });
    return;
  }
  const asOf = new Date(at).toISOString();
  const then = await api<GraphJson>('/graph', {
    query: { ...scopeQuery(scope), limit: LIMIT, as_of: asOf },
  });
  const nodes = new Set(then.nodes.map((node) => node.id));
  const edges = new Map(then.edges.map((edge) => [edge.id, edge.current]));
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      node.toggleClass('hidden', !nodes.has(node.id()));
    });
    cy.edges().forEach((edge) => {
      const current = edges.get(edge.id());
      edge.toggleClass('hidden', current === undefined);
      if (current !== undefined) edge.toggleClass('closed', !current);
    });
  });
}
