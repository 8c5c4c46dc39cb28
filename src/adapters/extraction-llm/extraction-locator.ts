import {
  type EntityMention,
  type Extraction,
  FIRST_PERSON_PRONOUNS,
  type RelationMention,
} from '../../domain/extraction.js';
import type { ExtractionAnswer, NamedEntity } from './llm-extraction-answer.js';

const FIRST_PERSON_IN_TEXT = /\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b/g;
/** Map key of the speaker's mention (no real name lower-cases to it). */
const SPEAKER = '\u0000speaker';
const DEFAULT_ENTITY_CONFIDENCE = 0.85;
const DEFAULT_RELATION_CONFIDENCE = 0.75;

export interface LocateOptions {
  /** Name of the speaker; first-person entities resolve to it (dropped when absent). */
  readonly speaker?: string | undefined;
  /** Entities below this confidence are dropped (with their relations). */
  readonly confidenceThreshold: number;
}

/**
 * Turns the model's named entities into mentions with character spans: each name is found
 * (case-insensitively, on word boundaries, without overlapping an earlier mention) at its first
 * occurrence after the previous match, else anywhere; names not in the text are dropped.
 * First-person entities become the speaker. Relations follow their endpoints.
 */
export function locateExtraction(
  text: string,
  answer: ExtractionAnswer,
  options: LocateOptions,
): Extraction {
  const mentions: EntityMention[] = [];
  const byName = new Map<string, EntityMention>();
  let cursor = 0;
  for (const entity of answer.entities) {
    const confidence = entity.confidence ?? DEFAULT_ENTITY_CONFIDENCE;
    if (confidence < options.confidenceThreshold) continue;
    const mention = FIRST_PERSON_PRONOUNS.has(entity.text.toLowerCase())
      ? speakerMention(text, mentions, options.speaker, byName)
      : (nameMention(text, entity, confidence, mentions, cursor) ??
        (isSpeakerName(entity.text, options.speaker)
          ? speakerMention(text, mentions, options.speaker, byName)
          : undefined));
    if (!mention) continue;
    if (!mention.isSpeaker) cursor = mention.end;
    if (!mentions.includes(mention)) mentions.push(mention);
    const key = mention.isSpeaker ? SPEAKER : entity.text.toLowerCase();
    if (!byName.has(key)) byName.set(key, mention);
  }
  if (!byName.has(SPEAKER) && relationsNameTheSpeaker(answer)) {
    const speaker = speakerMention(text, mentions, options.speaker, byName);
    if (speaker) {
      mentions.push(speaker);
      byName.set(SPEAKER, speaker);
    }
  }
  mentions.sort((left, right) => left.start - right.start);
  return { entities: mentions, relations: relations(text, answer, mentions, byName, options) };
}

function nameMention(
  text: string,
  entity: NamedEntity,
  confidence: number,
  taken: readonly EntityMention[],
  cursor: number,
): EntityMention | undefined {
  const start = findName(text, entity.text, cursor, taken) ?? findName(text, entity.text, 0, taken);
  if (start === undefined) return undefined;
  const end = start + entity.text.length;
  return { text: text.slice(start, end), type: entity.type, start, end, confidence };
}

/** The speaker's mention: an existing one, or the first free first-person pronoun. */
function speakerMention(
  text: string,
  taken: readonly EntityMention[],
  speaker: string | undefined,
  byName: ReadonlyMap<string, EntityMention>,
): EntityMention | undefined {
  if (!speaker) return undefined;
  const existing = byName.get(SPEAKER);
  if (existing) return existing;
  for (const match of text.matchAll(FIRST_PERSON_IN_TEXT)) {
    const start = match.index;
    const end = start + match[0].length;
    if (overlaps(taken, start, end)) continue;
    return { text: speaker, type: 'PERSON', start, end, confidence: 1, isSpeaker: true };
  }
  return undefined;
}

function relations(
  text: string,
  answer: ExtractionAnswer,
  mentions: readonly EntityMention[],
  byName: ReadonlyMap<string, EntityMention>,
  options: LocateOptions,
): RelationMention[] {
  const resolve = (name: string) => {
    const lower = name.toLowerCase();
    if (FIRST_PERSON_PRONOUNS.has(lower)) return byName.get(SPEAKER);
    return (
      byName.get(lower) ?? (isSpeakerName(name, options.speaker) ? byName.get(SPEAKER) : undefined)
    );
  };
  const found: RelationMention[] = [];
  for (const relation of answer.relations) {
    const source = resolve(relation.source);
    const target = resolve(relation.target);
    if (!source || !target || source === target) continue;
    found.push({
      sourceIndex: mentions.indexOf(source),
      targetIndex: mentions.indexOf(target),
      type: relation.type,
      confidence: relation.confidence ?? DEFAULT_RELATION_CONFIDENCE,
      sentence: sentenceAround(
        text,
        Math.min(source.start, target.start),
        Math.max(source.end, target.end),
      ),
    });
  }
  return found;
}

/** Start of `name` at or after `from`, on word boundaries, not overlapping `taken`. */
function findName(
  text: string,
  name: string,
  from: number,
  taken: readonly EntityMention[],
): number | undefined {
  const haystack = text.toLowerCase();
  const needle = name.toLowerCase();
  for (let start = haystack.indexOf(needle, from); start !== -1; ) {
    const end = start + needle.length;
    if (isBoundary(text, start - 1) && isBoundary(text, end) && !overlaps(taken, start, end)) {
      return start;
    }
    start = haystack.indexOf(needle, start + 1);
  }
  return undefined;
}

function isBoundary(text: string, index: number): boolean {
  const char = text[index];
  return char === undefined || !/[\p{L}\p{N}_]/u.test(char);
}

function overlaps(taken: readonly EntityMention[], start: number, end: number): boolean {
  return taken.some((mention) => mention.start < end && start < mention.end);
}

function relationsNameTheSpeaker(answer: ExtractionAnswer): boolean {
  return answer.relations.some(
    (relation) =>
      FIRST_PERSON_PRONOUNS.has(relation.source.toLowerCase()) ||
      FIRST_PERSON_PRONOUNS.has(relation.target.toLowerCase()),
  );
}

/** The model named the speaker instead of saying "I" (used only when the name is not in the text). */
function isSpeakerName(name: string, speaker: string | undefined): boolean {
  return speaker !== undefined && name.toLowerCase() === speaker.toLowerCase();
}

/** The sentence(s) holding the span [start, end). */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(before.search(/[^.!?\n]*$/), 0);
  const after = text.slice(end).search(/[.!?\n]/);
  const to = after === -1 ? text.length : end + after + 1;
  return text.slice(from, to).trim();
}
