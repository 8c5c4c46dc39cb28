import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Extraction } from '../../domain/extraction.js';
import type { EntityExtractor, ExtractionContext } from '../../ports/entity-extractor.js';

/** The thread's module: compiled (dist/) or, from the sources under tsx, TypeScript. */
function threadModule(): URL {
  const compiled = new URL('./extraction-thread.js', import.meta.url);
  return existsSync(fileURLToPath(compiled))
    ? compiled
    : new URL('./extraction-thread.ts', import.meta.url);
}

/**
 * From the sources (tests, ENGRAM_DEV) the thread registers tsx (a devDependency) before loading
 * the TypeScript module: a worker does not inherit the loader of the thread that started it.
 */
function typescriptEntry(module: URL): string {
  // The require entry (index.cjs) sits beside the ESM one (index.mjs) in tsx's package.
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  const api = pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
  return `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`;
}

interface Pending {
  resolve(extraction: Extraction): void;
  reject(error: Error): void;
}

/**
 * The rules extractor on a worker thread: extraction is CPU work (about 1 ms a memory) that would
 * otherwise hold the event loop while a batch is prepared, so every other request waited. Requests
 * queue on the one thread in order; the thread is unref'd, so it never keeps the process alive.
 * If the thread dies, its pending calls reject and the next call starts a new thread.
 */
export class WorkerEntityExtractor implements EntityExtractor {
  readonly #options: { confidenceThreshold?: number };
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | undefined;
  #starting: Promise<Worker> | undefined;
  #next = 0;

  constructor(options: { confidenceThreshold?: number } = {}) {
    this.#options = options;
  }

  async init(): Promise<void> {
    await this.#running();
  }

  /** The running thread, started (again, after a death) when there is none. */
  #running(): Promise<Worker> {
    if (this.#worker) return Promise.resolve(this.#worker);
    this.#starting ??= this.#start().finally(() => {
      this.#starting = undefined;
    });
    return this.#starting;
  }

  async #start(): Promise<Worker> {
    const module = threadModule();
    const worker = module.pathname.endsWith('.ts')
      ? new Worker(typescriptEntry(module), { eval: true, workerData: this.#options })
      : new Worker(module, { workerData: this.#options });
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', (message: { ready?: boolean; error?: string }) => {
        if (message.ready) resolve();
        else reject(new Error(`extraction thread failed to start: ${message.error}`));
      });
    });
    await ready;
    worker.on('message', (message: { id: number; extraction?: Extraction; error?: string }) => {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      if (message.extraction) pending.resolve(message.extraction);
      else pending.reject(new Error(message.error ?? 'extraction failed'));
    });
    worker.on('error', (error) => this.#fail(error));
    worker.on('exit', (code) => this.#fail(new Error(`extraction thread exited (code ${code})`)));
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  async extract(text: string, context: ExtractionContext = {}): Promise<Extraction> {
    const worker = await this.#running();
    const id = this.#next++;
    return new Promise<Extraction>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, text, context });
    });
  }

  /** Stops the thread; pending calls reject. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #fail(error: Error): void {
    this.#worker = undefined;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
