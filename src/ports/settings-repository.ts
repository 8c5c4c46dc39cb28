/** Small durable facts about this installation, by key (e.g. reindex progress). */
export interface SettingsRepository {
  /** The value stored under `key`, if any. */
  get(key: string): Promise<Record<string, unknown> | undefined>;
  /** Stores (replaces) the value under `key`. */
  set(key: string, value: Record<string, unknown>): Promise<void>;
  /** Removes `key`. */
  delete(key: string): Promise<void>;
}
