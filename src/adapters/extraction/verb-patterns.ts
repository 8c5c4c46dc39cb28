import type { EntityType } from '../../domain/entity.js';
import type { RelationType } from '../../domain/relation-type.js';
import { SCHOOL_HEADS, VERB_PHRASES } from './lexicon/relation-cue-words.js';

/** A verb phrase (as lemmas) that links a subject to the entity after it. */
export interface VerbPattern {
  readonly words: readonly string[];
  readonly type: RelationType;
  readonly subjects: readonly EntityType[];
  readonly targets: readonly EntityType[];
  /** The object may be a plain noun phrase (emitted as a MISC entity). */
  readonly allowsPhrase?: boolean;
  /** "we" may be the subject: it stands for the speaker's household ("we live in Austin"). */
  readonly household?: boolean;
  /** The object's name must end with one of these words ("go to" needs a school). */
  readonly targetHeads?: ReadonlySet<string>;
}

type VerbRelationType = keyof typeof VERB_PHRASES;

const ORG: readonly EntityType[] = ['ORG'];
const PLACE: readonly EntityType[] = ['LOCATION'];
const PERSON: readonly EntityType[] = ['PERSON'];
const AGENT: readonly EntityType[] = ['PERSON', 'ORG'];
const ANY: readonly EntityType[] = ['PERSON', 'ORG', 'LOCATION', 'PRODUCT', 'EVENT', 'MISC'];

interface Arguments {
  readonly subjects: readonly EntityType[];
  readonly targets: readonly EntityType[];
  readonly household?: boolean;
}

// Who may be the subject and the object of each verb relation; ANY objects may be noun phrases.
const ARGUMENTS: Readonly<Record<VerbRelationType, Arguments>> = {
  works_for: { subjects: PERSON, targets: ORG },
  born_in: { subjects: PERSON, targets: PLACE },
  located_in: { subjects: ['ORG', 'LOCATION'], targets: PLACE },
  lives_in: { subjects: PERSON, targets: PLACE, household: true },
  studies_at: { subjects: PERSON, targets: ORG },
  member_of: { subjects: AGENT, targets: ORG },
  founded: { subjects: AGENT, targets: ORG },
  killed: { subjects: PERSON, targets: PERSON },
  spouse_of: { subjects: PERSON, targets: PERSON },
  engaged_to: { subjects: PERSON, targets: PERSON },
  partner_of: { subjects: PERSON, targets: PERSON },
  reports_to: { subjects: PERSON, targets: PERSON },
  friend_of: { subjects: PERSON, targets: PERSON },
  dislikes: { subjects: PERSON, targets: ANY },
  likes: { subjects: PERSON, targets: ANY },
};

/** Typed verb patterns in lexicon order (longest first within each type): the first match wins. */
export const VERB_PATTERNS: readonly VerbPattern[] = (
  Object.entries(VERB_PHRASES) as [VerbRelationType, ReadonlySet<string>][]
).flatMap(([type, phrases]) =>
  [...phrases].map((phrase) => ({
    words: phrase.split(' '),
    type,
    ...ARGUMENTS[type],
    ...(ARGUMENTS[type].targets === ANY ? { allowsPhrase: true } : {}),
    ...(phrase === 'go to' ? { targetHeads: SCHOOL_HEADS } : {}),
  })),
);
