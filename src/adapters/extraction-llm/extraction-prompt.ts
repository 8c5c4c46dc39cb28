import { RELATION_TYPES } from '../../domain/relation-type.js';
import type { LlmMessage } from '../../ports/llm.js';

// The catalogue, one type a line: "- works_for: the source works for the target organisation".
const RELATION_LINES = Object.entries(RELATION_TYPES)
  .map(([type, { meaning }]) => `- ${type}: the source ${meaning}`)
  .join('\n');

const SYSTEM = `You extract a knowledge graph from a short text.
Answer with ONE JSON object and nothing else, in this shape:
{"entities":[{"text":"Sarah","type":"PERSON","confidence":0.9}],
 "relations":[{"source":"Sarah","target":"Boston","type":"lives_in","confidence":0.8}]}
Entity types: PERSON, ORG, LOCATION (cities, countries, places), DATE, TIME, MONEY, PRODUCT, EVENT, MISC.
Entity "text" must be copied exactly as written in the text (no titles like "my sister", no trailing punctuation), listed in order of appearance.
The person speaking (I, me, my, myself) is the entity "I" of type PERSON; include it only when it takes part in a relation.
Relation types are snake_case, one of:
${RELATION_LINES}
For any other fact use the verb lemma (e.g. visited, plays).
"source" and "target" are entity texts from your list. Confidence is between 0 and 1.
If there is nothing to extract, answer {"entities":[],"relations":[]}.`;

/** The chat messages asking a model for entities and relations of `text` as JSON. */
export function extractionPrompt(text: string): LlmMessage[] {
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: `Text:\n"""\n${text}\n"""` },
  ];
}
