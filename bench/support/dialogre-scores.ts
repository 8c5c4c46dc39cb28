import type { RulesEntityExtractor } from '../../src/adapters/extraction/rules-entity-extractor.js';
import { inverseOf, type RelationType } from '../../src/domain/relation-type.js';
import { scopeOf } from '../../src/domain/scope.js';
import {
  ASSISTANT_NAME,
  addresseeOf as conversationAddressee,
} from '../../src/services/conversations/turn-parties.js';
import type { DialogreDialogue } from './conll.js';

/**
 * DialogRE label → our relation type (the label's x is our source); `symmetric` when either way
 * reads the same; `also`, a second type of ours the label covers (employee or member).
 */
export const DIALOGRE_MAP: Readonly<
  Record<string, { type: RelationType; also?: RelationType; symmetric?: boolean }>
> = {
  'per:siblings': { type: 'sibling_of', symmetric: true },
  'per:spouse': { type: 'spouse_of', also: 'ex_spouse_of', symmetric: true },
  'per:friends': { type: 'friend_of', symmetric: true },
  'per:girl/boyfriend': { type: 'partner_of', symmetric: true },
  'per:roommate': { type: 'roommate_of', symmetric: true },
  'per:parents': { type: 'child_of' },
  'per:children': { type: 'parent_of' },
  'per:boss': { type: 'reports_to' },
  'per:place_of_residence': { type: 'lives_in' },
  'per:pet': { type: 'has_pet' },
  'per:schools_attended': { type: 'studies_at' },
  'per:employee_or_member_of': { type: 'works_for', also: 'member_of' },
  'per:positive_impression': { type: 'likes' },
  'per:negative_impression': { type: 'dislikes' },
};

/**
 * One DialogRE label: gold pairs found (recall), and how many of our edges of its type between two
 * annotated arguments of the dialogue the labels confirm (precision).
 */
export interface DialogreRow {
  readonly type: RelationType;
  readonly gold: number;
  readonly found: number;
  readonly recall: number;
  readonly predicted: number;
  readonly correct: number;
  readonly precision: number | null;
}

/** One labelled pair of a dialogue, names canonical, with its label's trigger ('' when inferred). */
export interface Pair {
  readonly x: string;
  readonly y: string;
  readonly label: string;
  readonly trigger: string;
}

/** Told of every gold pair of a mapped label: the dialogue's turns, the pair, and whether we found it. */
export type GoldListener = (turns: readonly string[], pair: Pair, found: boolean) => void;

/** Told of every judged edge of ours: the dialogue's turns, the edge (`source|target|type`), and whether a label confirms it. */
export type EdgeListener = (turns: readonly string[], edge: string, correct: boolean) => void;

/**
 * Scores rules extraction on DialogRE: each turn extracted with its speaker ("Speaker 2"), names
 * compared case-insensitively. With `speakerNames`, every name is first mapped through the
 * dialogue's labelled alternate names ("Speaker 2" = "Chandler"), as a user's own names are known
 * to Engram; the strict score compares names as written.
 */
export function scoreDialogre(
  dialogues: readonly DialogreDialogue[],
  rules: RulesEntityExtractor,
  options: {
    speakerNames: boolean;
    addressee?: AddresseeGuess;
    earlierTurns?: boolean;
    onGold?: GoldListener;
    onEdge?: EdgeListener;
  },
): Record<string, DialogreRow> {
  const counts = new Map<string, { gold: number; found: number }>();
  const byType = new Map<RelationType, { predicted: number; correct: number }>();
  for (const [turns, labelled] of dialogues) {
    const canonical = options.speakerNames
      ? nameMap(labelled)
      : (name: string) => name.toLowerCase();
    const gold: Pair[] = labelled.flatMap((pair) =>
      pair.r.map((label, at) => ({
        x: canonical(pair.x),
        y: canonical(pair.y),
        label,
        trigger: pair.t?.[at] ?? '',
      })),
    );
    const predicted = predictions(
      turns,
      rules,
      canonical,
      options.addressee ?? 'none',
      options.earlierTurns ?? true,
    );
    for (const pair of gold) {
      const mapped = DIALOGRE_MAP[pair.label];
      if (!mapped) continue;
      const entry = counts.get(pair.label) ?? { gold: 0, found: 0 };
      const found = says(predicted, pair, mapped);
      counts.set(pair.label, { gold: entry.gold + 1, found: entry.found + (found ? 1 : 0) });
      options.onGold?.(turns, pair, found);
    }
    // Only edges between the dialogue's annotated arguments can be judged ("hiking" never is).
    const judged = new Set(gold.flatMap((pair) => [pair.x, pair.y]));
    for (const triple of predicted) {
      const [source = '', target = '', type = ''] = triple.split('|');
      if (!judged.has(source) || !judged.has(target)) continue;
      const entry = byType.get(type as RelationType) ?? { predicted: 0, correct: 0 };
      const correct = gold.some((pair) => labels(pair, source, target, type as RelationType));
      entry.predicted += 1;
      entry.correct += correct ? 1 : 0;
      byType.set(type as RelationType, entry);
      options.onEdge?.(turns, triple, correct);
    }
  }
  return toTable(counts, byType);
}

/** One row per label: its recall, and the precision of our edges of its type (and `also`). */
function toTable(
  counts: ReadonlyMap<string, { gold: number; found: number }>,
  byType: ReadonlyMap<RelationType, { predicted: number; correct: number }>,
): Record<string, DialogreRow> {
  const table: Record<string, DialogreRow> = {};
  for (const [label, { type, also }] of Object.entries(DIALOGRE_MAP)) {
    const { gold, found } = counts.get(label) ?? { gold: 0, found: 0 };
    const counted = [type, ...(also ? [also] : [])].map(
      (each) => byType.get(each) ?? { predicted: 0, correct: 0 },
    );
    const predicted = counted.reduce((sum, each) => sum + each.predicted, 0);
    const correct = counted.reduce((sum, each) => sum + each.correct, 0);
    table[label] = {
      type,
      gold,
      found,
      recall: gold === 0 ? 0 : round(found / gold),
      predicted,
      correct,
      precision: predicted === 0 ? null : round(correct / predicted),
    };
  }
  return table;
}

/** Our edges of the mapped types in one dialogue, as `source|target|type` with canonical names. */
function predictions(
  turns: readonly string[],
  rules: RulesEntityExtractor,
  canonical: (name: string) => string,
  strategy: AddresseeGuess,
  earlier: boolean,
): Set<string> {
  const wanted = new Set<string>(
    Object.values(DIALOGRE_MAP).flatMap((entry) => [
      entry.type,
      ...(entry.also ? [entry.also] : []),
    ]),
  );
  const predicted = new Set<string>();
  const speakers = turns.map((turn) => turn.slice(0, turn.indexOf(':')).trim());
  for (const [index, turn] of turns.entries()) {
    const speaker = speakers[index] ?? '';
    const addressee = addresseeOf(speakers, index, strategy, turns);
    const earlierTurns = turns
      .slice(Math.max(0, index - EARLIER_TURNS), index)
      .map((earlier, at) => ({
        speaker: speakers[index - Math.min(index, EARLIER_TURNS) + at] ?? '',
        text: earlier.slice(earlier.indexOf(':') + 1),
      }));
    const extraction = rules.extractSync(turn.slice(turn.indexOf(':') + 1), {
      speaker,
      ...(addressee ? { addressee } : {}),
      ...(earlier ? { earlierTurns } : {}),
    });
    for (const relation of extraction.relations) {
      if (!wanted.has(relation.type) || relation.ends) continue;
      const source = extraction.entities[relation.sourceIndex]?.text ?? '';
      const target = extraction.entities[relation.targetIndex]?.text ?? '';
      if (source && target)
        predicted.add(`${canonical(source)}|${canonical(target)}|${relation.type}`);
    }
  }
  return predicted;
}

/** Earlier turns given with each turn (as a conversation service gives its previous messages). */
export const EARLIER_TURNS = 4;

/** How a transcript turn's addressee is guessed: who speaks next, or who spoke before. */
export type AddresseeGuess = 'next' | 'previous' | 'none';

/**
 * The one a turn is said to: the nearest other speaker after it ('next') or, as the conversation
 * service reads a transcript, before it ('previous': filler turns passed over), falling back to
 * the other side; none when that turn has several speakers.
 */
export function addresseeOf(
  speakers: readonly string[],
  index: number,
  guess: AddresseeGuess,
  turns: readonly string[] = speakers,
): string | undefined {
  if (guess === 'none') return undefined;
  const own = speakers[index];
  const other = (step: number): string | undefined => {
    for (let at = index + step; at >= 0 && at < speakers.length; at += step)
      if (speakers[at] !== own) return speakers[at];
    return undefined;
  };
  const found =
    guess === 'next' ? (other(1) ?? other(-1)) : serviceAddressee(speakers, index, turns);
  return found === undefined || found.includes(',') ? undefined : found;
}

/** What the conversation service would pass: the transcript read as named user turns. */
function serviceAddressee(
  speakers: readonly string[],
  index: number,
  turns: readonly string[],
): string | undefined {
  const messages = turns.map((turn, at) => ({
    role: 'user' as const,
    name: speakers[at] ?? '',
    content: turn.slice(turn.indexOf(':') + 1),
  }));
  const found = conversationAddressee(messages, index, scopeOf());
  return found === ASSISTANT_NAME ? undefined : found;
}

/**
 * True when our edges hold a gold pair: its type (or `also`) the same way, the other way for a
 * symmetric label, or the inverse type the other way ("Ben child_of Carol" is "Carol parent_of Ben").
 */
function says(
  predicted: ReadonlySet<string>,
  pair: Pair,
  mapped: { type: RelationType; also?: RelationType; symmetric?: boolean },
): boolean {
  return [mapped.type, ...(mapped.also ? [mapped.also] : [])].some((type) => {
    const inverse = inverseOf(type);
    return (
      predicted.has(`${pair.x}|${pair.y}|${type}`) ||
      (mapped.symmetric === true && predicted.has(`${pair.y}|${pair.x}|${type}`)) ||
      (inverse !== undefined && predicted.has(`${pair.y}|${pair.x}|${inverse}`))
    );
  });
}

/** True when a gold pair says our edge: the same way, the other way for a symmetric label, or the inverse type. */
function labels(pair: Pair, source: string, target: string, type: RelationType): boolean {
  const mapped = DIALOGRE_MAP[pair.label];
  if (!mapped) return false;
  const same = mapped.type === type || mapped.also === type;
  if (same && pair.x === source && pair.y === target) return true;
  if (pair.x !== target || pair.y !== source) return false;
  return (same && mapped.symmetric === true) || mapped.type === inverseOf(type);
}

/** Every name of a dialogue mapped to one name per person, through its labelled alternate names. */
function nameMap(labelled: DialogreDialogue[1]): (name: string) => string {
  const parent = new Map<string, string>();
  const find = (name: string): string => {
    const up = parent.get(name);
    if (up === undefined || up === name) return name;
    const root = find(up);
    parent.set(name, root);
    return root;
  };
  for (const pair of labelled) {
    if (!pair.r.includes('per:alternate_names')) continue;
    const [x, y] = [find(pair.x.toLowerCase()), find(pair.y.toLowerCase())];
    // A speaker label stays the representative, so both ends of a pair meet at it.
    if (x !== y) parent.set(x.startsWith('speaker ') ? y : x, x.startsWith('speaker ') ? x : y);
  }
  return (name) => find(name.toLowerCase());
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
