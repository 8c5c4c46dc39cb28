import type { ConversationMessage, SkippedItem } from './conversation-inputs.js';
import { fillerReason } from './filler-turn.js';
import {
  isContainedIn,
  isQuotedIn,
  recalledPassages,
  withoutRecalled,
} from './recalled-context.js';

/** A user turn that may carry information: its index, cleaned text and origin. */
export interface InformativeTurn {
  readonly index: number;
  readonly text: string;
  readonly message: ConversationMessage;
}

/** A conversation sorted into turns worth reading and turns skipped by rule. */
export interface SortedTurns {
  readonly informative: InformativeTurn[];
  readonly skipped: SkippedItem[];
  /** User and assistant turns with recalled text removed (context for a model). */
  readonly transcript: { index: number; message: ConversationMessage; text: string }[];
  /** Recalled passages found anywhere in the request. */
  readonly recalled: string[];
  /** Text of the system messages (recalled blocks removed). */
  readonly system: string[];
}

/**
 * Applies the storage rules that hold with or without an LLM: system messages are never
 * stored; recalled blocks (`<memories>…</memories>`, `[recalled]` lines) are removed from every
 * turn; assistant turns are never stored; user turns that are filler, or that repeat recalled
 * text (nearly) or system text (verbatim), are skipped.
 */
export function sortTurns(messages: readonly ConversationMessage[]): SortedTurns {
  const recalled = messages.flatMap((message) => recalledPassages(message.content));
  const system = messages
    .filter((message) => message.role === 'system')
    .map((message) => withoutRecalled(message.content))
    .filter((text) => text !== '');
  const sorted: SortedTurns = { informative: [], skipped: [], transcript: [], recalled, system };
  messages.forEach((message, index) => {
    if (message.role === 'system') {
      sorted.skipped.push({ index, reason: 'system_prompt' });
      return;
    }
    const text = withoutRecalled(message.content);
    if (text !== '') sorted.transcript.push({ index, message, text });
    const reason = skipReason(message, text, sorted);
    if (reason) sorted.skipped.push({ index, reason });
    else sorted.informative.push({ index, text, message });
  });
  return sorted;
}

function skipReason(
  message: ConversationMessage,
  text: string,
  sorted: SortedTurns,
): SkippedItem['reason'] | undefined {
  if (text === '')
    return recalledPassages(message.content).length > 0 ? 'recalled_context' : 'empty';
  if (isContainedIn(text, sorted.recalled)) return 'recalled_context';
  if (message.role === 'assistant') return 'assistant_turn';
  const filler = fillerReason(text);
  if (filler) return filler;
  if (isQuotedIn(text, sorted.system)) return 'system_prompt';
  return undefined;
}
