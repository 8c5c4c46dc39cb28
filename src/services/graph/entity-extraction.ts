import type { Extraction } from '../../domain/extraction.js';
import type { EntityExtractor, ExtractionContext } from '../../ports/entity-extractor.js';
import { NO_TELEMETRY, type Telemetry } from '../../ports/telemetry.js';

/** The spec's `process_text`: the configured extractor, timed. */
export class EntityExtraction {
  readonly #extractor: EntityExtractor;
  readonly #telemetry: Telemetry;

  constructor(extractor: EntityExtractor, telemetry: Telemetry = NO_TELEMETRY) {
    this.#extractor = extractor;
    this.#telemetry = telemetry;
  }

  /** Entities and relationships found in a text. */
  async extract(text: string, context: ExtractionContext = {}): Promise<Extraction> {
    const started = performance.now();
    try {
      return await this.#extractor.extract(text, context);
    } finally {
      this.#telemetry.observe('entity_extraction', (performance.now() - started) / 1000);
    }
  }
}
