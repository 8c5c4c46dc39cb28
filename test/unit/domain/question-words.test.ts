import { describe, expect, it } from 'vitest';
import { animalKindOf } from '../../../src/domain/animal-kinds.js';
import {
  askedRelations,
  askedRelationTypes,
  asksAboutThePast,
  possessedNouns,
  relationTypesOfNoun,
} from '../../../src/domain/question-words.js';

describe('relative nouns', () => {
  it('names the relation types behind a possessed noun', () => {
    expect(relationTypesOfNoun('sister')).toEqual(['sibling_of']);
    expect(relationTypesOfNoun('Dog')).toEqual(['has_pet']);
    expect(relationTypesOfNoun('mom')).toEqual(['parent_of', 'child_of']);
    expect(relationTypesOfNoun('car')).toEqual([]);
  });

  it('finds the nouns a question possesses, with an adjective between', () => {
    expect(possessedNouns('Where does my sister live now?')).toEqual(['sister']);
    expect(possessedNouns("what's our dog's name")).toEqual(['dog']);
    expect(possessedNouns('who is my new boss')).toEqual(['boss']);
    expect(possessedNouns('where do I work')).toEqual([]);
    expect(possessedNouns('my car broke down')).toEqual([]);
  });

  it('reads which relation a question asks about', () => {
    expect(askedRelationTypes('Where does my sister live now?')).toEqual(['lives_in']);
    expect(askedRelationTypes('where do I work')).toEqual(['works_for']);
    expect(askedRelationTypes('who is my boss?')).toContain('manager_of');
    expect(askedRelationTypes('what did we eat on Friday?')).toEqual([]);
  });

  it('tells questions about the past from questions about now', () => {
    expect(asksAboutThePast('When did I work at Microsoft?')).toBe(true);
    expect(asksAboutThePast('where was I living before Portland')).toBe(true);
    expect(asksAboutThePast('Where do I live now?')).toBe(false);
  });

  it('asks for the relation behind a possessed noun only when the question asks who or what', () => {
    expect(askedRelations("what's my sister's name?")).toEqual(['sibling_of']);
    expect(askedRelations('who is my cousin?')).toEqual(['cousin_of']);
    expect(askedRelations('where does my sister live?')).toEqual(['lives_in']);
    expect(askedRelations('my sister is visiting')).toEqual([]);
    expect(askedRelations("what's my bird called?")).toEqual(['has_pet']);
    expect(askedRelations('am I engaged?')).toEqual(['engaged_to']);
  });

  it('names exes, grandchildren and cousins', () => {
    expect(possessedNouns('where does my ex-husband live?')).toEqual(['ex']);
    expect(relationTypesOfNoun('ex')).toEqual(['ex_spouse_of', 'ex_partner_of']);
    expect(relationTypesOfNoun('grandson')).toEqual(['grandparent_of', 'grandchild_of']);
    expect(relationTypesOfNoun('parakeet')).toEqual(['has_pet']);
  });
});

describe('animal kinds', () => {
  it('groups the words people use for the animals they keep', () => {
    expect(animalKindOf('parakeet')).toBe('bird');
    expect(animalKindOf('Puppies')).toBe('dog');
    expect(animalKindOf('kitten')).toBe('cat');
    expect(animalKindOf('car')).toBeUndefined();
  });
});
