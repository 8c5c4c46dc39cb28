import { ChromaClient, type Collection } from 'chromadb';
import { NotFoundError } from '../../domain/errors.js';
import type { LegacyRecord, LegacySource } from '../../ports/legacy-source.js';
import { chromaFailure, isChromaNotFound } from './chroma-failure.js';

export interface LegacyChromaSourceOptions {
  /** Base URL of the Chroma server holding the legacy collections. */
  readonly url: string;
}

/**
 * LegacySource over a Chroma server. Only reads (list, count, get): it never creates, modifies
 * or deletes anything. Pages come in Chroma's insertion order, which `get` with an offset keeps.
 */
export class LegacyChromaSource implements LegacySource {
  readonly #client: ChromaClient;
  readonly #collections = new Map<string, Collection>();

  constructor(options: LegacyChromaSourceOptions) {
    const url = new URL(options.url);
    const ssl = url.protocol === 'https:';
    this.#client = new ChromaClient({
      host: url.hostname,
      port: url.port ? Number(url.port) : ssl ? 443 : 80,
      ssl,
    });
  }

  async collections(): Promise<string[]> {
    try {
      const names: string[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await this.#client.listCollections({ limit: 100, offset });
        names.push(...page.map((collection) => collection.name));
        if (page.length < 100) return names;
      }
    } catch (error) {
      throw chromaFailure(error, 'list collections');
    }
  }

  async count(collection: string): Promise<number> {
    const handle = await this.#collection(collection);
    try {
      return await handle.count();
    } catch (error) {
      throw chromaFailure(error, `count ${collection}`);
    }
  }

  async page(
    collection: string,
    offset: number,
    limit: number,
    options: { readonly embeddings?: boolean } = {},
  ): Promise<LegacyRecord[]> {
    const handle = await this.#collection(collection);
    try {
      const result = await handle.get({
        offset,
        limit,
        include: options.embeddings
          ? ['documents', 'metadatas', 'embeddings']
          : ['documents', 'metadatas'],
      });
      return result.ids.map((id, index) => ({
        id,
        document: result.documents[index] ?? null,
        metadata: result.metadatas[index] ?? null,
        ...(options.embeddings && result.embeddings[index]
          ? { embedding: result.embeddings[index] }
          : {}),
      }));
    } catch (error) {
      throw chromaFailure(error, `read ${collection}`);
    }
  }

  async #collection(name: string): Promise<Collection> {
    const known = this.#collections.get(name);
    if (known) return known;
    try {
      // embeddingFunction null: the source is only read, and no default embedder must load.
      const collection = await this.#client.getCollection({
        name,
        embeddingFunction: null as never,
      });
      this.#collections.set(name, collection);
      return collection;
    } catch (error) {
      if (isChromaNotFound(error)) throw new NotFoundError('legacy collection', name);
      throw chromaFailure(error, `open ${name}`);
    }
  }
}
