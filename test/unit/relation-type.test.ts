import { describe, expect, it } from 'vitest';
import { extractionPrompt } from '../../src/adapters/extraction-llm/extraction-prompt.js';
import {
  isRelationType,
  isSingleValued,
  RELATION_TYPES,
  type RelationType,
  relationLabelOf,
  verbRelation,
} from '../../src/domain/relation-type.js';

const types = Object.keys(RELATION_TYPES) as RelationType[];

describe('the relation type catalogue', () => {
  it('pairs every inverse both ways', () => {
    for (const type of types) {
      const inverse = RELATION_TYPES[type].inverse;
      if (inverse) expect(RELATION_TYPES[inverse].inverse).toBe(type);
    }
  });

  it('keeps one home, one employer, one partner and one manager at a time', () => {
    expect(types.filter(isSingleValued)).toEqual([
      'works_for',
      'lives_in',
      'spouse_of',
      'engaged_to',
      'partner_of',
      'reports_to',
    ]);
  });

  it("reads role types from the source: Tom uncle_of Amy is Tom being Amy's uncle", () => {
    expect(RELATION_TYPES.uncle_of.meaning).toBe('is an uncle of the target');
    expect(RELATION_TYPES.reports_to.meaning).toMatch(/^has the target as manager/);
    expect(RELATION_TYPES.manager_of.inverse).toBe('reports_to');
  });

  it('never treats a verb relation as single-valued', () => {
    expect(isSingleValued(verbRelation('visit'))).toBe(false);
    expect(isRelationType('visit')).toBe(false);
  });

  it('is the list the LLM prompt offers', () => {
    const system = extractionPrompt('x')[0]?.content ?? '';
    for (const type of types) expect(system).toContain(`- ${type}: the source `);
  });
});

describe('verbRelation', () => {
  it('writes a lemma in lower case with runs of other characters as one underscore', () => {
    expect(verbRelation('co-found')).toBe('co_found');
    expect(verbRelation('Visit')).toBe('visit');
  });
});

describe('relationLabelOf', () => {
  it('keeps catalogue types and snake-cases what the model wrote', () => {
    expect(relationLabelOf('works_for')).toBe('works_for');
    expect(relationLabelOf('Works For')).toBe('works_for');
    expect(relationLabelOf('livesIn')).toBe('lives_in');
  });

  it('maps synonyms onto the catalogue', () => {
    expect(relationLabelOf('employed_by')).toBe('works_for');
    expect(relationLabelOf('married to')).toBe('spouse_of');
    expect(relationLabelOf('assassinated')).toBe('killed');
  });

  it('keeps the direction of boss and manager names: the source manages the target', () => {
    expect(relationLabelOf('boss_of')).toBe('manager_of');
    expect(relationLabelOf('supervises')).toBe('manager_of');
    expect(relationLabelOf('managed_by')).toBe('reports_to');
  });

  it('keeps any other name as a verb relation and drops an empty one', () => {
    expect(relationLabelOf('visited')).toBe('visited');
    expect(relationLabelOf(' -- ')).toBeUndefined();
  });
});
