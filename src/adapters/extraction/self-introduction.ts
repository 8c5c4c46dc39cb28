import type { EntityMention, Extraction } from '../../domain/extraction.js';
import { wordGroups } from '../../domain/word-list.js';
import { PERSON_TITLES } from './lexicon/person-words.js';
import type { Token } from './tokenizer.js';

/** Words right before a name that make it the speaker's own ("I'm Sam", "call me Gigi"). */
const INTRODUCTIONS = wordGroups({
  one: "i'm im i’m",
  two: 'i_am call_me calls_me called_me',
  // "her name is Maya" names someone else: only "my name is" introduces the speaker.
  three: 'my_name_is',
});
const POSSESSIVE = /^['’][sS]$/u;

/**
 * The speaker's own name becomes the speaker's mention with that name as an alias: "Hi, I'm Sam
 * Carter", "my name is Sam", "Noah calls me Gigi" (so both names reach one node). Indices are kept,
 * so relations still point at the same mentions.
 */
export function markSelfIntroductions(
  extraction: Extraction,
  tokens: readonly Token[],
  speaker: string | undefined,
): Extraction {
  if (speaker === undefined) return extraction;
  const entities = extraction.entities.map((entity): EntityMention => {
    if (entity.type !== 'PERSON' || entity.isSpeaker || !isIntroduced(tokens, entity))
      return entity;
    return { ...entity, text: speaker, isSpeaker: true, alias: entity.text };
  });
  return { ...extraction, entities };
}

function isIntroduced(tokens: readonly Token[], entity: EntityMention): boolean {
  let first = tokens.findIndex((token) => token.start >= entity.start);
  const next = tokens.find((token) => token.start >= entity.end);
  if (first < 0 || (next && POSSESSIVE.test(next.text))) return false;
  if (PERSON_TITLES.has(tokens[first - 1]?.lower.replace(/\.$/u, '') ?? '')) first -= 1;
  const one = tokens[first - 1]?.lower ?? '';
  const two = `${tokens[first - 2]?.lower} ${one}`;
  const three = `${tokens[first - 3]?.lower} ${two}`;
  return (
    INTRODUCTIONS.get(one) === 'one' ||
    INTRODUCTIONS.get(two) === 'two' ||
    INTRODUCTIONS.get(three) === 'three'
  );
}
