import { InvalidInputError } from '../../domain/errors.js';
import { splitSentences } from '../../domain/sentences.js';
import type { Embedder } from '../../ports/embedder.js';
import type { EntityExtractor } from '../../ports/entity-extractor.js';
import type { Llm, LlmMessage } from '../../ports/llm.js';
import { ExtractiveSummarizer } from './extractive-summarizer.js';
import { mentionsName } from './summary-sentences.js';

export interface SummarizeOptions {
  /** Every entity name found in the source must appear in the summary. */
  readonly preserveEntities: boolean;
  /** Length target in sentences (the extractive summary may exceed it to keep entities). */
  readonly maxSentences?: number | undefined;
}

export interface SummaryResult {
  readonly summary: string;
  /** Entity names found in the source (all present in the summary when preserveEntities). */
  readonly entities: string[];
  /** Names the summary text left out and that were appended as "Also mentioned: …". */
  readonly missingEntities: string[];
  /** Summary characters / source characters. */
  readonly compressionRatio: number;
  readonly method: 'llm' | 'extractive';
  /** Why the summary is extractive when an LLM was expected, or that none is configured. */
  readonly notice?: string;
}

export interface SummaryServiceDependencies {
  readonly extractor: EntityExtractor;
  /** Absent: every summary is extractive. */
  readonly llm?: Llm | undefined;
  /** Sentence similarity for extractive summaries; bag-of-words cosine when absent. */
  readonly embedder?: Embedder | undefined;
  readonly logger?: { warn(details: Record<string, unknown>, message: string): void } | undefined;
}

const DEFAULT_LLM_SENTENCES = 5;
const SYSTEM =
  'You write concise, faithful summaries. Answer with the summary text only: no title, no preface, no bullet points.';

/**
 * Summaries that keep the source's entities: from the LLM when there is one (checked, retried
 * once with a stricter prompt, then missing names appended), else extractive (entities kept by
 * construction).
 */
export class SummaryService {
  readonly #dependencies: SummaryServiceDependencies;
  readonly #extractive: ExtractiveSummarizer;

  constructor(dependencies: SummaryServiceDependencies) {
    this.#dependencies = dependencies;
    this.#extractive = new ExtractiveSummarizer(dependencies.embedder);
  }

  /** Summarises `text`; never fails because of the LLM (falls back to extractive). */
  async summarize(text: string, options: SummarizeOptions): Promise<SummaryResult> {
    if (text.trim() === '') throw new InvalidInputError('text to summarise is empty');
    const entities = await this.#entityNames(text);
    const required = options.preserveEntities ? entities : [];
    const { llm } = this.#dependencies;
    if (llm) {
      try {
        const summary = await this.#llmSummary(llm, text, required, options.maxSentences);
        if (summary.text !== '')
          return result(text, entities, summary.text, summary.missing, 'llm');
      } catch (error) {
        this.#dependencies.logger?.warn(
          { model: llm.model, error: error instanceof Error ? error.message : undefined },
          'llm summary failed; using extractive summary',
        );
      }
    }
    const extractive = await this.#extractive.summarize(text, {
      requiredNames: required,
      targetSentences: options.maxSentences ?? defaultTarget(text),
    });
    const notice = llm
      ? 'The LLM did not answer usably; this is an extractive summary.'
      : 'No LLM is configured; this is an extractive summary.';
    return {
      ...result(text, entities, extractive.summary, extractive.appendedNames, 'extractive'),
      notice,
    };
  }

  /** Unique entity names of the source (first spelling wins), the speaker excluded. */
  async #entityNames(text: string): Promise<string[]> {
    const extraction = await this.#dependencies.extractor.extract(text);
    const names = new Map<string, string>();
    for (const entity of extraction.entities) {
      const name = entity.text.trim();
      if (entity.isSpeaker || name === '' || names.has(name.toLowerCase())) continue;
      names.set(name.toLowerCase(), name);
    }
    return [...names.values()];
  }

  async #llmSummary(
    llm: Llm,
    text: string,
    required: readonly string[],
    maxSentences: number | undefined,
  ): Promise<{ text: string; missing: string[] }> {
    const messages: LlmMessage[] = [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: firstPrompt(text, required, maxSentences ?? DEFAULT_LLM_SENTENCES) },
    ];
    let summary = clean((await llm.complete({ messages, temperature: 0.2 })).text);
    let missing = required.filter((name) => !mentionsName(summary, name));
    if (summary !== '' && missing.length > 0) {
      const retry = await llm
        .complete({
          messages: [
            ...messages,
            { role: 'assistant', content: summary },
            { role: 'user', content: stricterPrompt(missing, required) },
          ],
          temperature: 0,
        })
        .then((answer) => clean(answer.text))
        .catch(() => '');
      const retryMissing = required.filter((name) => !mentionsName(retry, name));
      if (retry !== '' && retryMissing.length < missing.length)
        [summary, missing] = [retry, retryMissing];
    }
    if (summary === '' || missing.length === 0) return { text: summary, missing };
    return { text: `${summary}\nAlso mentioned: ${missing.join(', ')}.`, missing };
  }
}

function firstPrompt(text: string, required: readonly string[], maxSentences: number): string {
  const names =
    required.length > 0
      ? ` Mention each of these names exactly as written: ${required.join(', ')}.`
      : '';
  return `Summarise the text below in at most ${maxSentences} sentences.${names}\n\nText:\n"""\n${text}\n"""`;
}

function stricterPrompt(missing: readonly string[], required: readonly string[]): string {
  return `Your summary leaves out: ${missing.join(', ')}. Rewrite it so that it mentions EVERY one of these names, spelled exactly as written: ${required.join(', ')}. Answer with the summary text only.`;
}

/** Drops fences and a "Summary:" label that models add despite instructions. */
function clean(answer: string): string {
  return answer
    .trim()
    .replace(/^```[a-z]*\s*|\s*```$/g, '')
    .replace(/^(?:\*\*)?summary(?:\*\*)?\s*:\s*/i, '')
    .trim();
}

/** About a quarter of the sentences, at least 1 and at most 8. */
function defaultTarget(text: string): number {
  return Math.min(8, Math.max(1, Math.ceil(splitSentences(text).length / 4)));
}

function result(
  source: string,
  entities: string[],
  summary: string,
  missingEntities: string[],
  method: 'llm' | 'extractive',
): SummaryResult {
  return {
    summary,
    entities,
    missingEntities,
    compressionRatio: summary.length / source.length,
    method,
  };
}
