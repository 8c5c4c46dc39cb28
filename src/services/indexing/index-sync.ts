import type { Memory } from '../../domain/memory.js';
import type { Embedder } from '../../ports/embedder.js';
import type { OutboxItem } from '../../ports/index-outbox.js';
import { type Lock, PROCESS_LOCAL_LOCK } from '../../ports/lock.js';
import { type Log, SILENT_LOG } from '../../ports/log.js';
import type { Store } from '../../ports/store.js';
import { NO_TELEMETRY, type Telemetry } from '../../ports/telemetry.js';
import type { VectorIndex } from '../../ports/vector-index.js';
import { PeriodicPass } from '../periodic-pass.js';
import { indexMemories } from './index-memories.js';

export interface IndexSyncDeps {
  readonly store: Pick<Store, 'memories' | 'outbox'>;
  readonly vectors: VectorIndex;
  readonly embedder: Embedder;
  readonly log?: Log;
  readonly telemetry?: Telemetry;
  /** Shared by replicas on one store so only one reconciles at a time (default: process-local). */
  readonly lock?: Lock;
  /**
   * A write spanning more scopes than this is indexed in the background (default 8, 0: never):
   * the vector index costs one request per scope whatever its size, so items of many writes are
   * gathered per scope there instead.
   */
  readonly backgroundAboveScopes?: number;
}

/** Outbox items a reconciler pass takes at a time. */
const DEFAULT_BATCH = 200;
/** Outbox items a background pass takes at a time: ~25 ms of embedding, up to 1 request per scope. */
const BACKGROUND_BATCH = 2000;

/** Name of the lock a reconciler pass holds. */
export const RECONCILER_LOCK = 'outbox-reconciler';

/**
 * Applies outbox items to the vector index. Postgres is the system of record: an item stays
 * pending until its vectors are written, and the reconciler replays whatever a crash left.
 */
export class IndexSync {
  readonly #deps: IndexSyncDeps;
  readonly #log: Log;
  readonly #telemetry: Telemetry;
  readonly #periodic: PeriodicPass<number>;
  #background: Promise<void> | undefined;
  #backgroundAgain = false;

  constructor(deps: IndexSyncDeps) {
    this.#deps = deps;
    this.#log = deps.log ?? SILENT_LOG;
    this.#telemetry = deps.telemetry ?? NO_TELEMETRY;
    this.#periodic = new PeriodicPass(() => this.#drainExclusively(DEFAULT_BATCH), this.#log, {
      message: 'outbox reconcile failed',
      value: 0,
    });
  }

  /**
   * Applies items right after their transaction, given the search units of their upserts (the
   * writer has them in hand); failures stay pending for the reconciler.
   */
  async processNow(items: readonly OutboxItem[], units: readonly Memory[]): Promise<void> {
    const limit = this.#deps.backgroundAboveScopes ?? 8;
    if (limit > 0 && scopeCount(items) > limit) {
      this.#indexInBackground();
      return;
    }
    try {
      await this.#apply(items, units);
    } catch (error) {
      this.#log.warn(
        { err: error, outbox: items.map((item) => item.id) },
        'vector index write deferred to reconciler',
      );
      // The rows are committed: a failure to record the failure must not fail the request
      // (the items stay pending and the reconciler replays them).
      await this.#deps.store.outbox
        .fail(
          items.map((item) => item.id),
          (error as Error).message,
        )
        .catch((recordError: unknown) =>
          this.#log.warn({ err: recordError }, 'outbox failure not recorded'),
        );
    }
  }

  /**
   * Replays pending outbox items until none are left or one batch fails; returns how many were
   * applied. Skips the pass (returns 0) while another process holds the reconciler lock.
   */
  drain(batchSize = DEFAULT_BATCH): Promise<number> {
    return this.#periodic.run(() => this.#drainExclusively(batchSize));
  }

  /** Drains now and then every `intervalMs` until `stop()`. */
  start(intervalMs: number): void {
    this.#periodic.start(intervalMs);
  }

  /** Stops the periodic reconciler and waits for a running pass. */
  async stop(): Promise<void> {
    this.#backgroundAgain = false;
    await this.#background;
    await this.#periodic.stop();
  }

  /**
   * Drains the outbox soon, in passes of many items (grouped per scope by the vector index); a
   * call during a pass asks for one more after it, so no item waits for the reconciler's timer.
   */
  #indexInBackground(): void {
    if (this.#background !== undefined) {
      this.#backgroundAgain = true;
      return;
    }
    this.#background = this.drain(BACKGROUND_BATCH)
      .then(
        () => {},
        (error: unknown) => this.#log.warn({ err: error }, 'background indexing failed'),
      )
      .finally(() => {
        this.#background = undefined;
        if (this.#backgroundAgain) {
          this.#backgroundAgain = false;
          this.#indexInBackground();
        }
      });
  }

  /** Pending outbox items. */
  async pending(): Promise<number> {
    return this.#deps.store.outbox.pendingCount();
  }

  async #drainExclusively(batchSize: number): Promise<number> {
    const lock = this.#deps.lock ?? PROCESS_LOCAL_LOCK;
    const outcome = await lock.tryWith(RECONCILER_LOCK, () => this.#drainLoop(batchSize));
    return outcome.acquired ? outcome.value : 0;
  }

  async #drainLoop(batchSize: number): Promise<number> {
    let applied = 0;
    for (;;) {
      const items = await this.#deps.store.outbox.pending(batchSize);
      if (items.length === 0) return applied;
      try {
        const upserted = items.filter((item) => item.operation === 'upsert');
        const ids = [...new Set(upserted.map((item) => item.memoryId))];
        const units = await this.#deps.store.memories.searchUnitsOf(ids);
        await this.#apply(items, units);
        await this.#catchUp(ids, units);
      } catch (error) {
        await this.#deps.store.outbox.fail(
          items.map((item) => item.id),
          (error as Error).message,
        );
        throw error;
      }
      applied += items.length;
      if (applied > 0) this.#log.info({ applied }, 'outbox items replayed');
    }
  }

  /**
   * A memory updated or deleted while a pass embedded it has had its new vectors written by its
   * own request, maybe before this pass wrote the old ones: the pass reads the units again and
   * writes what changed, so it never leaves an older text's vector behind.
   */
  async #catchUp(ids: readonly string[], indexed: readonly Memory[]): Promise<void> {
    if (ids.length === 0) return;
    const now = await this.#deps.store.memories.searchUnitsOf(ids);
    const current = new Map(now.map((unit) => [unit.id, unit]));
    const gone = indexed.filter((unit) => !current.has(unit.id));
    const before = new Map(indexed.map((unit) => [unit.id, unit]));
    const changed = now.filter((unit) => {
      const old = before.get(unit.id);
      return old !== undefined && old.content !== unit.content;
    });
    if (gone.length > 0)
      await this.#deps.vectors.delete(gone.map((unit) => ({ id: unit.id, scope: scopeOf(unit) })));
    await indexMemories(changed, this.#deps.embedder, this.#deps.vectors, this.#telemetry);
  }

  async #apply(items: readonly OutboxItem[], units: readonly Memory[]): Promise<void> {
    if (items.length === 0) return;
    const { store, vectors, embedder } = this.#deps;
    const deletes = items.filter((item) => item.operation === 'delete');
    if (deletes.length > 0)
      await vectors.delete(deletes.map((item) => ({ id: item.memoryId, scope: item.scope })));
    await indexMemories(units, embedder, vectors, this.#telemetry);
    await store.outbox.complete(items.map((item) => item.id));
  }
}

function scopeOf(unit: Memory) {
  return { tenant: unit.tenant, userId: unit.userId, agentId: unit.agentId };
}

/** Distinct (tenant, user, agent) scopes among outbox items. */
function scopeCount(items: readonly OutboxItem[]): number {
  return new Set(
    items.map(
      (item) => `${item.scope.tenant}\u0000${item.scope.userId}\u0000${item.scope.agentId}`,
    ),
  ).size;
}
