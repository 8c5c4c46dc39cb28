import { describe, expect, it } from 'vitest';
import {
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
});
