import { animalWords } from './animal-kinds.js';
import { wordGroups } from './word-list.js';

/**
 * The nouns by which a speaker names someone through a relationship ("my sister", "our dog",
 * "my boss"), each mapped to the relation types that link the speaker to that someone, in
 * either direction. Search follows them: "where does my sister live" is about the sister.
 */
const NOUNS = wordGroups({
  sibling_of: 'sister sisters brother brothers sibling siblings sis bro',
  spouse_of: 'wife husband spouse',
  partner_of: 'partner boyfriend girlfriend bf gf',
  engaged_to: 'fiance fiancee fiancé fiancée',
  ex: 'ex exes',
  family:
    'mom mum mother dad father parents parent son sons daughter daughters kid kids child children',
  grandfamily:
    'grandson grandsons granddaughter granddaughters grandkid grandkids grandchild grandchildren grandma grandpa grandmother grandfather grandparents',
  cousin_of: 'cousin cousins',
  roommate_of: 'roommate roommates flatmate flatmates',
  neighbor_of: 'neighbor neighbors neighbour neighbours',
  has_pet: `pet pets ${animalWords().join(' ')}`,
  manager: 'boss manager supervisor',
  friend_of: 'friend friends bestie',
  coworker_of: 'coworker coworkers colleague colleagues',
});

const TYPES: Readonly<Record<string, readonly string[]>> = {
  family: ['parent_of', 'child_of'],
  grandfamily: ['grandparent_of', 'grandchild_of'],
  ex: ['ex_spouse_of', 'ex_partner_of'],
  manager: ['manager_of', 'boss_of', 'reports_to', 'managed_by'],
  coworker_of: ['coworker_of', 'colleague_of'],
};

/** The relation types a possessed noun names ("my sister" → sibling_of), or none. */
export function relationTypesOfNoun(noun: string): readonly string[] {
  const group = NOUNS.get(noun.toLowerCase());
  if (!group) return [];
  return TYPES[group] ?? [group];
}

/** The nouns a text possesses in the first person: "my sister", "our dog" → sister, dog. */
export function possessedNouns(text: string): string[] {
  return [...text.matchAll(/\b(?:my|our)\s+(\w+)(?:\s+(\w+))?/giu)].flatMap((match) => {
    const noun = [match[1], match[2]].find(
      (word) => word !== undefined && relationTypesOfNoun(word).length > 0,
    );
    return noun ? [noun.toLowerCase()] : [];
  });
}

/** Words by which a question asks for the value of a relation ("where does she live" → lives_in). */
const QUESTION_CUES = wordGroups({
  lives_in: 'live lives living home based reside resides',
  works_for: 'work works working job employer company office',
  spouse_of: 'married wife husband spouse',
  partner_of: 'dating boyfriend girlfriend partner',
  engaged_to: 'engaged fiance fiancee fiancé fiancée engagement',
  has_pet: `pet pets ${animalWords().join(' ')}`,
  manager: 'boss manager supervisor',
  studies_at:
    'study studies studying studied school university college masters degree phd mba bachelors grad',
});

/** The relation types a question asks the value of, from its wording. */
export function askedRelationTypes(question: string): string[] {
  const groups = new Set(
    (question.toLowerCase().match(/\p{L}+/gu) ?? []).flatMap((word) => {
      const group = QUESTION_CUES.get(word);
      return group ? [group] : [];
    }),
  );
  return [...groups].flatMap((group) => TYPES[group] ?? [group]);
}

const PAST = /\b(did|was|were|used to|before|previously|formerly|back then|at first|originally)\b/i;

/** True when a question asks about how things were, not how they are ("where did I work before"). */
export function asksAboutThePast(question: string): boolean {
  return PAST.test(question);
}

/** Words by which a question asks who or what someone is: "what's my dog's name", "who is my boss". */
const IDENTITY = /\b(name|names|named|called|who|whom|whose)\b/i;

/**
 * The relation types a question asks about: those its wording asks the value of and, when it
 * asks only who someone is ("what's my sister's name"), the relation behind the possessed noun.
 */
export function askedRelations(question: string): string[] {
  const asked = askedRelationTypes(question);
  if (asked.length > 0 || !IDENTITY.test(question)) return asked;
  return [...new Set(possessedNouns(question).flatMap(relationTypesOfNoun))];
}
