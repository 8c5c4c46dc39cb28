import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { writeBackup } from '../../src/adapters/postgres/backup/backup-writer.js';
import type { AddMemoryInput } from '../../src/services/memories/memory-inputs.js';
import type { BenchArgs, BenchOutcome } from '../support/bench-suite.js';
import { startEngramStack } from '../support/engram-stack.js';

const PEOPLE = ['Sarah', 'Leo', 'Maya', 'Tom Becker', 'Ana Lima', 'Priya', 'Jonas', 'Grace Kim'];
const PLACES = ['Boston', 'Seattle', 'Lisbon', 'Denver', 'Berlin', 'Portland', 'Osaka', 'Toronto'];
const ORGS = ['Google', 'Stripe', 'Microsoft', 'the city library', 'Acme Corp', 'a small bakery'];

/** A varied chat-like sentence with people, places and organisations. */
function sentence(i: number): string {
  const person = PEOPLE[i % PEOPLE.length];
  const place = PLACES[(i * 7) % PLACES.length];
  const org = ORGS[(i * 5) % ORGS.length];
  const forms = [
    `${person} lives in ${place} and works at ${org} (note ${i}).`,
    `Yesterday I met ${person} in ${place}; we talked about trip ${i}.`,
    `My friend ${person} joined ${org} last month, story ${i}.`,
    `Remember that ${person} likes tea number ${i} from ${place}.`,
  ];
  return forms[i % forms.length] as string;
}

async function seconds(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return (performance.now() - start) / 1000;
}

/** `engram bench lifecycle [--memories N]`: export and import of one user against `engram backup`. */
export default async function run(args: BenchArgs): Promise<BenchOutcome> {
  const total = Number(args.flags['memories'] ?? 10_000);
  const user = 'bench-user';
  const stack = await startEngramStack();
  const directory = await mkdtemp(path.join(os.tmpdir(), 'engram-bench-lifecycle-'));
  try {
    args.log(`lifecycle: adding ${total} memories`);
    for (let start = 0; start < total; start += 500) {
      const inputs: AddMemoryInput[] = [];
      for (let i = start; i < Math.min(total, start + 500); i += 1)
        inputs.push({
          content: sentence(i),
          scope: { tenant: 'default', userId: user, agentId: '' },
        });
      await stack.services.writer.addMany(inputs);
    }
    const backupFile = path.join(directory, 'backup.jsonl.gz');
    const exportFile = path.join(directory, 'export.jsonl');
    const backupSeconds = await seconds(() => writeBackup(stack.database.db, backupFile));
    args.log(`lifecycle: backup ${backupSeconds.toFixed(2)} s`);
    let lines = 0;
    const exportSeconds = await seconds(async () => {
      const out = createWriteStream(exportFile);
      for await (const line of stack.services.transfer.export({
        tenant: 'default',
        userId: user,
      })) {
        if (!out.write(line)) await once(out, 'drain');
        lines += 1;
      }
      out.end();
      await finished(out);
    });
    args.log(`lifecycle: export ${exportSeconds.toFixed(2)} s, ${lines} lines`);
    const forgetSeconds = await seconds(() =>
      stack.services.forgetting.forget('default', 'user', user),
    );
    args.log(`lifecycle: forget ${forgetSeconds.toFixed(2)} s`);
    const readLines = () =>
      createInterface({ input: createReadStream(exportFile), crlfDelay: Number.POSITIVE_INFINITY });
    let imported = { created: 0, unchanged: 0, failed: 0 };
    const importSeconds = await seconds(async () => {
      imported = await stack.services.transfer.import('default', readLines());
    });
    args.log(
      `lifecycle: import ${importSeconds.toFixed(2)} s (${imported.created} created, ${imported.failed} failed)`,
    );
    let again = { created: 0, unchanged: 0, failed: 0 };
    const reimportSeconds = await seconds(async () => {
      again = await stack.services.transfer.import('default', readLines());
    });
    const restored = await stack.store.memories.countSearchUnits();
    const vectors = await stack.vectors.count();
    const [backupBytes, exportBytes] = await Promise.all([stat(backupFile), stat(exportFile)]);
    const rate = (value: number) => Number((total / value).toFixed(0));
    const result = {
      suite: 'lifecycle',
      memories: total,
      exportLines: lines,
      backupSeconds: Number(backupSeconds.toFixed(2)),
      exportSeconds: Number(exportSeconds.toFixed(2)),
      forgetSeconds: Number(forgetSeconds.toFixed(2)),
      importSeconds: Number(importSeconds.toFixed(2)),
      reimportSeconds: Number(reimportSeconds.toFixed(2)),
      backupMemoriesPerSecond: rate(backupSeconds),
      exportMemoriesPerSecond: rate(exportSeconds),
      importMemoriesPerSecond: rate(importSeconds),
      exportToBackup: Number((exportSeconds / backupSeconds).toFixed(2)),
      backupBytes: backupBytes.size,
      exportBytes: exportBytes.size,
      imported: {
        created: imported.created,
        unchanged: imported.unchanged,
        failed: imported.failed,
      },
      reimported: { created: again.created, unchanged: again.unchanged, failed: again.failed },
      searchUnitsAfter: restored,
      vectorsAfter: vectors,
    };
    const markdown = [
      `${total} memories of one user (generated chat-like sentences, rules extraction, GloVe, in-memory PGlite, managed Chroma). Baseline: \`engram backup\` of the same database in the same run (it holds only this user). Import includes embedding and the Chroma upserts; forget includes the Chroma deletes.`,
      '',
      '| step | seconds | memories/s | file |',
      '|---|---|---|---|',
      `| \`engram backup\` (baseline, gzip) | ${result.backupSeconds} | ${result.backupMemoriesPerSecond} | ${(backupBytes.size / 1e6).toFixed(1)} MB |`,
      `| \`GET /export\` (JSON Lines) | ${result.exportSeconds} | ${result.exportMemoriesPerSecond} | ${(exportBytes.size / 1e6).toFixed(1)} MB |`,
      `| \`DELETE /users/{id}\` | ${result.forgetSeconds} | ${rate(forgetSeconds)} | |`,
      `| \`POST /import\` into the emptied scope | ${result.importSeconds} | ${result.importMemoriesPerSecond} | |`,
      `| \`POST /import\` again (no-op) | ${result.reimportSeconds} | ${rate(reimportSeconds)} | |`,
      '',
      `Export takes ${result.exportToBackup}× the time of the backup. After the import: ${restored} search units, ${vectors} vectors; re-import created ${again.created}, failed ${again.failed}.`,
      '',
    ].join('\n');
    return { result, markdown };
  } finally {
    await stack.close();
    await rm(directory, { recursive: true, force: true });
  }
}
