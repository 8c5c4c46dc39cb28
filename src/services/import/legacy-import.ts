import { createHash } from 'node:crypto';
import { contentHash } from '../../domain/content-hash.js';
import { AppError, InvalidInputError } from '../../domain/errors.js';
import type { MemoryType } from '../../domain/memory.js';
import type { Scope } from '../../domain/scope.js';
import type { Clock } from '../../ports/clock.js';
import type { ImportFailureLog } from '../../ports/import-failure-log.js';
import type { LegacyRecord, LegacySource } from '../../ports/legacy-source.js';
import type { MemoryRepository } from '../../ports/memory-repository.js';
import type { MemoryWriter } from '../memories/memory-writer.js';
import { isMemoryType, type LegacyMapping, mapLegacyRecord } from './legacy-record-mapping.js';

export interface LegacyImportDeps {
  readonly source: LegacySource;
  readonly failures: ImportFailureLog;
  readonly clock: Clock;
  /** Where memories go; not needed for dry runs. */
  readonly writer?: Pick<MemoryWriter, 'addMany'>;
  /** Reads stored memories back; needed by `verify`. */
  readonly lookup?: Pick<MemoryRepository, 'findByMigratedFrom' | 'findByHashes'>;
}

export interface ImportProgress {
  readonly collection: string;
  /** Records of all selected collections handled so far, and their total at the start. */
  readonly processed: number;
  readonly total: number;
}

export interface ImportOptions {
  readonly collections: readonly string[];
  readonly batchSize: number;
  readonly dryRun: boolean;
  readonly defaultUserId: string;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Dry runs: how many mapped records to return per collection (default 3). */
  readonly samples?: number;
}

/** Per collection: `source` = imported + alreadyPresent + merged + failed once a run completes. */
export interface CollectionImportReport {
  readonly collection: string;
  source: number;
  /** Created by this run (dry run: would be imported or already present). */
  imported: number;
  /** Imported by an earlier run (same `migrated_from`). */
  alreadyPresent: number;
  /** Same text as a memory already stored in the same scope and type: not stored twice. */
  merged: number;
  failed: number;
}

export interface ImportSample {
  readonly key: string;
  readonly mapping: LegacyMapping;
}

export interface ImportReport {
  readonly dryRun: boolean;
  readonly collections: CollectionImportReport[];
  readonly samples: ImportSample[];
  /** True when no record failed. */
  readonly ok: boolean;
}

/** Per collection: every source record is exactly one of the counted outcomes. */
export interface CollectionVerifyReport {
  readonly collection: string;
  source: number;
  /** Stored under its `migrated_from` with the same sha256 of the (trimmed) text. */
  verified: number;
  /** Not stored itself; a memory with the same normalised text holds it. */
  merged: number;
  /** Refused by the import rules (listed in the import's failure file). */
  rejected: number;
  missing: number;
  mismatched: number;
}

export interface VerifyReport {
  readonly collections: CollectionVerifyReport[];
  /** True when nothing is missing or mismatched. */
  readonly ok: boolean;
}

/** The spec's migrate_memories: copies a legacy Chroma memory into Engram, resumably, and checks it. */
export class LegacyImport {
  readonly #deps: LegacyImportDeps;

  constructor(deps: LegacyImportDeps) {
    this.#deps = deps;
  }

  /** Imports (or, with `dryRun`, only reads and maps) every record of the collections. */
  async run(options: ImportOptions): Promise<ImportReport> {
    const memories = this.#deps.writer;
    if (!options.dryRun && !memories)
      throw new InvalidInputError('no memory service to import into');
    const migratedAt = this.#deps.clock.now();
    const samples: ImportSample[] = [];
    const pending: Array<{
      mapping: Extract<LegacyMapping, { ok: true }>;
      record: LegacyRecord;
      report: CollectionImportReport;
    }> = [];
    const flush = async () => {
      const batch = pending.splice(0);
      if (batch.length > 0 && memories) await this.#addBatch(memories, batch);
    };
    const reports = await this.#walk(
      options,
      async (collection, record, report) => {
        const mapping = mapLegacyRecord(collection, record, {
          defaultUserId: options.defaultUserId,
          migratedAt,
        });
        if (
          options.dryRun &&
          samples.filter((s) => s.key.startsWith(`${collection}/`)).length < (options.samples ?? 3)
        ) {
          samples.push({ key: mapping.key, mapping });
        }
        if (!mapping.ok) return this.#fail(report, record, mapping.reason);
        if (options.dryRun || !memories) {
          report.imported += 1;
          return;
        }
        pending.push({ mapping, record, report });
      },
      flush,
    );
    const ok = reports.every((report) => report.failed === 0);
    return { dryRun: options.dryRun, collections: reports, samples, ok };
  }

  /** Checks every source record against what is stored: sha256 of the text, memory type, presence. */
  async verify(options: Omit<ImportOptions, 'dryRun'>): Promise<VerifyReport> {
    const lookup = this.#deps.lookup;
    if (!lookup) throw new InvalidInputError('no memory store to verify against');
    const migratedAt = this.#deps.clock.now();
    const reports: CollectionVerifyReport[] = [];
    await this.#walk({ ...options, dryRun: true }, async (collection, record, counts) => {
      let report = reports.find((r) => r.collection === collection);
      if (!report) {
        report = {
          collection,
          source: 0,
          verified: 0,
          merged: 0,
          rejected: 0,
          missing: 0,
          mismatched: 0,
        };
        reports.push(report);
      }
      report.source = counts.source;
      const mapping = mapLegacyRecord(collection, record, {
        defaultUserId: options.defaultUserId,
        migratedAt,
      });
      if (!mapping.ok) {
        report.rejected += 1;
        return;
      }
      const outcome = await verifyOne(lookup, mapping.input, collection);
      report[outcome] += 1;
      if (outcome === 'missing' || outcome === 'mismatched') {
        await this.#deps.failures.record({
          collection,
          id: record.id,
          reason: `verify: ${outcome}`,
        });
      }
    });
    const ok = reports.every((report) => report.missing === 0 && report.mismatched === 0);
    return { collections: reports, ok };
  }

  /** Adds one page's records in one batch (one transaction, one embedding call). */
  async #addBatch(
    memories: Pick<MemoryWriter, 'addMany'>,
    batch: ReadonlyArray<{
      mapping: Extract<LegacyMapping, { ok: true }>;
      record: LegacyRecord;
      report: CollectionImportReport;
    }>,
  ): Promise<void> {
    const results = await memories.addMany(batch.map((item) => item.mapping.input));
    for (const [index, { mapping, record, report }] of batch.entries()) {
      const result = results[index];
      if (result instanceof AppError || result === undefined) {
        if (result === undefined || result.code === 'invalid_input') {
          await this.#fail(report, record, result?.message ?? 'not processed');
          continue;
        }
        throw result;
      }
      if (result.created) report.imported += 1;
      else if (result.memory.migratedFrom === mapping.key) report.alreadyPresent += 1;
      else report.merged += 1;
    }
  }

  async #fail(report: CollectionImportReport, record: LegacyRecord, reason: string): Promise<void> {
    report.failed += 1;
    await this.#deps.failures.record({ collection: report.collection, id: record.id, reason });
  }

  /** Counts every collection first (for progress), then visits every record page by page. */
  async #walk(
    options: ImportOptions,
    visit: (
      collection: MemoryType,
      record: LegacyRecord,
      report: CollectionImportReport,
    ) => Promise<void>,
    afterPage: () => Promise<void> = async () => {},
  ): Promise<CollectionImportReport[]> {
    const { source } = this.#deps;
    const reports: CollectionImportReport[] = [];
    for (const collection of options.collections) {
      if (!isMemoryType(collection)) {
        throw new InvalidInputError(
          `collection ${collection} is not a memory type (ephemeral, model_memory)`,
        );
      }
      const count = await source.count(collection);
      reports.push({
        collection,
        source: count,
        imported: 0,
        alreadyPresent: 0,
        merged: 0,
        failed: 0,
      });
    }
    const total = reports.reduce((sum, report) => sum + report.source, 0);
    let processed = 0;
    for (const report of reports) {
      const collection = report.collection as MemoryType;
      let seen = 0;
      for (let offset = 0; ; offset += options.batchSize) {
        const page = await source.page(collection, offset, options.batchSize);
        // A page is added as one batch in page order, so which duplicate is stored and which is
        // merged stays fixed from run to run.
        for (const record of page) await visit(collection, record, report);
        await afterPage();
        seen += page.length;
        processed += page.length;
        options.onProgress?.({ collection, processed, total });
        if (page.length < options.batchSize) break;
      }
      report.source = seen; // the records actually read (equals the count unless the source changed)
    }
    return reports;
  }
}

async function verifyOne(
  lookup: Pick<MemoryRepository, 'findByMigratedFrom' | 'findByHashes'>,
  input: { content: string; migratedFrom?: string; scope: Scope },
  collection: MemoryType,
): Promise<'verified' | 'merged' | 'missing' | 'mismatched'> {
  const stored = input.migratedFrom
    ? await lookup.findByMigratedFrom(input.migratedFrom)
    : undefined;
  if (stored) {
    const same =
      sha256(stored.content) === sha256(input.content) && stored.memoryType === collection;
    return same ? 'verified' : 'mismatched';
  }
  const hash = contentHash(input.content);
  const [holder] = await lookup.findByHashes([
    { scope: input.scope, memoryType: collection, contentHash: hash },
  ]);
  return holder && contentHash(holder.content) === hash ? 'merged' : 'missing';
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
