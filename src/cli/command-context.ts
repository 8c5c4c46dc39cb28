import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';

/** What every CLI command receives. */
export interface CommandContext {
  readonly config: Config;
  readonly logger: Logger;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}
