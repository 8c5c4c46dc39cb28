import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/adapters/chroma/free-port.js';
import { type DatabaseHandle, queryRows } from '../../src/adapters/postgres/database.js';
import { type ChromaServer, startChromaServer } from '../support/chroma-server.js';
import { TEST_EMBEDDINGS_CACHE, testEmbedder } from '../support/test-app.js';
import { createEmptyDatabase } from '../support/test-databases.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/engram.mjs');
const USERS = ['alice', 'bob'];
const PEOPLE = ['Sarah Lee', 'Tom Baker', 'Maria Garcia', 'David Chen'];
const CITIES = ['Lisbon', 'Berlin', 'Toronto', 'Nairobi'];
const TOPICS = ['new job', 'garden', 'wedding plans', 'marathon training', 'old car'];
const PER_REPLICA = 100;

interface Replica {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
}

interface Written {
  readonly id: string;
  readonly content: string;
  readonly userId: string;
  readonly via: string;
}

let database: DatabaseHandle;
// Its own Chroma: `engram serve` writes under the default collection prefix, and the test
// counts every vector on the server.
let chroma: ChromaServer;
const replicas: Replica[] = [];
const directories: string[] = [];
const written: Written[] = [];

/** Runs `engram ARGS` to completion with `env`; rejects with its output on a non-zero exit. */
async function engram(args: string[], env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`engram ${args.join(' ')} exited ${code}: ${output}`);
}

/** One `engram serve` on the shared PostgreSQL and Chroma, with its own DATA_DIR and port. */
async function startReplica(name: string): Promise<Replica> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `engram-replica-${name}-`));
  directories.push(dataDir);
  // Reuse the converted GloVe cache instead of converting the 307 MB JSON again.
  await mkdir(path.join(dataDir, 'embeddings'));
  await symlink(
    path.join(TEST_EMBEDDINGS_CACHE, 'glove-100d.bin'),
    path.join(dataDir, 'embeddings', 'glove-100d.bin'),
  );
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: database.location,
      CHROMA_URL: chroma.url,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // The reads below are all sent at once; the default in-flight cap (64) would shed some.
      MAX_IN_FLIGHT: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const replica = { name, url: `http://127.0.0.1:${port}`, child, output: () => output };
  replicas.push(replica);
  await waitUntilReady(replica);
  return replica;
}

async function waitUntilReady(replica: Replica): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (replica.child.exitCode !== null)
      throw new Error(`replica ${replica.name} exited: ${replica.output()}`);
    const response = await fetch(`${replica.url}/ready`).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`replica ${replica.name} not ready: ${replica.output()}`);
}

async function stopReplica(replica: Replica): Promise<void> {
  const { child } = replica;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function call<T>(replica: Replica, method: string, route: string, body?: unknown) {
  const response = await fetch(`${replica.url}${route}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** The i-th memory a replica writes: the same people and places from both replicas. */
function memoryBody(replica: string, index: number) {
  const person = PEOPLE[index % PEOPLE.length];
  const friend = PEOPLE[(index + 1) % PEOPLE.length];
  const city = CITIES[index % CITIES.length];
  const topic = TOPICS[index % TOPICS.length];
  return {
    content: `${person} told ${friend} about the ${topic} in ${city} on day ${index} of trip ${replica}.`,
    user_id: USERS[index % USERS.length] as string,
    metadata: { replica },
  };
}

/** Half the memories one by one (5 in flight), half in two batches, all at once. */
async function writeThrough(replica: Replica): Promise<Written[]> {
  const bodies = Array.from({ length: PER_REPLICA }, (_, index) => memoryBody(replica.name, index));
  const singles = bodies.filter((_, index) => index % 2 === 0);
  const batched = bodies.filter((_, index) => index % 2 === 1);
  const results: Written[] = [];
  const record = (id: string, body: ReturnType<typeof memoryBody>) =>
    results.push({ id, content: body.content, userId: body.user_id, via: replica.name });
  const lanes = Array.from({ length: 5 }, async (_, lane) => {
    for (let index = lane; index < singles.length; index += 5) {
      const body = singles[index] as ReturnType<typeof memoryBody>;
      const response = await call<{ memory: { id: string } }>(replica, 'POST', '/memories', body);
      if (response.status === 201) record(response.body.memory.id, body);
    }
  });
  const half = batched.length / 2;
  const batches = [batched.slice(0, half), batched.slice(half)].map(async (items) => {
    const response = await call<{ results: Array<{ status: string; memory?: { id: string } }> }>(
      replica,
      'POST',
      '/memories/batch',
      { items },
    );
    response.body.results?.forEach((result, index) => {
      if (result.status === 'created' && result.memory)
        record(result.memory.id, items[index] as ReturnType<typeof memoryBody>);
    });
  });
  await Promise.all([...lanes, ...batches]);
  return results;
}

beforeAll(async () => {
  await testEmbedder(); // make sure the shared GloVe cache exists before the replicas need it
  database = await createEmptyDatabase('postgres');
  await engram(['migrate', 'up'], { DATABASE_URL: database.location, LOG_LEVEL: 'warn' });
  chroma = await startChromaServer();
  const [a, b] = await Promise.all([startReplica('a'), startReplica('b')]);
  const results = await Promise.all([writeThrough(a as Replica), writeThrough(b as Replica)]);
  written.push(...results.flat());
}, 120_000);

afterAll(async () => {
  await Promise.all(replicas.map(stopReplica));
  await chroma?.stop();
  await database?.close();
  await Promise.all(directories.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('two engram serve replicas on one PostgreSQL and one Chroma', () => {
  it('accepts every concurrent write through either replica', () => {
    expect(written).toHaveLength(2 * PER_REPLICA);
    expect(new Set(written.map((memory) => memory.id)).size).toBe(2 * PER_REPLICA);
  });

  it('reads every memory from both replicas', async () => {
    for (const replica of replicas) {
      const statuses = await Promise.all(
        written.map(async (memory) => {
          const route = `/memories/${memory.id}?user_id=${memory.userId}`;
          const response = await call<{ memory: { content: string } }>(replica, 'GET', route);
          return response.status === 200 && response.body.memory.content === memory.content;
        }),
      );
      expect(statuses.filter((ok) => !ok)).toHaveLength(0);
    }
  });

  it('lists the same memories per user on both replicas', async () => {
    for (const userId of USERS) {
      const expected = written.filter((memory) => memory.userId === userId).map((m) => m.id);
      for (const replica of replicas) {
        const route = `/memories?user_id=${userId}&limit=500`;
        const response = await call<{ memories: Array<{ id: string }> }>(replica, 'GET', route);
        expect(response.body.memories.map((memory) => memory.id).sort()).toEqual(expected.sort());
      }
    }
  });

  it('keeps one entity per scope, type and name', async () => {
    const duplicates = await queryRows<{ normalized_name: string }>(
      database.db,
      sql`select normalized_name from entities
          group by user_id, agent_id, type, normalized_name having count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
  });

  it('resolves a person named through both replicas to the same entity', async () => {
    for (const userId of USERS) {
      const [fromA, fromB] = await Promise.all(
        replicas.map((replica) =>
          call<{ entities: Array<{ id: string }> }>(
            replica,
            'GET',
            `/entities?user_id=${userId}&name=${encodeURIComponent('Sarah Lee')}&type=PERSON`,
          ),
        ),
      );
      expect(fromA?.body.entities).toHaveLength(1);
      expect(fromB?.body.entities).toEqual(fromA?.body.entities);
      const [entity] = fromA?.body.entities ?? [];
      const mentionedVia = await queryRows<{ replica: string }>(
        database.db,
        sql`select distinct m.metadata->>'replica' as replica from memory_entities me
            join memories m on m.id = me.memory_id where me.entity_id = ${entity?.id}
            order by 1`,
      );
      expect(mentionedVia.map((row) => row.replica)).toEqual(['a', 'b']);
    }
  });

  it('finds writes from both replicas when searching through either', async () => {
    for (const searcher of replicas) {
      for (const source of replicas) {
        const sample = written.filter((memory) => memory.via === source.name).slice(0, 5);
        for (const memory of sample) {
          const response = await call<{ results: Array<{ memory: { id: string } }> }>(
            searcher,
            'POST',
            '/memories/search',
            { query: memory.content, user_id: memory.userId, top_k: 5 },
          );
          expect(response.body.results.map((result) => result.memory.id)).toContain(memory.id);
        }
      }
    }
  });

  it('leaves no outbox item pending and every memory in the vector index', async () => {
    for (const replica of replicas) {
      const response = await call<{
        checks: Record<string, { detail?: { pending?: number; vectors?: number } }>;
      }>(replica, 'GET', '/ready');
      expect(response.status).toBe(200);
      expect(response.body.checks['outbox']?.detail?.pending).toBe(0);
      expect(response.body.checks['vector_index']?.detail?.vectors).toBe(2 * PER_REPLICA);
    }
  });
});
