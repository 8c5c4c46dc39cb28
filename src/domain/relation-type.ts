/**
 * The closed catalogue of typed relations: every type the rules extractor and the LLM prompt can
 * produce. An edge reads "source TYPE target" and `meaning` completes "the source …": Tom
 * `uncle_of` Amy means Tom is Amy's uncle, Amy `reports_to` Karen means Karen is Amy's manager.
 * A single-valued type holds one target per source at a time (one home, one manager, one partner).
 */
const CATALOGUE = {
  works_for: { singleValued: true, meaning: 'works for the target organisation' },
  lives_in: { singleValued: true, meaning: 'lives in the target place' },
  located_in: { singleValued: false, meaning: 'is in the target place (organisation or place)' },
  born_in: { singleValued: false, meaning: 'was born in the target place' },
  studies_at: { singleValued: false, meaning: 'studies or studied at the target school' },
  member_of: { singleValued: false, meaning: 'belongs to the target group, team or band' },
  founded: { singleValued: false, meaning: 'founded the target organisation' },
  killed: {
    singleValued: false,
    meaning: 'killed the target (murdered, assassinated or shot them)',
  },
  spouse_of: { singleValued: true, inverse: 'spouse_of', meaning: 'is married to the target' },
  engaged_to: { singleValued: true, inverse: 'engaged_to', meaning: 'is engaged to the target' },
  partner_of: {
    singleValued: true,
    inverse: 'partner_of',
    meaning: 'is the boyfriend, girlfriend or partner of the target',
  },
  ex_spouse_of: {
    singleValued: false,
    inverse: 'ex_spouse_of',
    meaning: 'was married to the target and is divorced from them',
  },
  ex_partner_of: {
    singleValued: false,
    inverse: 'ex_partner_of',
    meaning: 'was the partner of the target and broke up with them',
  },
  parent_of: { singleValued: false, inverse: 'child_of', meaning: 'is a parent of the target' },
  child_of: { singleValued: false, inverse: 'parent_of', meaning: 'is a child of the target' },
  sibling_of: {
    singleValued: false,
    inverse: 'sibling_of',
    meaning: 'is a brother or sister of the target',
  },
  grandparent_of: {
    singleValued: false,
    inverse: 'grandchild_of',
    meaning: 'is a grandparent of the target',
  },
  grandchild_of: {
    singleValued: false,
    inverse: 'grandparent_of',
    meaning: 'is a grandchild of the target',
  },
  cousin_of: { singleValued: false, inverse: 'cousin_of', meaning: 'is a cousin of the target' },
  uncle_of: { singleValued: false, meaning: 'is an uncle of the target' },
  aunt_of: { singleValued: false, meaning: 'is an aunt of the target' },
  nephew_of: { singleValued: false, meaning: 'is a nephew of the target' },
  niece_of: { singleValued: false, meaning: 'is a niece of the target' },
  friend_of: { singleValued: false, inverse: 'friend_of', meaning: 'is a friend of the target' },
  roommate_of: {
    singleValued: false,
    inverse: 'roommate_of',
    meaning: 'shares a home with the target (roommate, flatmate)',
  },
  neighbor_of: {
    singleValued: false,
    inverse: 'neighbor_of',
    meaning: 'is a neighbour of the target',
  },
  has_pet: { singleValued: false, meaning: 'has the target as a pet' },
  likes: { singleValued: false, meaning: 'likes, loves or enjoys the target' },
  dislikes: { singleValued: false, meaning: 'dislikes or hates the target' },
  manager_of: {
    singleValued: false,
    inverse: 'reports_to',
    meaning: 'manages the target (is their boss or supervisor)',
  },
  reports_to: {
    singleValued: true,
    inverse: 'manager_of',
    meaning: 'has the target as manager, boss or supervisor',
  },
  coworker_of: { singleValued: false, inverse: 'coworker_of', meaning: 'works with the target' },
  colleague_of: {
    singleValued: false,
    inverse: 'colleague_of',
    meaning: 'is a colleague of the target',
  },
} as const;

/** A relation type of the catalogue (`works_for`, `lives_in`, …). */
export type RelationType = keyof typeof CATALOGUE;

export interface RelationTypeInfo {
  /** A new edge of this type closes the source's current one (one home, one employer at a time). */
  readonly singleValued: boolean;
  /** The same fact read from target to source, when the catalogue has it (itself if symmetric). */
  readonly inverse?: RelationType;
  /** Completes "the source …" in one line; the LLM prompt and the API docs show it. */
  readonly meaning: string;
}

/** Every relation type and what it means; the compiler checks each inverse is a type too. */
export const RELATION_TYPES: Readonly<Record<RelationType, RelationTypeInfo>> = CATALOGUE;

declare const verbRelationBrand: unique symbol;

/** A generic subject–verb–object relation named by its verb lemma (`visit`, `co_found`). */
export type VerbRelation = string & { readonly [verbRelationBrand]: true };

/** What a relation is called: a catalogue type, or a verb lemma for the generic ones. */
export type RelationLabel = RelationType | VerbRelation;

/** The generic relation of a verb lemma: lower case, runs of other characters as one `_`. */
export function verbRelation(lemma: string): VerbRelation {
  return lemma.replace(/[^\p{L}\p{N}]+/gu, '_').toLowerCase() as VerbRelation;
}

/** True when `label` is a catalogue type rather than a verb lemma. */
export function isRelationType(label: string): label is RelationType {
  return Object.hasOwn(RELATION_TYPES, label);
}

/** The same fact read from target to source ("reports_to" → "manager_of"), when the catalogue has it. */
export function inverseOf(label: string): RelationType | undefined {
  return isRelationType(label) ? RELATION_TYPES[label].inverse : undefined;
}

/** True when a new edge of this type replaces the source's current one; verb relations never do. */
export function isSingleValued(label: string): boolean {
  return isRelationType(label) && RELATION_TYPES[label].singleValued;
}

/** Names models give catalogue types ("employed_by" is `works_for`). */
const SYNONYMS: ReadonlyMap<string, RelationType> = new Map(
  Object.entries({
    works_at: 'works_for',
    employed_by: 'works_for',
    employed_at: 'works_for',
    employee_of: 'works_for',
    lives_at: 'lives_in',
    resides_in: 'lives_in',
    based_in: 'located_in',
    headquartered_in: 'located_in',
    was_born_in: 'born_in',
    studied_at: 'studies_at',
    attends: 'studies_at',
    graduated_from: 'studies_at',
    belongs_to: 'member_of',
    plays_for: 'member_of',
    co_founded: 'founded',
    cofounded: 'founded',
    founder_of: 'founded',
    murdered: 'killed',
    assassinated: 'killed',
    kill: 'killed',
    married_to: 'spouse_of',
    fiance_of: 'engaged_to',
    fiancee_of: 'engaged_to',
    divorced_from: 'ex_spouse_of',
    ex_wife_of: 'ex_spouse_of',
    ex_husband_of: 'ex_spouse_of',
    ex_boyfriend_of: 'ex_partner_of',
    ex_girlfriend_of: 'ex_partner_of',
    dating: 'partner_of',
    boss_of: 'manager_of',
    manages: 'manager_of',
    supervises: 'manager_of',
    supervisor_of: 'manager_of',
    managed_by: 'reports_to',
    works_under: 'reports_to',
    grandmother_of: 'grandparent_of',
    grandfather_of: 'grandparent_of',
    grandma_of: 'grandparent_of',
    grandpa_of: 'grandparent_of',
    grandson_of: 'grandchild_of',
    granddaughter_of: 'grandchild_of',
    son_of: 'child_of',
    daughter_of: 'child_of',
    mother_of: 'parent_of',
    father_of: 'parent_of',
    husband_of: 'spouse_of',
    wife_of: 'spouse_of',
    boyfriend_of: 'partner_of',
    girlfriend_of: 'partner_of',
    brother_of: 'sibling_of',
    sister_of: 'sibling_of',
    friends_with: 'friend_of',
    flatmate_of: 'roommate_of',
    loves: 'likes',
    hates: 'dislikes',
  } satisfies Record<string, RelationType>),
);

/**
 * The one way a relation name from outside (an LLM answer) becomes a label: snake_case, then a
 * catalogue type or one of its synonyms, else a verb relation; undefined when nothing is left.
 */
export function relationLabelOf(name: string): RelationLabel | undefined {
  const label = name
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (label === '') return undefined;
  if (isRelationType(label)) return label;
  return SYNONYMS.get(label) ?? verbRelation(label);
}
