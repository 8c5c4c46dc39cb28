import { beforeAll, describe, expect, it } from 'vitest';
import { RulesEntityExtractor } from '../../../src/adapters/extraction/rules-entity-extractor.js';
import type { EarlierTurn } from '../../../src/ports/entity-extractor.js';

const extractor = new RulesEntityExtractor({ confidenceThreshold: 0.5 });

beforeAll(() => extractor.init());

async function relations(text: string, earlier: readonly string[]): Promise<string[]> {
  const earlierTurns: EarlierTurn[] = earlier.map((turn, index) => ({
    text: turn,
    speaker: index % 2 === 0 ? 'sam' : 'Jo',
  }));
  const { entities, relations } = await extractor.extract(text, {
    speaker: 'sam',
    addressee: 'Jo',
    earlierTurns,
  });
  return relations.map(
    (relation) =>
      `${entities[relation.sourceIndex]?.text} ${relation.type} ${entities[relation.targetIndex]?.text}`,
  );
}

describe('a pronoun resolved to a person named in an earlier turn', () => {
  it.each([
    [['I invited Amy to Thanksgiving.'], "She's my sister.", 'sam sibling_of Amy'],
    [['Amy is coming tonight', 'cool'], 'she is my sister lol', 'sam sibling_of Amy'],
    [
      ['I invited Amy.'],
      "I know she's a little tough to take. But she's my sister.",
      'sam sibling_of Amy',
    ],
    [['Have you met Ross?'], "He's my brother, actually.", 'sam sibling_of Ross'],
    [['I ran into Tom and Ana today.'], "She's my cousin.", 'sam cousin_of Ana'],
    [['My sister Ana called.'], 'Her husband Tom is sick.', 'Ana spouse_of Tom'],
  ])('after %j, "%s" gives %s', async (earlier, text, expected) => {
    expect(await relations(text, earlier)).toContain(expected);
  });

  it.each([
    [[], "She's my sister."],
    [['Tom called me this morning.'], "She's my sister."],
    [['I invited Amy to Thanksgiving.'], "He's my brother."],
    [['I invited Amy to Thanksgiving.'], "She's my brother."],
    [['Amy called.'], 'Emma is here. She is my sister.'],
    [['Jo, you there?'], "She's my sister."],
  ])('after %j, "%s" gives no kinship with the earlier person', async (earlier, text) => {
    const found = await relations(text, earlier);
    expect(found.filter((relation) => /Amy|Tom|Jo\b/.test(relation))).toEqual([]);
  });

  it.each([
    ['Laurie proposes to Jo, and she says no, and then he marries Amy.', 'Jo spouse_of Amy'],
    ['Tom met Amy, and she said his jokes were bad. Her sister Ana laughed.', 'Tom sibling_of Ana'],
  ])(
    '"%s": a pronoun skips a person known to be of the other gender (no %s)',
    async (text, wrong) => {
      expect(await relations(text, [])).not.toContain(wrong);
    },
  );

  it.each([
    ['Tom met Amy, and she said his jokes were bad. Her sister Ana laughed.', 'Amy sibling_of Ana'],
    ['Amy met Tom at work. He said his wife Carol was away.', 'Tom spouse_of Carol'],
  ])('"%s": a pronoun finds the latest person of its gender (%s)', async (text, expected) => {
    expect(await relations(text, [])).toContain(expected);
  });

  it('leaves the earlier turns themselves unextracted', async () => {
    const { entities } = await extractor.extract("She's my sister.", {
      speaker: 'sam',
      earlierTurns: [{ text: 'I invited Amy. Tom from work came too.' }],
    });
    expect(entities.map((entity) => entity.text)).toEqual(['Amy', 'sam']);
  });
});
