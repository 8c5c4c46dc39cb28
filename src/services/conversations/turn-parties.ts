import type { Scope } from '../../domain/scope.js';
import type { EarlierTurn } from '../../ports/entity-extractor.js';
import type { ConversationMessage } from './conversation-inputs.js';
import { fillerReason } from './filler-turn.js';
import { withoutRecalled } from './recalled-context.js';

/** Earlier turns given to the extractor with each stored turn, at most. */
export const EARLIER_TURNS = 4;

/** The assistant's name when neither its messages nor the scope give one. */
export const ASSISTANT_NAME = 'assistant';

/**
 * Who says a message: its `name`, else the user (the scope's user id) for a user turn and the
 * assistant (the scope's agent id) for an assistant turn.
 */
export function speakerOfMessage(message: ConversationMessage, scope: Scope): string | undefined {
  if (message.name?.trim()) return message.name.trim();
  if (message.role === 'user') return scope.userId || undefined;
  if (message.role === 'assistant') return scope.agentId || ASSISTANT_NAME;
  return undefined;
}

/**
 * The one a message is said to: the nearest earlier speaker who is someone else (passing over
 * filler such as "ok", "wow"), else the next one. In a user↔assistant chat the user speaks to the assistant and the assistant to the user;
 * in a transcript of named people, to whoever spoke last. Undefined when nobody else speaks.
 */
export function addresseeOf(
  messages: readonly ConversationMessage[],
  index: number,
  scope: Scope,
): string | undefined {
  const message = messages[index];
  if (!message || message.role === 'system') return undefined;
  const own = speakerOfMessage(message, scope);
  const other = (step: number, skipFiller: boolean): string | undefined => {
    for (let at = index + step; at >= 0 && at < messages.length; at += step) {
      const turn = messages[at];
      if (!turn || turn.role === 'system') continue;
      const speaker = speakerOfMessage(turn, scope);
      // "Okay. Wow." does not take the floor: the reply is to whoever spoke before it.
      if (skipFiller && fillerReason(withoutRecalled(turn.content)) !== undefined) continue;
      if (speaker !== undefined && speaker !== own) return speaker;
    }
    return undefined;
  };
  const found = other(-1, true) ?? other(-1, false) ?? other(1, false);
  if (found !== undefined) return found;
  // A user's lone message in a chat is still said to the assistant.
  return message.role === 'user' ? scope.agentId || ASSISTANT_NAME : undefined;
}

/** The non-system turns just before `index`, oldest first, with their speakers (recalled text removed). */
export function earlierTurnsOf(
  messages: readonly ConversationMessage[],
  index: number,
  scope: Scope,
): EarlierTurn[] {
  const turns: EarlierTurn[] = [];
  for (let at = index - 1; at >= 0 && turns.length < EARLIER_TURNS; at -= 1) {
    const turn = messages[at];
    const text = turn && turn.role !== 'system' ? withoutRecalled(turn.content) : '';
    if (!turn || text === '') continue;
    const speaker = speakerOfMessage(turn, scope);
    turns.unshift({ text, ...(speaker ? { speaker } : {}) });
  }
  return turns;
}
