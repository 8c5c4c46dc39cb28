import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { EngramClient } from 'engram-client';
import type { BenchSuite } from '../support/bench-suite.js';
import { ChatGenerator, type ChatMemory } from '../support/chat-generator.js';
import { type EngramProcess, startEngramProcess } from '../support/engram-process.js';
import { round } from '../support/recall-table.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/engram.mjs');

type Way = 'http' | 'client' | 'mcp_http' | 'mcp_stdio';
type Search = (question: ChatMemory) => Promise<unknown>;

/**
 * `engram bench mcp`: one search as an MCP `search_memory` tool call (over Streamable HTTP at
 * /mcp, and over stdio through `engram mcp`) against the same search as a plain POST
 * /memories/search (the baseline) and through engram-client, in the same run on one server.
 */
const mcp: BenchSuite = async ({ flags, log }) => {
  const n = Number(flags['n'] ?? 2000);
  const queries = Number(flags['queries'] ?? 200);
  const generator = new ChatGenerator(20);
  const prefix = flags['url'] ? `bench-mcp-${Date.now()}-` : '';
  const scoped = (memory: ChatMemory) => ({ ...memory, userId: `${prefix}${memory.userId}` });
  const memories = Array.from({ length: n }, (_, index) => scoped(generator.memory(index)));
  const questions = Array.from({ length: queries }, () => scoped(generator.question()));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'engram-bench-mcp-'));
  // --url: measure against a server already running (on a loaded machine, start-up can time out).
  const server: EngramProcess = flags['url']
    ? { url: flags['url'], pid: 0, output: () => '', stop: async () => {} }
    : await startEngramProcess(dataDir);
  const clients: Client[] = [];
  try {
    log(`mcp: engram serve at ${server.url}; adding ${n} memories`);
    await seed(server, memories);
    const ways = await searchWays(server, clients);
    log(`mcp: ${queries} searches each way, interleaved`);
    const latencies = await measure(ways, questions);
    const stats = Object.fromEntries(
      Object.entries(latencies).map(([way, values]) => [way, summary(values)]),
    ) as Record<Way, ReturnType<typeof summary>>;
    const overhead = (way: Way) => ({
      p50_ms: round(stats[way].p50 - stats.http.p50),
      ratio_p50: round(stats[way].p50 / stats.http.p50),
    });
    const result = {
      suite: 'mcp',
      n,
      queries,
      search_ms: stats,
      overhead_vs_http: {
        client: overhead('client'),
        mcp_http: overhead('mcp_http'),
        mcp_stdio: overhead('mcp_stdio'),
      },
    };
    return { result, markdown: markdown(n, queries, stats) };
  } catch (error) {
    log(`mcp: engram serve output:\n${server.output()}`);
    throw error;
  } finally {
    await Promise.all(clients.map((client) => client.close()));
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
};

async function seed(server: EngramProcess, memories: ChatMemory[]): Promise<void> {
  const client = new EngramClient({ baseUrl: server.url, timeoutMs: 300_000 });
  for (let start = 0; start < memories.length; start += 500) {
    const items = memories
      .slice(start, start + 500)
      .map((memory) => ({ content: memory.content, user_id: memory.userId }));
    await client.addMemories(items);
  }
}

/** The four ways to run one search, each already connected and warmed up. */
async function searchWays(server: EngramProcess, clients: Client[]): Promise<Record<Way, Search>> {
  const body = (question: ChatMemory) => ({ query: question.content, user_id: question.userId });
  const engram = new EngramClient({ baseUrl: server.url });
  const overHttp = await connected(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
  const overStdio = await connected(
    new StdioClientTransport({
      command: process.execPath,
      args: [BIN, 'mcp'],
      env: { PATH: process.env['PATH'] ?? '', ENGRAM_URL: server.url },
      stderr: 'ignore',
    }),
  );
  clients.push(overHttp, overStdio);
  const tool = (client: Client) => async (question: ChatMemory) => {
    const answer = await client.callTool({ name: 'search_memory', arguments: body(question) });
    if (answer.isError) throw new Error(`search_memory failed: ${JSON.stringify(answer.content)}`);
  };
  return {
    http: async (question) => {
      const response = await fetch(`${server.url}/memories/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body(question)),
      });
      await response.json();
    },
    client: (question) => engram.searchMemories(body(question)),
    mcp_http: tool(overHttp),
    mcp_stdio: tool(overStdio),
  };
}

async function connected(transport: StreamableHTTPClientTransport | StdioClientTransport) {
  const client = new Client({ name: 'engram-bench', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

/** Runs every question every way, rotating the order so drift hits all ways alike. */
async function measure(ways: Record<Way, Search>, questions: ChatMemory[]) {
  const names = Object.keys(ways) as Way[];
  for (const question of questions.slice(0, 10))
    for (const name of names) await ways[name](question);
  const latencies = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
    Way,
    number[]
  >;
  for (const [index, question] of questions.entries()) {
    for (let offset = 0; offset < names.length; offset += 1) {
      const name = names[(index + offset) % names.length] as Way;
      const started = performance.now();
      await ways[name](question);
      latencies[name].push(performance.now() - started);
    }
  }
  return latencies;
}

function summary(values: number[]) {
  const sorted = [...values].sort((left, right) => left - right);
  const at = (q: number) =>
    round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN);
  return {
    p50: at(0.5),
    p95: at(0.95),
    mean: round(values.reduce((sum, value) => sum + value, 0) / values.length),
  };
}

function markdown(
  n: number,
  queries: number,
  stats: Record<Way, ReturnType<typeof summary>>,
): string {
  const row = (label: string, way: Way) => {
    const s = stats[way];
    const extra =
      way === 'http'
        ? 'baseline'
        : `${signed(s.p50 - stats.http.p50)} ms (${(s.p50 / stats.http.p50).toFixed(2)}×)`;
    return `| ${label} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.mean.toFixed(1)} | ${extra} |`;
  };
  return [
    `One scoped search (top 5) against one \`engram serve\` (PGlite, managed Chroma, GloVe) holding ${n} generated chat memories over 20 users; ${queries} queries, each run all four ways in rotating order.`,
    '',
    '| way | p50 ms | p95 ms | mean ms | p50 overhead vs plain HTTP |',
    '|---|---|---|---|---|',
    row('plain HTTP: POST /memories/search (fetch)', 'http'),
    row('engram-client searchMemories', 'client'),
    row(
      'MCP search_memory over Streamable HTTP at /mcp (stateless: a server per request, tools call the routes in-process)',
      'mcp_http',
    ),
    row('MCP search_memory over stdio (`engram mcp` child, then HTTP to the server)', 'mcp_stdio'),
    '',
    'The MCP calls return the same search as text plus structured content. Over /mcp each request builds an MCP server and its tools call POST /memories/search through `inject()`; over stdio the child adds one loopback hop. On a shared 2-core machine p50 differences of a few ms are noise.',
  ].join('\n');
}

/** `+1.5` / `-0.4`: a difference to one decimal with its sign. */
function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;
}

export default mcp;
