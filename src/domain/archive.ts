import type { JsonValue } from './memory.js';

/** The format name in an export's header line. */
export const ARCHIVE_FORMAT = 'engram-export';
/** The version of the export format this build writes and reads. */
export const ARCHIVE_VERSION = 1;

type Json = { readonly [key: string]: JsonValue };

/** Line 1 of an export: what it is and which scope it holds. */
export interface ArchiveHeader {
  readonly kind: 'header';
  readonly format: typeof ARCHIVE_FORMAT;
  readonly version: number;
  readonly exported_at: string;
  readonly user_id: string | null;
  readonly agent_id: string | null;
}

/** An entity (or a merged-away name, with `merged_into`), with its aliases. */
export interface ArchiveEntity {
  readonly kind: 'entity';
  readonly id: string;
  readonly user_id: string;
  readonly agent_id: string;
  readonly type: string;
  readonly text: string;
  readonly attributes: Json;
  readonly metadata: Json;
  readonly merged_into: string | null;
  readonly aliases: readonly string[];
  readonly created_at: string;
  readonly updated_at: string;
}

/** Where a memory (or one of its chunks) names an entity. */
export interface ArchiveMention {
  readonly memory_id: string;
  readonly entity_id: string;
  readonly mention: string;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
}

/** A top-level memory with its chunks (the search units of a long memory) and mentions. */
export interface ArchiveMemory {
  readonly kind: 'memory';
  readonly id: string;
  readonly user_id: string;
  readonly agent_id: string;
  readonly session_id: string;
  readonly memory_type: 'ephemeral' | 'model_memory';
  readonly content: string;
  readonly metadata: Json;
  readonly migrated_from: string | null;
  readonly expires_at: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly chunks: readonly {
    readonly id: string;
    readonly chunk_index: number;
    readonly content: string;
  }[];
  readonly mentions: readonly ArchiveMention[];
}

/** A relationship with its validity and the memories that evidence it. */
export interface ArchiveRelationship {
  readonly kind: 'relationship';
  readonly id: string;
  readonly source_entity_id: string;
  readonly target_entity_id: string;
  readonly relation_type: string;
  readonly metadata: Json;
  readonly memory_id: string | null;
  readonly valid_from: string;
  readonly valid_to: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly evidence: readonly {
    readonly memory_id: string;
    readonly sentence: string;
    readonly confidence: number;
  }[];
}

/** One memory history event. */
export interface ArchiveMemoryHistory {
  readonly kind: 'memory_history';
  readonly memory_id: string;
  readonly user_id: string;
  readonly agent_id: string;
  readonly event: 'add' | 'update' | 'delete';
  readonly old_content: string | null;
  readonly new_content: string | null;
  readonly metadata: Json;
  readonly created_at: string;
}

/** One graph correction event. */
export interface ArchiveEntityHistory {
  readonly kind: 'entity_history';
  readonly entity_id: string;
  readonly user_id: string;
  readonly agent_id: string;
  readonly event: 'update' | 'merge' | 'merged_into' | 'delete';
  readonly details: Json;
  readonly created_at: string;
}

/** Any data line of an export, in the order they are written and must be imported. */
export type ArchiveRecord =
  | ArchiveEntity
  | ArchiveMemory
  | ArchiveRelationship
  | ArchiveMemoryHistory
  | ArchiveEntityHistory;

/** What importing one record did. */
export type ArchiveOutcome =
  | { readonly status: 'created' | 'unchanged'; readonly id?: string; readonly mappedTo?: string }
  | { readonly status: 'error'; readonly code: string; readonly message: string };
