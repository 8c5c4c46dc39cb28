import { InvalidInputError } from '../../domain/errors.js';
import type { Memory, MemoryId } from '../../domain/memory.js';
import { parseTolerantJson } from '../../domain/tolerant-json.js';
import type { LlmMessage } from '../../ports/llm.js';

/** A new fact and the user's most similar existing memories, offered to the model. */
export interface FactWithCandidates {
  readonly fact: string;
  readonly candidates: readonly Memory[];
}

/** What to do with one fact; an UPDATE always names a memory that was offered for it. */
export type MemoryDecision =
  | { readonly action: 'ADD' }
  | { readonly action: 'UPDATE'; readonly memoryId: MemoryId; readonly text: string }
  | { readonly action: 'NOOP'; readonly memoryId: MemoryId };

const SYSTEM = `You keep a user's long-term memory up to date. For each new fact you see the user's most similar existing memories, each with an id such as M1. Decide for each fact:
- ADD: it is new information that no listed memory holds.
- UPDATE: it changes, corrects or adds detail to one listed memory. Give that memory's id and "text": the rewritten memory, one or two sentences that merge both, where the new fact wins on any conflict.
- NOOP: a listed memory already says the same thing. Give that memory's id.
Answer with JSON only, one decision per fact, in this shape:
{"decisions":[{"fact":1,"action":"ADD"},{"fact":2,"action":"UPDATE","id":"M2","text":"..."},{"fact":3,"action":"NOOP","id":"M1"}]}`;

/** Short labels (M1, M2, …) for the memories offered, so models never copy long ids. */
export function candidateLabels(items: readonly FactWithCandidates[]): Map<MemoryId, string> {
  const labels = new Map<MemoryId, string>();
  for (const item of items)
    for (const memory of item.candidates)
      if (!labels.has(memory.id)) labels.set(memory.id, `M${labels.size + 1}`);
  return labels;
}

/** The chat messages asking the model to decide ADD, UPDATE or NOOP for each fact. */
export function decisionMessages(items: readonly FactWithCandidates[]): LlmMessage[] {
  const labels = candidateLabels(items);
  const blocks = items.map((item, position) => {
    const existing =
      item.candidates.length === 0
        ? '  (no similar memories)'
        : item.candidates
            .map((memory) => `  ${labels.get(memory.id)}: ${oneLine(memory.content)}`)
            .join('\n');
    return `Fact ${position + 1}: ${item.fact}\nExisting memories:\n${existing}`;
  });
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: `${blocks.join('\n\n')}\n\nThe decisions, as JSON:` },
  ];
}

/**
 * One validated decision per item: an UPDATE or NOOP naming a memory that was not offered for
 * that fact, an unknown action, or a missing decision becomes ADD; an UPDATE without text
 * rewrites the memory to the fact. Throws InvalidInputError when there is no decisions list.
 */
export function parseDecisions(
  answer: string,
  items: readonly FactWithCandidates[],
): MemoryDecision[] {
  const value = parseTolerantJson(answer);
  const list = Array.isArray(value) ? value : (value as { decisions?: unknown } | null)?.decisions;
  if (!Array.isArray(list)) throw new InvalidInputError('model answer has no decisions list');
  const labels = candidateLabels(items);
  const byLabel = new Map([...labels].map(([id, label]) => [label.toLowerCase(), id]));
  const decisions: MemoryDecision[] = items.map(() => ({ action: 'ADD' }));
  list.forEach((raw, position) => {
    const entry = (raw ?? {}) as Record<string, unknown>;
    const factNumber = Number(entry['fact'] ?? position + 1);
    const item = items[factNumber - 1];
    if (!item || !Number.isInteger(factNumber)) return;
    decisions[factNumber - 1] = validDecision(entry, item, byLabel);
  });
  return decisions;
}

function validDecision(
  entry: Record<string, unknown>,
  item: FactWithCandidates,
  byLabel: ReadonlyMap<string, MemoryId>,
): MemoryDecision {
  const action = String(entry['action'] ?? entry['event'] ?? '').toUpperCase();
  const reference = String(entry['id'] ?? entry['memory'] ?? '').trim();
  const memoryId = byLabel.get(reference.toLowerCase()) ?? reference;
  const offered = item.candidates.some((memory) => memory.id === memoryId);
  if (action === 'UPDATE' && offered) {
    const text = typeof entry['text'] === 'string' ? entry['text'].trim() : '';
    return { action: 'UPDATE', memoryId, text: text === '' ? item.fact : text };
  }
  if ((action === 'NOOP' || action === 'NONE') && offered) return { action: 'NOOP', memoryId };
  return { action: 'ADD' };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 500 ? `${flat.slice(0, 500)}…` : flat;
}
