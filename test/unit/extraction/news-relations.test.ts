import { beforeAll, describe, expect, it } from 'vitest';
import { RulesEntityExtractor } from '../../../src/adapters/extraction/rules-entity-extractor.js';

const extractor = new RulesEntityExtractor({ confidenceThreshold: 0.5 });

beforeAll(() => extractor.init());

async function relations(text: string): Promise<string[]> {
  const { entities, relations: found } = await extractor.extract(text);
  return found.map(
    (relation) =>
      `${entities[relation.sourceIndex]?.text} ${relation.type} ${entities[relation.targetIndex]?.text}`,
  );
}

describe('RulesEntityExtractor appositive and noun relations', () => {
  it.each([
    ['Kennedy was fatally shot by Oswald in Dallas.', 'Oswald killed Kennedy'],
    [
      'Jeff Shia, president of the Kiangsu Association, said no.',
      'Jeff Shia works_for Kiangsu Association',
    ],
    [
      'Harrington, a professor of political science at Queens College, died Monday.',
      'Harrington works_for Queens College',
    ],
    ['Gary Hess, an Emery employee, saw the plane go down.', 'Gary Hess works_for Emery'],
    [
      "John Georges, International Paper's chairman, spoke.",
      'John Georges works_for International Paper',
    ],
    ['Marie Ferraro, 50, of Bethany, Conn., was hurt.', 'Marie Ferraro lives_in Conn.'],
    ['Marie Ferraro, 50, of Bethany, Conn., was hurt.', 'Marie Ferraro lives_in Bethany'],
    [
      'You pass Rolling Fork, where Elvis Presley was born, on the way.',
      'Elvis Presley born_in Rolling Fork',
    ],
    [
      'In Washington, the General Accounting Office said costs rose.',
      'General Accounting Office located_in Washington',
    ],
    ["Bosnia's capital, Sarajevo, is old.", 'Sarajevo located_in Bosnia'],
    ['The plane flew from Kassala in eastern Sudan.', 'Kassala located_in Sudan'],
    ["Kennedy's assassin, Lee Harvey Oswald, was shot.", 'Lee Harvey Oswald killed Kennedy'],
    [
      'John Wilkes Booth, the assassin of Abraham Lincoln, was cornered.',
      'John Wilkes Booth killed Abraham Lincoln',
    ],
    ['Illinois born Charlton Heston arrived in Hollywood.', 'Charlton Heston born_in Illinois'],
    ['Atlanta businessman Neil Estes said it was fun.', 'Neil Estes lives_in Atlanta'],
    ["Sarah's Boston apartment is tiny lol", 'Sarah lives_in Boston'],
    ['They said Initech, a Boston software firm, was sold.', 'Initech located_in Boston'],
  ])('"%s" gives %s', async (text, expected) => {
    expect(await relations(text)).toContain(expected);
  });

  it('does not place one country inside another in a list', async () => {
    const found = await relations('The group (Colombia, Bolivia, Ecuador and Peru) met.');
    expect(found.filter((relation) => relation.includes('located_in'))).toEqual([]);
  });

  it('keeps titles inside person spans only when asked (CoNLL04 convention)', async () => {
    const text = 'Booth shot President Lincoln.';
    const plain = await extractor.extract(text);
    const titled = await new RulesEntityExtractor({ keepTitles: true }).extract(text);
    expect(plain.entities.map((entity) => entity.text)).toContain('Lincoln');
    expect(titled.entities.map((entity) => entity.text)).toContain('President Lincoln');
  });
});
