export { EngramClient, type EngramClientOptions } from './engram-client.js';
export {
  type ClientErrorCode,
  EngramError,
  type EngramErrorCode,
  isEngramError,
  type ServerErrorCode,
} from './engram-error.js';
export type { components, operations, paths } from './generated/openapi.js';
export type { CallOptions, RetryInfo } from './transport.js';
export type * from './types.js';
