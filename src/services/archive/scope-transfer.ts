import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type ArchiveOutcome,
  type ArchiveRecord,
} from '../../domain/archive.js';
import { parseArchiveHeader, parseArchiveLine } from '../../domain/archive-line.js';
import { AppError, InvalidInputError } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import type { ArchiveSelection, ScopeArchive } from '../../ports/scope-archive.js';
import type { Store } from '../../ports/store.js';
import { NO_TELEMETRY, type Telemetry } from '../../ports/telemetry.js';
import type { IndexSync } from '../indexing/index-sync.js';

export interface ScopeTransferDeps {
  readonly archive: ScopeArchive;
  readonly store: Pick<Store, 'memories'>;
  readonly index: IndexSync;
  readonly clock: Clock;
  readonly telemetry?: Telemetry;
  /** Records per import transaction (default 500). */
  readonly batchSize?: number;
}

/** What importing one line did. */
export type ImportLineResult = { readonly line: number; readonly kind: string } & ArchiveOutcome;

export interface ImportReport {
  readonly created: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly results: readonly ImportLineResult[];
}

/**
 * Export and import of one scope as JSON Lines (docs/decisions/0010): a versioned header, then
 * entities, memories with chunks and mentions, relationships with evidence, and history. Import
 * keeps ids, so importing twice changes nothing; each record is atomic on its own.
 */
export class ScopeTransfer {
  readonly #deps: ScopeTransferDeps;
  readonly #telemetry: Telemetry;

  constructor(deps: ScopeTransferDeps) {
    this.#deps = deps;
    this.#telemetry = deps.telemetry ?? NO_TELEMETRY;
  }

  /** The lines of an export (each ends with a newline); a user id, an agent id, or both. */
  async *export(selection: ArchiveSelection): AsyncGenerator<string> {
    if (selection.userId === undefined && selection.agentId === undefined)
      throw new InvalidInputError('export needs user_id or agent_id');
    yield `${JSON.stringify({
      kind: 'header',
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      exported_at: this.#deps.clock.now().toISOString(),
      user_id: selection.userId ?? null,
      agent_id: selection.agentId ?? null,
    })}\n`;
    for await (const record of this.#deps.archive.read(selection))
      yield `${JSON.stringify(record)}\n`;
    this.#telemetry.countOperation('export');
  }

  /** Imports the lines of an export into a tenant; a bad line becomes an error result, the rest go in. */
  async import(
    tenant: string,
    lines: AsyncIterable<string> | Iterable<string>,
  ): Promise<ImportReport> {
    const results: ImportLineResult[] = [];
    const ids = new Map<string, string>();
    let batch: Array<{ line: number; record: ArchiveRecord }> = [];
    let number = 0;
    for await (const raw of lines) {
      number += 1;
      const text = raw.trim();
      if (text === '') continue;
      if (number === 1) {
        parseArchiveHeader(text);
        continue;
      }
      try {
        batch.push({ line: number, record: parseArchiveLine(text) });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({
          line: number,
          kind: kindOf(text),
          status: 'error',
          code: error.code,
          message: error.message,
        });
      }
      if (batch.length >= (this.#deps.batchSize ?? 500)) {
        results.push(...(await this.#write(tenant, batch, ids)));
        batch = [];
      }
    }
    if (number === 0) throw new InvalidInputError('the import is empty: line 1 must be the header');
    results.push(...(await this.#write(tenant, batch, ids)));
    results.sort((a, b) => a.line - b.line);
    this.#telemetry.countOperation('import');
    const count = (status: string) => results.filter((result) => result.status === status).length;
    return {
      created: count('created'),
      unchanged: count('unchanged'),
      failed: count('error'),
      results,
    };
  }

  async #write(
    tenant: string,
    batch: ReadonlyArray<{ line: number; record: ArchiveRecord }>,
    ids: Map<string, string>,
  ): Promise<ImportLineResult[]> {
    if (batch.length === 0) return [];
    const written = await this.#deps.archive.write(
      tenant,
      batch.map((item) => item.record),
      ids,
    );
    const units = await this.#deps.store.memories.searchUnitsOf(written.createdMemories);
    await this.#deps.index.processNow(written.outbox, units);
    return batch.map((item, index) => ({
      line: item.line,
      kind: item.record.kind,
      ...(written.outcomes[index] ?? {
        status: 'error',
        code: 'invalid_input',
        message: 'not processed',
      }),
    }));
  }
}

function kindOf(text: string): string {
  const match = /"kind"\s*:\s*"([a-z_]{1,20})"/.exec(text);
  return match?.[1] ?? 'unknown';
}
