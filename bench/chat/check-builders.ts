import type { EntityType } from '../../src/domain/entity.js';
import type { ChatGraphCheck, ChatParty, ChatTopic } from './chat-script.js';

/**
 * Relation types a check accepts, loosely: the rule extractor's names today, and the explicit
 * names a typed vocabulary may use. `inverse` holds the types that say the same thing from the
 * other end (a symmetric relation is its own inverse).
 */
const RELATIONS = {
  works_for: { types: ['works_for', 'employed_by'], inverse: ['employs'] },
  lives_in: { types: ['lives_in', 'resides_in'], inverse: [] },
  studies_at: { types: ['studies_at', 'student_at', 'attends'], inverse: [] },
  partner: {
    types: [
      'partner_of',
      'dating',
      'girlfriend_of',
      'boyfriend_of',
      'engaged_to',
      'fiance_of',
      'spouse_of',
    ],
    inverse: [
      'partner_of',
      'dating',
      'girlfriend_of',
      'boyfriend_of',
      'engaged_to',
      'fiance_of',
      'spouse_of',
    ],
  },
  spouse: {
    types: ['spouse_of', 'married_to', 'husband_of', 'wife_of'],
    inverse: ['spouse_of', 'married_to', 'husband_of', 'wife_of'],
  },
  sibling: {
    types: ['sibling_of', 'brother_of', 'sister_of'],
    inverse: ['sibling_of', 'brother_of', 'sister_of'],
  },
  cousin: { types: ['cousin_of'], inverse: ['cousin_of'] },
  parent: {
    types: ['parent_of', 'mother_of', 'father_of'],
    inverse: ['child_of', 'son_of', 'daughter_of'],
  },
  has_pet: { types: ['has_pet', 'owns_pet', 'owns'], inverse: ['pet_of', 'owned_by'] },
  manages: {
    types: ['manager_of', 'manages', 'boss_of', 'supervisor_of', 'supervises'],
    inverse: ['reports_to', 'managed_by', 'works_under', 'supervised_by'],
  },
} as const;

type Relation = keyof typeof RELATIONS;
type FactKind = 'current' | 'closed' | 'not_current' | 'never';

/** The first person of the conversation. */
export const SPEAKER: ChatParty = 'speaker';

/** Any entity with one of these names (canonical or alias). */
export function named(...names: string[]): ChatParty {
  return { names };
}

/** A fact check: `subject relation object` holds now, held once and no longer, does not hold now, or was never stored. */
export function fact(
  kind: FactKind,
  topic: ChatTopic,
  subject: ChatParty,
  relation: Relation,
  object: ChatParty | string,
): ChatGraphCheck {
  const { types, inverse } = RELATIONS[relation];
  const target = typeof object === 'string' ? named(object) : object;
  return { kind, topic, subject, types, inverse, object: target };
}

/** `boss` manages the speaker, in either explicit direction, and never the reverse. */
export function managerOfSpeaker(
  boss: readonly string[],
  options: { current: boolean },
): ChatGraphCheck {
  const { types, inverse } = RELATIONS.manages;
  return {
    kind: 'direction',
    topic: 'manager',
    subject: named(...boss),
    types,
    inverse,
    object: SPEAKER,
    current: options.current,
  };
}

/** The speaker's own names never become a second PERSON. */
export function oneNode(...names: string[]): ChatGraphCheck {
  return { kind: 'one_node', topic: 'identity', names };
}

/** Small talk (or a misread name) leaves no entity of this type with any of these names. */
export function noEntity(type: EntityType, ...names: string[]): ChatGraphCheck {
  return { kind: 'no_entity', topic: 'small_talk', type, names };
}

/** A fact told about someone else never becomes the speaker's own, not even for a while. */
export function notTheSpeakers(relation: Relation, object: string): ChatGraphCheck {
  return fact('never', 'attribution', SPEAKER, relation, object);
}
