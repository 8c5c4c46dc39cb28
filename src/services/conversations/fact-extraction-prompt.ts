import { InvalidInputError } from '../../domain/errors.js';
import { parseTolerantJson } from '../../domain/tolerant-json.js';
import type { LlmMessage } from '../../ports/llm.js';

/** A turn shown to the model: its index in the request, who said it, and its cleaned text. */
export interface TranscriptTurn {
  readonly index: number;
  readonly role: 'user' | 'assistant';
  readonly name?: string | undefined;
  readonly text: string;
}

/** A durable fact the model found, and the index of the user turn it came from. */
export interface ExtractedFact {
  readonly text: string;
  readonly index: number;
}

const MAX_FACT_CHARS = 2_000;
const SYSTEM = `You extract durable facts worth remembering about the user from a conversation: preferences, plans, people, places, events, relationships, possessions, work, health and biography.
Rules:
- Use only what USER messages state. ASSISTANT messages are context for resolving references; never take facts from them.
- Skip greetings, small talk, thanks, and questions that state nothing about the user.
- Each fact is one short sentence that stands alone without the conversation, in the user's voice ("I ..."), with pronouns such as "she" or "there" replaced by the names they refer to. Keep dates, places and names exactly as written.
- Do not repeat a fact.
Answer with JSON only, in this shape: {"facts":[{"fact":"I moved to Denver in May 2024.","turn":3}]} where "turn" is the number of the USER message the fact comes from. If nothing is worth remembering, answer {"facts":[]}.`;

/** The chat messages that ask a model for the durable facts of a conversation. */
export function factExtractionMessages(turns: readonly TranscriptTurn[]): LlmMessage[] {
  const transcript = turns
    .map((turn) => {
      const who = turn.role === 'user' ? 'USER' : 'ASSISTANT';
      const name = turn.name ? ` (${turn.name})` : '';
      return `[${turn.index}] ${who}${name}: ${turn.text}`;
    })
    .join('\n');
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: `Conversation:\n${transcript}\n\nThe facts, as JSON:` },
  ];
}

/**
 * The facts in a model answer (`{"facts":[{fact, turn}]}`, a bare array, or plain strings),
 * each tied to one of `userTurns` (the nearest one at or before the turn the model named, else
 * the last). Throws InvalidInputError when the answer holds no facts list.
 */
export function parseFacts(answer: string, userTurns: readonly number[]): ExtractedFact[] {
  const value = parseTolerantJson(answer);
  const list = Array.isArray(value) ? value : (value as { facts?: unknown } | null)?.facts;
  if (!Array.isArray(list)) throw new InvalidInputError('model answer has no facts list');
  const seen = new Set<string>();
  const facts: ExtractedFact[] = [];
  for (const item of list) {
    const text = factText(item);
    if (!text || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    facts.push({ text, index: userTurnFor(turnOf(item), userTurns) });
  }
  return facts;
}

function factText(item: unknown): string | undefined {
  const raw =
    typeof item === 'string'
      ? item
      : ((item as { fact?: unknown; text?: unknown } | null)?.fact ??
        (item as { text?: unknown } | null)?.text);
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  return text === '' ? undefined : text.slice(0, MAX_FACT_CHARS);
}

function turnOf(item: unknown): number | undefined {
  const turn = (item as { turn?: unknown } | null)?.turn;
  const number = typeof turn === 'string' ? Number(turn) : turn;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

function userTurnFor(turn: number | undefined, userTurns: readonly number[]): number {
  const last = userTurns.at(-1) ?? 0;
  if (turn === undefined) return last;
  const atOrBefore = userTurns.filter((index) => index <= turn);
  return atOrBefore.at(-1) ?? userTurns[0] ?? last;
}
