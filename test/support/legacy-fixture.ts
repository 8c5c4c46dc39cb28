import { createHash } from 'node:crypto';
import { ChromaClient, type Collection } from 'chromadb';

/** What the import should do with a fixture record. */
export type LegacyExpectation = 'imported' | 'merged' | 'failed';

export interface LegacyFixtureRecord {
  readonly collection: 'ephemeral' | 'model_memory';
  readonly id: string;
  readonly document: string | null;
  readonly metadata: Record<string, string | number | boolean> | null;
  readonly expected: LegacyExpectation;
}

export interface LegacyFixture {
  readonly records: readonly LegacyFixtureRecord[];
  /** Records per collection and expectation. */
  count(collection: string, expected?: LegacyExpectation): number;
}

const NAMES = [
  'John Smith',
  'Maria Garcia',
  'Sarah Chen',
  'Ingrid Olsen',
  'Zoë Dubois',
  'Kenji Tanaka',
  'Amara Okafor',
  'Luis Fernández',
];
const CITIES = ['Seattle', 'Paris', 'Berlin', 'Tokyo', 'Montréal', 'Bergen', 'Lagos', 'São Paulo'];
const ORGS = ['Microsoft', 'Google', 'Siemens', 'Toyota', 'Acme Corporation', 'the Red Cross'];
const UNICODE = [
  '🎉 so happy!',
  '東京で友達に会った',
  'crème brûlée à Montréal',
  'Привет из Москвы',
  'naïve café ☕',
  '🙂👍🏽 ok',
];
const TEMPLATES = [
  (n: string, c: string, o: string) => `${n} works for ${o} in ${c}.`,
  (n: string, c: string) => `I met ${n} in ${c} last week and we talked about hiking.`,
  (n: string, c: string, o: string) => `${n} moved to ${c} to join ${o}.`,
  (n: string) => `My sister is ${n}; she loves jazz and old films.`,
  (_n: string, c: string) => `Remember that the user prefers window seats when flying to ${c}.`,
];
const BASE_TIME = Date.UTC(2023, 0, 1);
const DAY = 86_400_000;

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A uuid-looking id, as the old service made with uuid4. */
function legacyId(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** A timestamp in one of the shapes legacy metadata used: ISO string, epoch seconds, epoch ms. */
function timestamp(index: number, next: () => number): Record<string, string | number> {
  const millis = BASE_TIME + index * DAY + Math.floor(next() * DAY);
  switch (index % 4) {
    case 0:
      return { timestamp: new Date(millis).toISOString() };
    case 1:
      return { timestamp: Math.floor(millis / 1000) };
    case 2:
      return { created_at: millis };
    default:
      return { date: new Date(millis).toISOString().slice(0, 10) };
  }
}

/** Ordinary one-chunk memories with mixed metadata, scopes and unicode. */
function plainRecords(collection: LegacyFixtureRecord['collection'], n: number, seed: number) {
  const next = random(seed);
  const records: LegacyFixtureRecord[] = [];
  for (let index = 0; index < n; index += 1) {
    const template = pick(TEMPLATES, next);
    let text = `${template(pick(NAMES, next), pick(CITIES, next), pick(ORGS, next))} (note ${index} of ${collection})`;
    if (index % 7 === 0) text = `${text} ${pick(UNICODE, next)}`;
    if (index % 11 === 0) text = `  ${text}\n`; // the old service stored untrimmed text
    const metadata: Record<string, string | number | boolean> = {
      ...timestamp(index, next),
      source: index % 2 === 0 ? 'chat' : 'api',
      importance: Math.round(next() * 100) / 100,
      turn: index % 13,
      pinned: index % 5 === 0,
    };
    if (index % 3 === 0) metadata['user_id'] = `user-${index % 4}`;
    if (index % 9 === 0) metadata['userId'] = `user-${index % 4}`;
    if (index % 6 === 0) metadata['session_id'] = `session-${index % 10}`;
    if (index % 17 === 0) metadata['agent_id'] = 'assistant';
    if (index % 10 === 0) metadata['context'] = JSON.stringify({ mood: 'calm', tags: ['x', 'y'] });
    records.push({
      collection,
      id: legacyId(`${collection}-${seed}-${index}`),
      document: text,
      metadata,
      expected: 'imported',
    });
  }
  return records;
}

/** Long memories the old service split into chunks: one record per chunk with parent/chunk info. */
function chunkedRecords(
  collection: LegacyFixtureRecord['collection'],
  memories: number,
  seed: number,
) {
  const next = random(seed);
  const records: LegacyFixtureRecord[] = [];
  for (let memory = 0; memory < memories; memory += 1) {
    const parent = legacyId(`${collection}-parent-${seed}-${memory}`);
    const total = 2 + (memory % 3);
    for (let chunk = 0; chunk < total; chunk += 1) {
      const sentences = Array.from(
        { length: 6 },
        (_, s) =>
          `${pick(TEMPLATES, next)(pick(NAMES, next), pick(CITIES, next), pick(ORGS, next))} Part ${chunk}.${s} of long memory ${memory}.`,
      );
      records.push({
        collection,
        id: `${parent}_chunk_${chunk}`,
        document: sentences.join(' '),
        metadata: {
          parent_id: parent,
          chunk_index: chunk,
          total_chunks: total,
          timestamp: new Date(BASE_TIME + memory * DAY).toISOString(),
          source: 'document',
        },
        expected: 'imported',
      });
    }
  }
  return records;
}

/** Records the import must refuse or merge, each kind once per collection. */
function awkwardRecords(collection: LegacyFixtureRecord['collection']): LegacyFixtureRecord[] {
  const id = (kind: string) => legacyId(`${collection}-awkward-${kind}`);
  const duplicate = `The user's favourite colour is teal (${collection}).`;
  return [
    {
      collection,
      id: id('empty'),
      document: '',
      metadata: { timestamp: 1_700_000_000 },
      expected: 'failed',
    },
    { collection, id: id('blank'), document: '   \n\t ', metadata: null, expected: 'failed' },
    {
      collection,
      id: id('oversize'),
      document: 'a long line of words '.repeat(5000),
      metadata: { source: 'paste' },
      expected: 'failed',
    },
    {
      collection,
      id: id('bad-time'),
      document: `Dinner with Ingrid in Bergen (${collection}).`,
      metadata: { timestamp: 'sometime last spring' },
      expected: 'failed',
    },
    {
      collection,
      id: id('bad-user'),
      document: `Lunch with Kenji in Tokyo (${collection}).`,
      metadata: { user_id: true },
      expected: 'failed',
    },
    {
      collection,
      id: id('dup-1'),
      document: duplicate,
      metadata: { user_id: 'dup-user', timestamp: 1_700_000_100 },
      expected: 'imported',
    },
    {
      collection,
      id: id('dup-2'),
      document: duplicate,
      metadata: { user_id: 'dup-user', timestamp: 1_700_000_200 },
      expected: 'merged',
    },
    {
      collection,
      id: id('dup-other-user'),
      document: duplicate,
      metadata: { user_id: 'someone-else' },
      expected: 'imported',
    },
    {
      collection,
      id: id('no-metadata'),
      document: `Amara Okafor lives in Lagos (${collection}).`,
      metadata: null,
      expected: 'imported',
    },
  ];
}

/** The records of a fixture of about `size` records, split 65/35 between the collections. */
export function legacyFixtureRecords(size: number, seed = 1): LegacyFixtureRecord[] {
  const records: LegacyFixtureRecord[] = [];
  for (const [collection, share] of [
    ['ephemeral', 0.65],
    ['model_memory', 0.35],
  ] as const) {
    const target = Math.round(size * share);
    const chunkMemories = Math.max(1, Math.round(target / 100));
    const awkward = awkwardRecords(collection);
    const chunks = chunkedRecords(collection, chunkMemories, seed + 7);
    const plain = plainRecords(
      collection,
      Math.max(0, target - awkward.length - chunks.length),
      seed,
    );
    // Interleaved as a live service would have written them.
    records.push(
      ...plain.slice(0, plain.length / 2),
      ...chunks,
      ...awkward,
      ...plain.slice(plain.length / 2),
    );
  }
  return records;
}

/** Writes records into a Chroma server the way the old ChromaService did (one collection per memory type). */
export async function writeLegacyStore(
  url: string,
  records: readonly LegacyFixtureRecord[],
): Promise<LegacyFixture> {
  const { hostname, port } = new URL(url);
  const client = new ChromaClient({ host: hostname, port: Number(port) });
  const next = random(99);
  const collections = new Map<string, Collection>();
  for (const name of ['ephemeral', 'model_memory']) {
    collections.set(
      name,
      await client.getOrCreateCollection({
        name,
        embeddingFunction: null,
        configuration: { hnsw: { space: 'cosine' } },
      }),
    );
  }
  for (let start = 0; start < records.length; start += 500) {
    for (const [name, collection] of collections) {
      const batch = records
        .slice(start, start + 500)
        .filter((record) => record.collection === name);
      if (batch.length === 0) continue;
      await collection.add({
        ids: batch.map((record) => record.id),
        documents: batch.map((record) => record.document ?? ''),
        metadatas: batch.map((record) => record.metadata ?? (null as never)),
        embeddings: batch.map(() => Array.from({ length: 16 }, () => next() - 0.5)),
      });
    }
  }
  return {
    records,
    count: (collection, expected) =>
      records.filter(
        (record) => record.collection === collection && (!expected || record.expected === expected),
      ).length,
  };
}

/** Builds and writes a fixture of about `size` records. */
export async function buildLegacyStore(
  url: string,
  size: number,
  seed = 1,
): Promise<LegacyFixture> {
  return writeLegacyStore(url, legacyFixtureRecords(size, seed));
}

/** Every id, document and metadata of both collections, in a canonical order (to prove the source unchanged). */
export async function dumpLegacyStore(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  const client = new ChromaClient({ host: hostname, port: Number(port) });
  const lines: string[] = [];
  for (const collection of await client.listCollections()) {
    const result = await collection.get({ include: ['documents', 'metadatas', 'embeddings'] });
    result.ids.forEach((id, index) => {
      const metadata = result.metadatas[index];
      const sorted = metadata
        ? Object.fromEntries(Object.entries(metadata).sort(([a], [b]) => a.localeCompare(b)))
        : null;
      lines.push(
        JSON.stringify([
          collection.name,
          id,
          result.documents[index],
          sorted,
          result.embeddings[index],
        ]),
      );
    });
  }
  return lines.sort().join('\n');
}
