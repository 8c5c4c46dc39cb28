import { api, apiText } from '../api.js';
import { h, replace, status } from '../dom.js';

interface Ready {
  ready: boolean;
  checks: Record<string, { ok: boolean; detail?: unknown }>;
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Readiness of each component, outbox and index sizes, and recent figures from /metrics. */
export async function healthView(root: HTMLElement): Promise<void> {
  replace(root, h('h1', {}, 'Health'), status('Loading…'));
  const [ready, metrics] = await Promise.all([
    api<Ready>('/ready').catch((error: unknown) => {
      // /ready answers 503 with the same body when a component is down.
      if (error && typeof error === 'object' && 'status' in error)
        return { ready: false, checks: {} };
      throw error;
    }),
    apiText('/metrics').then(parseMetrics),
  ]);
  const gauge = (name: string) => metrics.find((sample) => sample.name === name)?.value;
  replace(
    root,
    h('h1', {}, 'Health'),
    h(
      'p',
      { class: `badge ${ready.ready ? 'ok' : 'bad'}`, role: 'status' },
      ready.ready ? 'Ready' : 'Not ready',
    ),
    h(
      'dl',
      { class: 'figures' },
      figure('Outbox pending', gauge('outbox_pending')),
      figure('Vectors in index', gauge('vector_index_size')),
    ),
    h('h2', {}, 'Components'),
    h(
      'ul',
      { class: 'checks' },
      ...Object.entries(ready.checks).map(([name, check]) =>
        h(
          'li',
          { class: check.ok ? 'ok' : 'bad' },
          h('strong', {}, name),
          ` ${check.ok ? 'ok' : 'failing'}`,
          check.detail === undefined ? null : h('code', {}, JSON.stringify(check.detail)),
        ),
      ),
    ),
    h('h2', {}, 'Operations since start'),
    operationsTable(metrics),
    h('h2', {}, 'HTTP routes since start'),
    routesTable(metrics),
  );
}

function figure(label: string, value: number | undefined) {
  return h(
    'div',
    {},
    h('dt', {}, label),
    h('dd', {}, value === undefined ? '—' : value.toLocaleString()),
  );
}

function operationsTable(metrics: readonly Sample[]) {
  const rows = metrics
    .filter((sample) => sample.name === 'memory_operations_total' && sample.value > 0)
    .sort((a, b) => b.value - a.value);
  if (rows.length === 0) return status('No memory operations yet.');
  return table(
    ['Operation', 'Count'],
    rows.map((sample) => [sample.labels['operation_type'] ?? '', sample.value.toLocaleString()]),
  );
}

function routesTable(metrics: readonly Sample[]) {
  const key = (sample: Sample) =>
    `${sample.labels['method']} ${sample.labels['route']} ${sample.labels['status_code']}`;
  const sums = new Map(
    metrics
      .filter((sample) => sample.name === 'http_request_duration_seconds_sum')
      .map((sample) => [key(sample), sample.value]),
  );
  const rows = metrics
    .filter(
      (sample) =>
        sample.name === 'http_request_duration_seconds_count' &&
        sample.value > 0 &&
        !(sample.labels['route'] ?? '').startsWith('/ui'),
    )
    .sort((a, b) => b.value - a.value)
    .slice(0, 25)
    .map((sample) => {
      const mean = ((sums.get(key(sample)) ?? 0) / sample.value) * 1000;
      return [
        `${sample.labels['method']} ${sample.labels['route']}`,
        sample.labels['status_code'] ?? '',
        sample.value.toLocaleString(),
        `${mean.toFixed(1)} ms`,
      ];
    });
  if (rows.length === 0) return status('No requests yet.');
  return table(['Route', 'Status', 'Requests', 'Mean'], rows);
}

function table(titles: string[], rows: string[][]) {
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...titles.map((title) => h('th', { scope: 'col' }, title)))),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h('tr', {}, ...row.map((cell, index) => h('td', { 'data-label': titles[index] }, cell))),
      ),
    ),
  );
}

/** Samples of the Prometheus text format (comments skipped). */
export function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match || line.startsWith('#')) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[pair[1] ?? ''] = pair[2] ?? '';
    samples.push({ name: match[1] ?? '', labels, value: Number(match[3]) });
  }
  return samples;
}
