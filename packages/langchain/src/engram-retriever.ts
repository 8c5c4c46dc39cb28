import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { EngramClient, Fact, SearchResult } from 'engram-client';

/** Which Engram and whose memories (the retriever never reads the environment). */
export interface EngramRetrieverInput extends BaseRetrieverInput {
  readonly client: EngramClient;
  readonly userId: string;
  readonly agentId?: string;
  /** Documents per query (default 5). */
  readonly topK?: number;
  /** Also return the current facts about what the query names, one Document each (default true). */
  readonly includeFacts?: boolean;
}

/**
 * A LangChain retriever over Engram's hybrid search: one Document per memory, with its score,
 * entities and relationships in `metadata` (`kind: 'memory'`), then one per current fact (`kind: 'fact'`).
 */
export class EngramRetriever extends BaseRetriever {
  static override lc_name() {
    return 'EngramRetriever';
  }
  override lc_namespace = ['engram', 'retrievers'];
  readonly #client: EngramClient;
  readonly #options: Omit<EngramRetrieverInput, 'client'>;

  constructor(input: EngramRetrieverInput) {
    super(input);
    const { client, ...options } = input;
    this.#client = client;
    this.#options = options;
  }

  override async _getRelevantDocuments(query: string): Promise<Document[]> {
    const { userId, agentId, topK, includeFacts } = this.#options;
    const answer = await this.#client.searchMemories({
      query,
      user_id: userId,
      ...(agentId ? { agent_id: agentId } : {}),
      top_k: topK ?? 5,
    });
    const memories = answer.results.map(memoryDocument);
    return includeFacts === false ? memories : [...memories, ...answer.facts.map(factDocument)];
  }
}

/** A search result as a Document: the memory text, with its entities and relationships. */
export function memoryDocument(result: SearchResult): Document {
  const { memory } = result;
  return new Document({
    id: memory.id,
    pageContent: memory.content,
    metadata: {
      kind: 'memory',
      id: memory.id,
      score: result.score,
      created_at: memory.created_at,
      session_id: memory.session_id,
      entities: result.entities.map(({ id, text, type }) => ({ id, text, type })),
      relationships: result.relationships.map((edge) => ({
        source_entity_id: edge.source_entity_id,
        relation_type: edge.relation_type,
        target_entity_id: edge.target_entity_id,
        current: edge.current,
      })),
      ...(result.superseded_by ? { superseded_by: result.superseded_by } : {}),
    },
  });
}

/** A current fact as a Document: `Sarah lives_in Boston`. */
export function factDocument(fact: Fact): Document {
  return new Document({
    id: fact.relationship_id,
    pageContent: `${fact.source.text} ${fact.relation_type} ${fact.target.text}`,
    metadata: {
      kind: 'fact',
      source: fact.source,
      relation_type: fact.relation_type,
      target: fact.target,
      valid_from: fact.valid_from,
      memory_id: fact.memory_id,
    },
  });
}
