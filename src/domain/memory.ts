export type MemoryId = string;

export const MEMORY_TYPES = ['ephemeral', 'model_memory'] as const;
/** The two memory types of the seed system. */
export type MemoryType = (typeof MEMORY_TYPES)[number];

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };
export type Metadata = Readonly<Record<string, JsonValue>>;

/** One stored memory row: a whole memory, or one chunk of a long one (then `parentId` is set). */
export interface Memory {
  readonly id: MemoryId;
  /** The tenant that owns it (see docs/decisions/0011). */
  readonly tenant: string;
  readonly userId: string;
  readonly agentId: string;
  readonly sessionId: string;
  readonly memoryType: MemoryType;
  readonly content: string;
  readonly contentHash: string;
  readonly parentId: MemoryId | null;
  readonly chunkIndex: number;
  readonly metadata: Metadata;
  /** `collection/old-id` for records imported from the legacy Chroma store. */
  readonly migratedFrom: string | null;
  /** When it leaves search and is swept; null or absent: never. */
  readonly expiresAt?: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
