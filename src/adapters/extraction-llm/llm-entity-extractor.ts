import { AppError } from '../../domain/errors.js';
import { type Extraction, FIRST_PERSON_PRONOUNS } from '../../domain/extraction.js';
import { parseTolerantJson } from '../../domain/tolerant-json.js';
import type { EntityExtractor, ExtractionContext } from '../../ports/entity-extractor.js';
import type { Llm } from '../../ports/llm.js';
import { locateExtraction } from './extraction-locator.js';
import { extractionPrompt } from './extraction-prompt.js';
import { readExtractionAnswer } from './llm-extraction-answer.js';

/** Where fallbacks are reported; pino's `logger.warn(obj, msg)` fits. */
export interface ExtractionLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface LlmEntityExtractorOptions {
  readonly llm: Llm;
  /** Used whenever the model fails, answers something unusable, or finds nothing it can place. */
  readonly fallback: EntityExtractor;
  readonly logger?: ExtractionLogger | undefined;
  /** Entities the model rates below this are dropped (ENTITY_CONFIDENCE_THRESHOLD). */
  readonly confidenceThreshold: number;
  /** Completion budget per text (default 1,024 tokens). */
  readonly maxTokens?: number;
}

type FailureReason = 'upstream_unavailable' | 'unparsable' | 'invalid_structure' | 'unlocatable';

class ExtractionFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    options: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

/**
 * Entities and relations as JSON from a chat model, mapped back to spans of the text.
 * On any failure it logs why (never the text) and returns the fallback extractor's answer.
 */
export class LlmEntityExtractor implements EntityExtractor {
  readonly #options: LlmEntityExtractorOptions;

  constructor(options: LlmEntityExtractorOptions) {
    this.#options = options;
  }

  /** Readies the fallback extractor; the model needs nothing loaded. */
  async init(): Promise<void> {
    await this.#options.fallback.init();
  }

  /** Entities (sorted by start) and relations; falls back instead of throwing. */
  async extract(text: string, context: ExtractionContext = {}): Promise<Extraction> {
    if (text.trim() === '') return { entities: [], relations: [] };
    try {
      return await this.#extractWithLlm(text, context);
    } catch (error) {
      const reason = error instanceof ExtractionFailure ? error.reason : 'unparsable';
      const cause = error instanceof ExtractionFailure ? error.cause : error;
      this.#options.logger?.warn(
        { reason, model: this.#options.llm.model, error: describe(cause) },
        'llm entity extraction failed; using fallback extractor',
      );
      return this.#options.fallback.extract(text, context);
    }
  }

  async #extractWithLlm(text: string, context: ExtractionContext): Promise<Extraction> {
    const answer = await this.#options.llm
      .complete({
        messages: extractionPrompt(text),
        json: true,
        temperature: 0,
        maxTokens: this.#options.maxTokens ?? 1_024,
      })
      .catch((error: unknown) => {
        throw new ExtractionFailure('upstream_unavailable', { cause: error });
      });
    const parsed = attempt('unparsable', () => parseTolerantJson(answer.text));
    const named = attempt('invalid_structure', () => readExtractionAnswer(parsed));
    const extraction = locateExtraction(text, named, {
      speaker: context.speaker,
      confidenceThreshold: this.#options.confidenceThreshold,
    });
    const placeable = named.entities.filter(
      (entity) =>
        (entity.confidence ?? 1) >= this.#options.confidenceThreshold &&
        !FIRST_PERSON_PRONOUNS.has(entity.text.toLowerCase()),
    );
    if (placeable.length > 0 && extraction.entities.length === 0) {
      throw new ExtractionFailure('unlocatable', {});
    }
    return extraction;
  }
}

function attempt<T>(reason: FailureReason, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw new ExtractionFailure(reason, { cause: error });
  }
}

/** Error class and message only: our own errors never carry the text. */
function describe(error: unknown): string | undefined {
  if (error instanceof AppError) return `${error.name}: ${error.message}`;
  if (error instanceof Error) return error.name;
  return undefined;
}
