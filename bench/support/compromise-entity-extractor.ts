import nlp from 'compromise';
import type { EntityType } from '../../src/domain/entity.js';
import type { EntityMention, Extraction, RelationMention } from '../../src/domain/extraction.js';
import type { RelationType } from '../../src/domain/relation-type.js';
import type { EntityExtractor } from '../../src/ports/entity-extractor.js';

export interface CompromiseEntityExtractorOptions {
  /** Mentions below this confidence are dropped (compromise mentions all score 0.6). */
  readonly confidenceThreshold?: number;
}

interface OffsetJson {
  readonly text: string;
  readonly offset: { readonly start: number; readonly length: number };
}

interface CompromiseView {
  json(options: { offset: true }): OffsetJson[];
  match(pattern: string): CompromiseView & {
    groups(name: string): CompromiseView;
    found: boolean;
  };
  people(): CompromiseView;
  organizations(): CompromiseView;
  places(): CompromiseView;
  sentences(): CompromiseView & { forEach(callback: (sentence: CompromiseView) => void): void };
  text(): string;
}

const CONFIDENCE = 0.6;
const RELATION_PATTERNS: ReadonlyArray<readonly [string, RelationType]> = [
  ['[<a>#Person+] #Adverb? (work|works|worked|working) (for|at) [<b>#Organization+]', 'works_for'],
  ['[<a>#Person+] #Adverb? (live|lives|lived|living) in [<b>#Place+]', 'lives_in'],
  ['[<a>#Place+] , [<b>#Place+]', 'located_in'],
  ['[<a>#Person+] (killed|assassinated|murdered|shot) [<b>#Person+]', 'killed'],
];

/** compromise alone (what mem0's TypeScript SDK uses): the baseline adapter. */
export class CompromiseEntityExtractor implements EntityExtractor {
  readonly #threshold: number;

  constructor(options: CompromiseEntityExtractorOptions = {}) {
    this.#threshold = options.confidenceThreshold ?? 0.5;
  }

  /** Nothing to load: compromise builds its lexicon when imported. */
  async init(): Promise<void> {}

  /** compromise's people, organisations and places, and a few match-pattern relations. */
  async extract(text: string): Promise<Extraction> {
    return this.extractSync(text);
  }

  /** Same as `extract`, synchronously. */
  extractSync(text: string): Extraction {
    if (CONFIDENCE < this.#threshold || text.trim().length === 0)
      return { entities: [], relations: [] };
    const doc = nlp(text) as unknown as CompromiseView;
    const found: EntityMention[] = [
      ...mentions(text, doc.people(), 'PERSON'),
      ...mentions(text, doc.organizations(), 'ORG'),
      ...mentions(text, doc.places(), 'LOCATION'),
    ];
    const entities = dedupe(found.sort((a, b) => a.start - b.start || b.end - a.end));
    return { entities, relations: relations(text, doc, entities) };
  }
}

function mentions(text: string, view: CompromiseView, type: EntityType): EntityMention[] {
  return view.json({ offset: true }).flatMap(({ offset }) => {
    const raw = text.slice(offset.start, offset.start + offset.length);
    const trimmed = raw.replace(/[^\p{L}\p{N}]+$/u, '');
    const lead = trimmed.length - trimmed.replace(/^[^\p{L}\p{N}]+/u, '').length;
    const start = offset.start + lead;
    const end = offset.start + trimmed.length;
    return end > start
      ? [{ text: text.slice(start, end), type, start, end, confidence: CONFIDENCE }]
      : [];
  });
}

function dedupe(sorted: readonly EntityMention[]): EntityMention[] {
  const kept: EntityMention[] = [];
  for (const mention of sorted) {
    const last = kept[kept.length - 1];
    if (!last || mention.start >= last.end) kept.push(mention);
  }
  return kept;
}

function relations(
  text: string,
  doc: CompromiseView,
  entities: readonly EntityMention[],
): RelationMention[] {
  const found: RelationMention[] = [];
  for (const [pattern, type] of RELATION_PATTERNS) {
    for (const match of doc.match(pattern).json({ offset: true })) {
      const view = nlp(match.text) as unknown as CompromiseView;
      const hit = view.match(pattern);
      const source = locate(entities, text, match.offset.start, hit.groups('a').text());
      const target = locate(entities, text, match.offset.start, hit.groups('b').text());
      if (source !== undefined && target !== undefined && source !== target) {
        found.push({
          sourceIndex: source,
          targetIndex: target,
          type,
          confidence: CONFIDENCE,
          sentence: match.text,
        });
      }
    }
  }
  return found;
}

function locate(
  entities: readonly EntityMention[],
  text: string,
  from: number,
  groupText: string,
): number | undefined {
  const needle = groupText.replace(/[^\p{L}\p{N}]+$/u, '');
  const at = needle ? text.indexOf(needle, from) : -1;
  if (at < 0) return undefined;
  const index = entities.findIndex((entity) => entity.start <= at && at < entity.end);
  return index >= 0 ? index : undefined;
}
