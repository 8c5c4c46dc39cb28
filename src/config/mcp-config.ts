import { EnvReader } from './env-reader.js';

/** Settings of `engram mcp`: which Engram to talk to, with which key, for which user by default. */
export type McpConfig = ReturnType<typeof loadMcpConfig>;

/** Reads ENGRAM_URL, ENGRAM_API_KEY, ENGRAM_USER_ID, ENGRAM_AGENT_ID and ENGRAM_TIMEOUT_MS. */
export function loadMcpConfig(env: NodeJS.ProcessEnv = process.env) {
  const read = new EnvReader(env);
  const config = {
    url: read.optionalUrl('ENGRAM_URL', ['http:', 'https:']) ?? 'http://127.0.0.1:8000',
    apiKey: read.optionalString('ENGRAM_API_KEY'),
    userId: read.optionalString('ENGRAM_USER_ID'),
    agentId: read.optionalString('ENGRAM_AGENT_ID'),
    timeoutMs: read.integer('ENGRAM_TIMEOUT_MS', 30_000, 100, 600_000),
  };
  read.throwIfInvalid();
  return Object.freeze(config);
}
