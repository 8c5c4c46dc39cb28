import path from 'node:path';
import { openLegacyChromaDirectory } from '../adapters/chroma/legacy-chroma-directory.js';
import { LegacyChromaSource } from '../adapters/chroma/legacy-chroma-source.js';
import { createContainer } from '../container.js';
import { AppError } from '../domain/errors.js';
import type { LegacySource } from '../ports/legacy-source.js';
import { type ImportReport, LegacyImport } from '../services/import/legacy-import.js';
import type { CommandContext } from './command-context.js';
import { CollectedFailures, JsonlFailureFile } from './import-failure-file.js';
import {
  IMPORT_LEGACY_USAGE,
  type ImportLegacyArgs,
  parseImportLegacyArgs,
} from './import-legacy-args.js';
import { importTable, verifyTable } from './import-report-table.js';
import { progressReporter } from './progress-reporter.js';

const SYSTEM_CLOCK = { now: () => new Date() };

interface OpenedSource {
  readonly source: LegacySource;
  readonly label: string;
  close(): Promise<void>;
}

/** `engram import-legacy`: imports (or dry-runs, or verifies) the legacy two-collection Chroma memory. */
export async function runImportLegacy(args: string[], context: CommandContext): Promise<number> {
  const { stderr } = context;
  const parsed = parseImportLegacyArgs(args);
  if (typeof parsed === 'string') {
    stderr.write(`import-legacy: ${parsed}\n${IMPORT_LEGACY_USAGE}`);
    return 2;
  }
  let opened: OpenedSource;
  try {
    opened = await openSource(parsed);
  } catch (error) {
    stderr.write(`import-legacy: cannot open the legacy store: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    const problem = await preflight(opened, parsed.collections);
    if (problem) {
      stderr.write(`import-legacy: ${problem}\n${IMPORT_LEGACY_USAGE}`);
      return 2;
    }
    if (parsed.dryRun) return await dryRun(opened.source, parsed, context);
    return await importOrVerify(opened.source, parsed, context);
  } finally {
    await opened.close();
  }
}

async function openSource(args: ImportLegacyArgs): Promise<OpenedSource> {
  if ('url' in args.source) {
    const { url } = args.source;
    return { source: new LegacyChromaSource({ url }), label: url, close: async () => {} };
  }
  const served = await openLegacyChromaDirectory(args.source.path);
  return {
    source: new LegacyChromaSource({ url: served.url }),
    label: path.resolve(args.source.path),
    close: () => served.close(),
  };
}

/** A message when the source cannot be read or lacks a requested collection. */
async function preflight(
  opened: OpenedSource,
  wanted: readonly string[],
): Promise<string | undefined> {
  let available: string[];
  try {
    available = await opened.source.collections();
  } catch (error) {
    return `cannot reach the legacy Chroma at ${opened.label}: ${(error as Error).message}`;
  }
  const missing = wanted.filter((name) => !available.includes(name));
  if (missing.length > 0) {
    return `collection ${missing.join(', ')} not found in ${opened.label} (it has: ${available.join(', ') || 'no collections'})`;
  }
  const unknown = wanted.filter((name) => name !== 'ephemeral' && name !== 'model_memory');
  if (unknown.length > 0) {
    return `collection ${unknown.join(', ')} is not a memory type (ephemeral, model_memory)`;
  }
  return undefined;
}

async function dryRun(
  source: LegacySource,
  args: ImportLegacyArgs,
  { stdout, stderr }: CommandContext,
): Promise<number> {
  const failures = new CollectedFailures();
  const service = new LegacyImport({ source, failures, clock: SYSTEM_CLOCK });
  const progress = progressReporter(stderr, 'dry run');
  const report = await service.run({
    ...runOptions(args),
    dryRun: true,
    onProgress: (at) => progress.update({ ...at, detail: at.collection }),
  });
  progress.finish();
  stdout.write(
    `dry run: nothing was written\n\n${importTable(report)}\n\n${describeSamples(report)}`,
  );
  const reasons = new Map<string, number>();
  for (const failure of failures.failures) {
    const reason = failure.reason.replace(/: .*$/, '');
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  for (const [reason, count] of reasons) stdout.write(`would fail: ${count} × ${reason}\n`);
  return 0;
}

async function importOrVerify(
  source: LegacySource,
  args: ImportLegacyArgs,
  { config, logger, stdout, stderr }: CommandContext,
): Promise<number> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const failures = new JsonlFailureFile(
    args.failures ?? path.join(config.dataDir, `import-failures-${stamp}.jsonl`),
  );
  const container = await createContainer(config, logger, {
    migrations: 'apply',
    reconcileEveryMs: 0,
  });
  try {
    const service = container.services.legacyImport(source, failures);
    let ok = true;
    if (!args.verify) {
      const progress = progressReporter(stderr, 'import');
      const report = await service.run({
        ...runOptions(args),
        dryRun: false,
        onProgress: (at) => progress.update({ ...at, detail: at.collection }),
      });
      progress.finish();
      await container.services.index.drain();
      stdout.write(`${importTable(report)}\n\n`);
      ok = report.ok;
    }
    const progress = progressReporter(stderr, 'verify');
    const verified = await service.verify({
      ...runOptions(args),
      onProgress: (at) => progress.update({ ...at, detail: at.collection }),
    });
    progress.finish();
    stdout.write(
      `verification (sha256 of each trimmed source document vs the stored text):\n${verifyTable(verified)}\n`,
    );
    if (failures.count > 0)
      stdout.write(`\n${failures.count} problems written to ${failures.file}\n`);
    return ok && verified.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof AppError) logger.debug({ err: error }, 'import-legacy failed');
    throw error;
  } finally {
    await container.close();
  }
}

function runOptions(args: ImportLegacyArgs) {
  return {
    collections: args.collections,
    batchSize: args.batchSize,
    defaultUserId: args.userId,
  };
}

function describeSamples(report: ImportReport): string {
  const lines = ['sample:'];
  for (const { key, mapping } of report.samples) {
    if (!mapping.ok) {
      lines.push(`  ${key}: would fail (${mapping.reason})`);
      continue;
    }
    const { input } = mapping;
    const text = input.content.length > 80 ? `${input.content.slice(0, 77)}...` : input.content;
    lines.push(
      `  ${key} -> ${input.memoryType}, user "${input.scope.userId}", agent "${input.scope.agentId}", session "${input.sessionId ?? ''}", created ${input.createdAt?.toISOString() ?? '(import time)'}`,
      `    ${JSON.stringify(text)}`,
      `    metadata keys: ${Object.keys(input.metadata ?? {}).join(', ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
