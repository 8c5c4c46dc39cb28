/** The API's JSON shapes the dashboard reads. */
export interface MemoryJson {
  id: string;
  content: string;
  user_id: string | null;
  agent_id: string | null;
  session_id: string | null;
  memory_type: string;
  metadata: Record<string, unknown>;
  parent_id: string | null;
  chunk_index: number;
  created_at: string;
  updated_at: string;
}

export interface EntityJson {
  id: string;
  type: string;
  text: string;
  aliases?: string[];
  mention_count?: number;
  created_at: string;
}

export interface RelationshipJson {
  id: string;
  source_entity_id: string;
  target_entity_id: string;
  relation_type: string;
  metadata: Record<string, unknown>;
  memory_id: string | null;
  valid_from: string;
  valid_to: string | null;
  current: boolean;
}

export interface FactJson {
  relationship_id: string;
  source: { id: string; type: string; text: string };
  relation_type: string;
  target: { id: string; type: string; text: string };
  valid_from: string;
  valid_to: string | null;
  current: boolean;
}

export interface GraphJson {
  nodes: EntityJson[];
  edges: RelationshipJson[];
  total_entities: number;
  truncated: boolean;
}

export interface ScopeJson {
  user_id: string | null;
  agent_id: string | null;
  memories: number;
  entities: number;
  relationships: number;
  last_memory_at: string;
}
