import { AppError, NotFoundError } from '../../domain/errors.js';
import type { Memory } from '../../domain/memory.js';
import type { Llm } from '../../ports/llm.js';
import { type Log, SILENT_LOG } from '../../ports/log.js';
import type { MemoryWriter } from '../memories/memory-writer.js';
import type { SearchService } from '../search/search-service.js';
import type {
  AddedMemory,
  ConversationMessage,
  ProcessConversationInput,
  ProcessConversationResult,
  SkippedItem,
  UpdatedMemory,
} from './conversation-inputs.js';
import { type InformativeTurn, type SortedTurns, sortTurns } from './conversation-turns.js';
import {
  type ExtractedFact,
  factExtractionMessages,
  parseFacts,
} from './fact-extraction-prompt.js';
import {
  decisionMessages,
  type FactWithCandidates,
  type MemoryDecision,
  parseDecisions,
} from './memory-decision-prompt.js';
import { isOnlyQuestion } from './question-turn.js';
import { isContainedIn, isQuotedIn } from './recalled-context.js';
import { addresseeOf, earlierTurnsOf } from './turn-parties.js';

export interface ConversationServiceDeps {
  readonly writer: MemoryWriter;
  readonly search: SearchService;
  /** Absent: informative user turns are stored by rule. */
  readonly llm?: Llm | undefined;
  readonly log?: Log | undefined;
  /** Existing memories compared with each new turn or fact (default 3). */
  readonly candidatesPerFact?: number;
}

const NO_LLM_NOTICE =
  'No LLM is configured: informative user turns were stored by rule (set LLM_BASE_URL for fact extraction).';
const LLM_FAILED_NOTICE =
  'The LLM failed for this request: informative user turns were stored by rule.';
const DECISIONS_FAILED_NOTICE =
  'The LLM failed to compare facts with existing memories: identical facts were skipped, the rest added.';

interface Outcome {
  readonly added: AddedMemory[];
  readonly updated: UpdatedMemory[];
  readonly skipped: SkippedItem[];
}

/**
 * The spec's process_conversation: turns a conversation into memories. With an LLM it extracts
 * durable facts and decides ADD, UPDATE or NOOP against the user's similar memories; without
 * one (or when it fails for a request) it stores the informative user turns by rule.
 */
export class ConversationService {
  readonly #deps: ConversationServiceDeps;
  readonly #log: Log;

  constructor(deps: ConversationServiceDeps) {
    this.#deps = deps;
    this.#log = deps.log ?? SILENT_LOG;
  }

  /** Stores what is worth remembering in a conversation and says what it added, updated or skipped. */
  async process(input: ProcessConversationInput): Promise<ProcessConversationResult> {
    const turns = sortTurns(input.messages);
    const { llm } = this.#deps;
    if (!llm) return this.#byRule(input, turns, NO_LLM_NOTICE);
    if (turns.informative.length === 0) return finish(emptyOutcome(turns), 'llm');
    let facts: ExtractedFact[];
    try {
      facts = await this.#extractFacts(llm, turns);
    } catch (error) {
      this.#log.warn(
        { model: llm.model, err: errorSummary(error) },
        'llm fact extraction failed; storing informative turns by rule',
      );
      return this.#byRule(input, turns, LLM_FAILED_NOTICE);
    }
    return this.#withFacts(llm, input, turns, facts);
  }

  async #byRule(
    input: ProcessConversationInput,
    turns: SortedTurns,
    notice: string,
  ): Promise<ProcessConversationResult> {
    const outcome = emptyOutcome(turns);
    for (const turn of turns.informative) {
      if (isOnlyQuestion(turn.text)) {
        outcome.skipped.push({ index: turn.index, reason: 'question' });
        continue;
      }
      const similar = await this.#similar(input, turn.text);
      const holder = similar.find((memory) => isContainedIn(turn.text, [memory.content]));
      if (holder) {
        outcome.skipped.push({ index: turn.index, reason: 'already_stored', memoryId: holder.id });
        continue;
      }
      await this.#add(input, turn.text, turn.message, turn.index, outcome);
    }
    return finish(outcome, 'rules', notice);
  }

  async #withFacts(
    llm: Llm,
    input: ProcessConversationInput,
    turns: SortedTurns,
    facts: readonly ExtractedFact[],
  ): Promise<ProcessConversationResult> {
    const outcome = emptyOutcome(turns);
    const withFact = new Set(facts.map((fact) => fact.index));
    for (const turn of turns.informative)
      if (!withFact.has(turn.index))
        outcome.skipped.push({ index: turn.index, reason: 'no_durable_fact' });
    const kept = facts.filter((fact) => {
      const reason = isContainedIn(fact.text, turns.recalled)
        ? 'recalled_context'
        : isQuotedIn(fact.text, turns.system)
          ? 'system_prompt'
          : undefined;
      if (reason) outcome.skipped.push({ index: fact.index, reason, fact: fact.text });
      return reason === undefined;
    });
    const items: FactWithCandidates[] = [];
    for (const fact of kept)
      items.push({ fact: fact.text, candidates: await this.#similar(input, fact.text) });
    const { decisions, failed } = await this.#decide(llm, items);
    const messages = new Map(turns.informative.map((turn) => [turn.index, turn]));
    for (const [position, fact] of kept.entries()) {
      const decision = decisions[position] ?? { action: 'ADD' };
      const item = items[position] as FactWithCandidates;
      await this.#apply(input, fact, item, decision, messages.get(fact.index), outcome);
    }
    return finish(outcome, 'llm', failed ? DECISIONS_FAILED_NOTICE : undefined);
  }

  /** Asks for facts; an unparsable answer is asked again once, transport failures are not. */
  async #extractFacts(llm: Llm, turns: SortedTurns): Promise<ExtractedFact[]> {
    const transcript = turns.transcript.map(({ index, message, text }) => ({
      index,
      role: message.role === 'user' ? ('user' as const) : ('assistant' as const),
      name: message.name,
      text,
    }));
    const userTurns = turns.informative.map((turn) => turn.index);
    const messages = factExtractionMessages(transcript);
    for (let attempt = 1; ; attempt += 1) {
      const answer = await llm.complete({ messages, json: true, temperature: 0 });
      try {
        return parseFacts(answer.text, userTurns);
      } catch (error) {
        if (attempt >= 2) throw error;
        this.#log.warn({ model: llm.model, attempt }, 'llm facts unparsable; asking again');
      }
    }
  }

  /** One LLM call for every fact that has similar memories; identical-text guard on failure. */
  async #decide(llm: Llm, items: readonly FactWithCandidates[]) {
    const fallback = items.map(guardDecision);
    if (!items.some((item) => item.candidates.length > 0))
      return { decisions: fallback, failed: false };
    try {
      const answer = await llm.complete({
        messages: decisionMessages(items),
        json: true,
        temperature: 0,
      });
      return { decisions: parseDecisions(answer.text, items), failed: false };
    } catch (error) {
      this.#log.warn(
        { model: llm.model, err: errorSummary(error) },
        'llm memory decisions failed; adding facts not already stored',
      );
      return { decisions: fallback, failed: true };
    }
  }

  async #apply(
    input: ProcessConversationInput,
    fact: ExtractedFact,
    item: FactWithCandidates,
    decision: MemoryDecision,
    turn: InformativeTurn | undefined,
    outcome: Outcome,
  ): Promise<void> {
    const message = turn?.message ?? { role: 'user', content: fact.text };
    if (decision.action === 'NOOP') {
      outcome.skipped.push({
        index: fact.index,
        reason: 'noop',
        fact: fact.text,
        memoryId: decision.memoryId,
      });
      return;
    }
    if (decision.action === 'UPDATE') {
      const previous = item.candidates.find((memory) => memory.id === decision.memoryId);
      try {
        const memory = await this.#deps.writer.update(decision.memoryId, input.scope, {
          content: decision.text,
        });
        outcome.updated.push({ memory, previousContent: previous?.content ?? '' });
        return;
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error; // deleted meanwhile: add instead
      }
    }
    await this.#add(input, fact.text, message, fact.index, outcome, fact.text);
  }

  async #add(
    input: ProcessConversationInput,
    content: string,
    message: ConversationMessage,
    index: number,
    outcome: Outcome,
    fact?: string,
  ): Promise<void> {
    const addressee = addresseeOf(input.messages, index, input.scope);
    const result = await this.#deps.writer.add({
      content,
      scope: input.scope,
      ...(input.sessionId ? { sessionId: input.sessionId } : {}),
      memoryType: input.memoryType ?? 'ephemeral',
      metadata: {
        source: 'conversation',
        message_index: index,
        ...(message.name ? { speaker: message.name } : {}),
        ...(addressee ? { addressee } : {}),
      },
      earlierTurns: earlierTurnsOf(input.messages, index, input.scope),
      ...(message.createdAt ? { createdAt: message.createdAt } : {}),
    });
    if (!result.created) {
      outcome.skipped.push({
        index,
        reason: 'already_stored',
        memoryId: result.memory.id,
        ...(fact ? { fact } : {}),
      });
      return;
    }
    outcome.added.push({
      memory: result.memory,
      ...(input.includeEntities ? { entities: result.entities } : {}),
    });
  }

  /** The user's memories most similar to `text`, of the type being written. */
  async #similar(input: ProcessConversationInput, text: string): Promise<Memory[]> {
    const results = await this.#deps.search.search({
      query: text,
      scope: input.scope,
      memoryType: input.memoryType ?? 'ephemeral',
      topK: this.#deps.candidatesPerFact ?? 3,
      scoreThreshold: 0,
    });
    return results.map((result) => result.memory);
  }
}

/** NOOP when a similar memory says exactly the fact (same words), else ADD. */
function guardDecision(item: FactWithCandidates): MemoryDecision {
  const same = item.candidates.find(
    (memory) => isQuotedIn(item.fact, [memory.content]) && isQuotedIn(memory.content, [item.fact]),
  );
  return same ? { action: 'NOOP', memoryId: same.id } : { action: 'ADD' };
}

function emptyOutcome(turns: SortedTurns): Outcome {
  return { added: [], updated: [], skipped: [...turns.skipped] };
}

function finish(
  outcome: Outcome,
  method: 'llm' | 'rules',
  notice?: string,
): ProcessConversationResult {
  const skipped = [...outcome.skipped].sort((a, b) => a.index - b.index);
  return { ...outcome, skipped, method, ...(notice ? { notice } : {}) };
}

function errorSummary(error: unknown): { code?: string; message?: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  return error instanceof Error ? { message: error.message } : {};
}
