import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/adapters/postgres/database.js';
import { PgGraphRepository } from '../../../src/adapters/postgres/pg-graph-repository.js';
import type { Entity } from '../../../src/domain/entity.js';
import { scopeOf } from '../../../src/domain/scope.js';
import type { EntityInput } from '../../../src/ports/graph-repository.js';
import { seedMemories } from '../../support/seed-memories.js';
import { createMigratedDatabase, DATABASE_KINDS } from '../../support/test-databases.js';

/** One entity through the batch upsert. */
async function upsertEntity(graph: PgGraphRepository, input: EntityInput): Promise<Entity> {
  const [entity] = await graph.upsertEntities([input]);
  if (!entity) throw new Error('upsertEntities returned no entity');
  return entity;
}

describe.each(DATABASE_KINDS)('PgGraphRepository on %s', (kind) => {
  let handle: DatabaseHandle;
  let graph: PgGraphRepository;
  let n = 0;
  const freshScope = () => {
    n += 1;
    return scopeOf(`user-${kind}-${n}`);
  };

  beforeAll(async () => {
    handle = await createMigratedDatabase(kind);
    graph = new PgGraphRepository(handle.db);
  });
  afterAll(() => handle.close());

  it('stores an entity and finds it by id', async () => {
    const scope = freshScope();
    const entity = await upsertEntity(graph, { scope, type: 'ORG', text: 'Microsoft' });
    const found = await graph.findEntity(entity.id, scope);
    expect(found).toMatchObject({
      id: entity.id,
      text: 'Microsoft',
      type: 'ORG',
      normalizedName: 'microsoft',
      aliases: [],
      mentionCount: 0,
    });
  });

  it('hides an entity from another scope', async () => {
    const entity = await upsertEntity(graph, {
      scope: freshScope(),
      type: 'ORG',
      text: 'Microsoft',
    });
    expect(await graph.findEntity(entity.id, freshScope())).toBeUndefined();
  });

  it('keeps the same user’s entity of the same name apart in two tenants', async () => {
    const userId = freshScope().userId;
    const home = scopeOf(userId);
    const away = scopeOf(userId, '', 'acme');
    const ours = await upsertEntity(graph, { scope: home, type: 'ORG', text: 'Microsoft' });
    const theirs = await upsertEntity(graph, { scope: away, type: 'ORG', text: 'Microsoft' });
    expect(theirs.id).not.toBe(ours.id);
    expect(theirs.tenant).toBe('acme');
    expect(await graph.findEntity(ours.id, away)).toBeUndefined();
    expect((await graph.findByName(away, 'microsoft')).map((e) => e.id)).toEqual([theirs.id]);
    const listed = await graph.searchEntities({ scope: home, limit: 10, offset: 0 });
    expect(listed.map((e) => e.id)).toEqual([ours.id]);
    await upsertEntity(graph, { scope: home, type: 'ORG', text: 'Mercy General' });
    expect(await graph.findByNameStarts(away, ['mercy'], 'ORG')).toEqual([]);
    expect(await graph.findByNameStarts(home, ['mercy'], 'ORG')).toHaveLength(1);
    expect(await graph.findByNames(away, ['mercy general'])).toEqual([]);
  });

  it('returns one canonical entity for the same scope, type and normalised name', async () => {
    const scope = freshScope();
    const first = await upsertEntity(graph, { scope, type: 'PERSON', text: 'Zoë Smith' });
    const second = await upsertEntity(graph, { scope, type: 'PERSON', text: 'zoe  smith' });
    expect(second.id).toBe(first.id);
    expect(second.text).toBe('Zoë Smith');
  });

  it('creates exactly one entity under concurrent upserts', async () => {
    const scope = freshScope();
    const results = await Promise.all(
      Array.from({ length: 16 }, () =>
        upsertEntity(graph, { scope, type: 'LOCATION', text: 'Seattle' }),
      ),
    );
    expect(new Set(results.map((entity) => entity.id)).size).toBe(1);
    expect(await graph.searchEntities({ scope, limit: 10, offset: 0 })).toHaveLength(1);
  });

  it('finds entities by alias and lists aliases', async () => {
    const scope = freshScope();
    const entity = await upsertEntity(graph, { scope, type: 'ORG', text: 'Microsoft' });
    await graph.addAliases([{ entityId: entity.id, alias: 'Microsoft Corp.' }]);
    await graph.addAliases([{ entityId: entity.id, alias: 'Microsoft Corp.' }]);
    const byAlias = await graph.findByName(scope, 'microsoft corp');
    expect(byAlias.map((found) => found.id)).toEqual([entity.id]);
    expect((await graph.findEntity(entity.id))?.aliases).toEqual(['Microsoft Corp.']);
  });

  it('finds the entities of a type whose name goes on after any of the prefixes, LIKE characters literal', async () => {
    const scope = freshScope();
    const hospital = await upsertEntity(graph, {
      scope,
      type: 'ORG',
      text: 'Mercy General Hospital',
    });
    const school = await upsertEntity(graph, { scope, type: 'ORG', text: 'Lincoln Elementary' });
    await upsertEntity(graph, { scope, type: 'ORG', text: 'Mercy General' });
    await upsertEntity(graph, { scope, type: 'PERSON', text: 'Mercy General Smith' });
    const found = await graph.findByNameStarts(scope, ['mercy general', 'lincoln'], 'ORG');
    expect(found.map((entity) => entity.id).sort()).toEqual([hospital.id, school.id].sort());
    expect(await graph.findByNameStarts(freshScope(), ['mercy general'], 'ORG')).toEqual([]);
    expect(await graph.findByNameStarts(scope, ['mercy%'], 'ORG')).toEqual([]);
    expect(await graph.findByNameStarts(scope, [], 'ORG')).toEqual([]);
  });

  it('finds entities of any type by several canonical names at once', async () => {
    const scope = freshScope();
    const rufus = await upsertEntity(graph, { scope, type: 'MISC', text: 'Rufus' });
    const ana = await upsertEntity(graph, { scope, type: 'PERSON', text: 'Ana' });
    await upsertEntity(graph, { scope: freshScope(), type: 'PERSON', text: 'Rufus' });
    const found = await graph.findByNames(scope, ['rufus', 'ana', 'nobody']);
    expect(found.map((entity) => entity.id).sort()).toEqual([rufus.id, ana.id].sort());
    expect(await graph.findByNames(scope, [])).toEqual([]);
  });

  it('returns related entities in both directions', async () => {
    const scope = freshScope();
    const [memoryId = ''] = await seedMemories(handle.db, scope, ['John works for Microsoft']);
    const john = await upsertEntity(graph, { scope, type: 'PERSON', text: 'John' });
    const microsoft = await upsertEntity(graph, { scope, type: 'ORG', text: 'Microsoft' });
    await graph.upsertRelationship({
      sourceEntityId: john.id,
      targetEntityId: microsoft.id,
      relationType: 'works_for',
      confidence: 0.9,
      sentence: 'John works for Microsoft',
      memoryId,
      validFrom: new Date('2026-01-01T00:00:00Z'),
      singleValued: true,
    });
    const fromJohn = await graph.relationshipsOf(john.id);
    const fromMicrosoft = await graph.relationshipsOf(microsoft.id);
    expect(fromJohn).toHaveLength(1);
    expect(fromMicrosoft.map((edge) => edge.id)).toEqual(fromJohn.map((edge) => edge.id));
    expect(fromJohn[0]).toMatchObject({
      relationType: 'works_for',
      validTo: null,
      metadata: { confidence: 0.9 },
    });
    const neighbourhood = await graph.neighbourhood(microsoft.id, 1);
    expect(neighbourhood.nodes.map((node) => node.text).sort()).toEqual(['John', 'Microsoft']);
  });

  it('closes a contradicted single-valued relationship instead of deleting it', async () => {
    const scope = freshScope();
    const [first = '', second = ''] = await seedMemories(handle.db, scope, [
      'lives in Boston',
      'lives in Denver',
    ]);
    const sarah = await upsertEntity(graph, { scope, type: 'PERSON', text: 'Sarah' });
    const boston = await upsertEntity(graph, { scope, type: 'LOCATION', text: 'Boston' });
    const denver = await upsertEntity(graph, { scope, type: 'LOCATION', text: 'Denver' });
    const base = {
      sourceEntityId: sarah.id,
      relationType: 'lives_in',
      confidence: 0.8,
      singleValued: true,
    };
    await graph.upsertRelationship({
      ...base,
      targetEntityId: boston.id,
      sentence: 'a',
      memoryId: first,
      validFrom: new Date('2025-01-01Z'),
    });
    await graph.upsertRelationship({
      ...base,
      targetEntityId: denver.id,
      sentence: 'b',
      memoryId: second,
      validFrom: new Date('2026-01-01Z'),
    });
    const edges = await graph.relationshipsOf(sarah.id);
    const byTarget = Object.fromEntries(
      edges.map((edge) => [edge.targetEntityId, edge.validTo?.toISOString() ?? null]),
    );
    expect(byTarget).toEqual({ [boston.id]: '2026-01-01T00:00:00.000Z', [denver.id]: null });
  });

  describe('single-valued timeline', () => {
    async function livesIn(cities: string[]) {
      const scope = freshScope();
      const memoryIds = await seedMemories(
        handle.db,
        scope,
        cities.map((city) => `in ${city}`),
      );
      const sarah = await upsertEntity(graph, { scope, type: 'PERSON', text: 'Sarah' });
      const places = new Map<string, string>();
      for (const city of new Set(cities))
        places.set(city, (await upsertEntity(graph, { scope, type: 'LOCATION', text: city })).id);
      const say = (city: string, at: string, index: number, saidAt?: string) =>
        graph.upsertRelationship({
          sourceEntityId: sarah.id,
          targetEntityId: places.get(city) ?? '',
          relationType: 'lives_in',
          confidence: 0.8,
          sentence: `lives in ${city}`,
          memoryId: memoryIds[index] ?? '',
          validFrom: new Date(at),
          singleValued: true,
          ...(saidAt ? { saidAt: new Date(saidAt) } : {}),
        });
      const timeline = async () =>
        (await graph.relationshipsOf(sarah.id))
          .map((edge) => ({
            city: [...places].find(([, id]) => id === edge.targetEntityId)?.[0],
            from: edge.validFrom.toISOString().slice(0, 10),
            to: edge.validTo?.toISOString().slice(0, 10) ?? null,
          }))
          .sort((a, b) => a.from.localeCompare(b.from));
      return { say, timeline };
    }

    it('a backdated value becomes a closed historical fact and leaves the newer one current', async () => {
      const { say, timeline } = await livesIn(['Denver', 'Boston']);
      await say('Denver', '2026-01-01Z', 0);
      await say('Boston', '2024-01-01Z', 1);
      expect(await timeline()).toEqual([
        { city: 'Boston', from: '2024-01-01', to: '2026-01-01' },
        { city: 'Denver', from: '2026-01-01', to: null },
      ]);
    });

    it('a move dated before an undated value said earlier ends that value', async () => {
      // "Sarah lives in Chicago" (10:00), then "she moved from Chicago to Austin last month" (10:05).
      const { say, timeline } = await livesIn(['Chicago', 'Austin']);
      await say('Chicago', '2026-12-01T10:00Z', 0);
      await say('Austin', '2026-11-01Z', 1, '2026-12-01T10:05Z');
      expect(await timeline()).toEqual([
        { city: 'Chicago', from: '2026-11-01', to: '2026-11-01' },
        { city: 'Austin', from: '2026-11-01', to: null },
      ]);
    });

    it('a dated value never ends an undated one said after it, nor a dated one', async () => {
      const later = await livesIn(['Chicago', 'Austin']);
      await later.say('Chicago', '2026-12-02T10:00Z', 0);
      await later.say('Austin', '2026-11-01Z', 1, '2026-12-01T10:05Z');
      expect(await later.timeline()).toEqual([
        { city: 'Austin', from: '2026-11-01', to: '2026-12-02' },
        { city: 'Chicago', from: '2026-12-02', to: null },
      ]);
      const dated = await livesIn(['Chicago', 'Austin']);
      await dated.say('Chicago', '2026-11-20Z', 0, '2026-12-01T10:00Z');
      await dated.say('Austin', '2026-11-01Z', 1, '2026-12-01T10:05Z');
      expect(await dated.timeline()).toEqual([
        { city: 'Austin', from: '2026-11-01', to: '2026-11-20' },
        { city: 'Chicago', from: '2026-11-20', to: null },
      ]);
    });

    it('a value said between two others holds until the later one starts', async () => {
      const { say, timeline } = await livesIn(['Boston', 'Denver', 'Austin']);
      await say('Boston', '2020-01-01Z', 0);
      await say('Denver', '2026-01-01Z', 1);
      await say('Austin', '2023-01-01Z', 2);
      expect(await timeline()).toEqual([
        { city: 'Boston', from: '2020-01-01', to: '2023-01-01' },
        { city: 'Austin', from: '2023-01-01', to: '2026-01-01' },
        { city: 'Denver', from: '2026-01-01', to: null },
      ]);
    });

    it('an earlier mention of the current value moves its start back instead of adding an edge', async () => {
      const { say, timeline } = await livesIn(['Boston', 'Denver', 'Denver']);
      await say('Boston', '2020-01-01Z', 0);
      await say('Denver', '2026-01-01Z', 1);
      await say('Denver', '2025-01-01Z', 2);
      expect(await timeline()).toEqual([
        { city: 'Boston', from: '2020-01-01', to: '2025-01-01' },
        { city: 'Denver', from: '2025-01-01', to: null },
      ]);
    });

    it('repeating the value that holds adds evidence, not an edge', async () => {
      const { say, timeline } = await livesIn(['Boston', 'Boston']);
      const first = await say('Boston', '2020-01-01Z', 0);
      const again = await say('Boston', '2022-01-01Z', 1);
      expect(again.id).toBe(first.id);
      expect(await timeline()).toEqual([{ city: 'Boston', from: '2020-01-01', to: null }]);
    });

    it('deleting the memory of the newest value makes the value before it current again', async () => {
      const { say, timeline } = await livesIn(['Boston', 'Denver']);
      await say('Boston', '2020-01-01Z', 0);
      const denver = await say('Denver', '2026-01-01Z', 1);
      await graph.detachMemory([denver.memoryId ?? '']);
      expect(await timeline()).toEqual([{ city: 'Boston', from: '2020-01-01', to: null }]);
    });
  });

  describe('endings', () => {
    async function couple(sayings: number) {
      const scope = freshScope();
      const memoryIds = await seedMemories(
        handle.db,
        scope,
        Array.from({ length: sayings }, (_, index) => `memory ${index}`),
      );
      const sam = await upsertEntity(graph, { scope, type: 'PERSON', text: 'Sam' });
      const jordan = await upsertEntity(graph, { scope, type: 'PERSON', text: 'Jordan' });
      const say = (
        from: string,
        to: string,
        at: string,
        index: number,
        options: { type?: string; ends?: boolean; saidAt?: string } = {},
      ) =>
        graph.upsertRelationship({
          sourceEntityId: from === 'Sam' ? sam.id : jordan.id,
          targetEntityId: to === 'Sam' ? sam.id : jordan.id,
          relationType: options.type ?? 'partner_of',
          confidence: 0.8,
          sentence: `said ${index}`,
          memoryId: memoryIds[index] ?? '',
          validFrom: new Date(at),
          singleValued: true,
          ...(options.ends ? { ends: true } : {}),
          ...(options.saidAt ? { saidAt: new Date(options.saidAt) } : {}),
        });
      const edges = async () =>
        (await graph.relationshipsOf(sam.id)).map((edge) => ({
          type: edge.relationType,
          from: edge.validFrom.toISOString().slice(0, 10),
          to: edge.validTo?.toISOString().slice(0, 10) ?? null,
        }));
      return { say, edges, memoryIds, sam };
    }

    it('an ending closes the value that holds then, and names the memory that ended it', async () => {
      const { say, edges, memoryIds } = await couple(2);
      await say('Sam', 'Jordan', '2026-01-05Z', 0);
      const ended = await say('Sam', 'Jordan', '2026-07-19Z', 1, { ends: true });
      expect(await edges()).toEqual([{ type: 'partner_of', from: '2026-01-05', to: '2026-07-19' }]);
      expect(ended.metadata).toMatchObject({ endedBy: memoryIds[1] });
    });

    it('an ending is not evidence of the fact, so its memory never counts as superseded', async () => {
      const { say, memoryIds } = await couple(2);
      await say('Sam', 'Jordan', '2026-01-05Z', 0);
      await say('Sam', 'Jordan', '2026-07-19Z', 1, { ends: true });
      expect(await graph.relationshipsOfMemories([memoryIds[1] ?? ''])).toEqual([]);
    });

    it('an ending closes the edge stored from the other end of a symmetric relation', async () => {
      const { say, edges } = await couple(2);
      await say('Jordan', 'Sam', '2026-01-05Z', 0);
      await say('Sam', 'Jordan', '2026-07-19Z', 1, { ends: true });
      expect(await edges()).toEqual([{ type: 'partner_of', from: '2026-01-05', to: '2026-07-19' }]);
    });

    it('an ending closes the inverse edge read from the other end', async () => {
      const { say, edges } = await couple(2);
      await say('Jordan', 'Sam', '2026-01-05Z', 0, { type: 'manager_of' });
      await say('Sam', 'Jordan', '2026-03-01Z', 1, { type: 'reports_to', ends: true });
      expect(await edges()).toEqual([{ type: 'manager_of', from: '2026-01-05', to: '2026-03-01' }]);
    });

    it('an ending of a fact never stored records it as closed there', async () => {
      const { say, edges, memoryIds } = await couple(1);
      await say('Sam', 'Jordan', '2020-02-10Z', 0, { type: 'spouse_of', ends: true });
      expect(await edges()).toEqual([{ type: 'spouse_of', from: '2020-02-10', to: '2020-02-10' }]);
      expect(await graph.relationshipsOfMemories([memoryIds[0] ?? ''])).toHaveLength(1);
    });

    it('an ending after the value already closed adds nothing', async () => {
      const { say, edges } = await couple(3);
      await say('Sam', 'Jordan', '2026-01-05Z', 0);
      await say('Sam', 'Jordan', '2026-05-01Z', 1, { ends: true });
      await say('Sam', 'Jordan', '2026-06-01Z', 2, { ends: true });
      expect(await edges()).toEqual([{ type: 'partner_of', from: '2026-01-05', to: '2026-05-01' }]);
    });

    it('a dated ending said after an undated fact ends it ("we broke up last month")', async () => {
      const { say, edges, memoryIds } = await couple(2);
      await say('Sam', 'Jordan', '2026-07-01T09:00Z', 0);
      const ended = await say('Sam', 'Jordan', '2026-06-01Z', 1, {
        ends: true,
        saidAt: '2026-07-01T09:30Z',
      });
      expect(await edges()).toEqual([{ type: 'partner_of', from: '2026-06-01', to: '2026-06-01' }]);
      expect(ended.metadata).toMatchObject({ endedBy: memoryIds[1] });
    });

    it('an ending before the fact started leaves the later fact current', async () => {
      const { say, edges } = await couple(2);
      await say('Sam', 'Jordan', '2026-01-05Z', 0);
      await say('Sam', 'Jordan', '2025-01-01Z', 1, { ends: true });
      expect(await edges()).toEqual([
        { type: 'partner_of', from: '2025-01-01', to: '2025-01-01' },
        { type: 'partner_of', from: '2026-01-05', to: null },
      ]);
    });
  });

  it('keeps one current relationship when the same fact is asserted twice concurrently', async () => {
    const scope = freshScope();
    const memoryIds = await seedMemories(handle.db, scope, ['a', 'b', 'c', 'd']);
    const alice = await upsertEntity(graph, { scope, type: 'PERSON', text: 'Alice' });
    const acme = await upsertEntity(graph, { scope, type: 'ORG', text: 'Acme' });
    await Promise.all(
      memoryIds.map((memoryId) =>
        graph.upsertRelationship({
          sourceEntityId: alice.id,
          targetEntityId: acme.id,
          relationType: 'likes',
          confidence: 0.7,
          sentence: 'x',
          memoryId,
          validFrom: new Date('2026-01-01Z'),
          singleValued: false,
        }),
      ),
    );
    expect(await graph.relationshipsOf(alice.id)).toHaveLength(1);
    expect(await graph.relationshipsOfMemories(memoryIds)).toHaveLength(4);
  });

  it('detaching a memory removes what only it supported', async () => {
    const scope = freshScope();
    const [kept = '', dropped = ''] = await seedMemories(handle.db, scope, ['kept', 'dropped']);
    const bob = await upsertEntity(graph, { scope, type: 'PERSON', text: 'Bob' });
    const paris = await upsertEntity(graph, { scope, type: 'LOCATION', text: 'Paris' });
    await graph.addMentions([
      { memoryId: kept, entityId: bob.id, mention: 'Bob', start: 0, end: 3, confidence: 0.9 },
      { memoryId: dropped, entityId: bob.id, mention: 'Bob', start: 0, end: 3, confidence: 0.9 },
      {
        memoryId: dropped,
        entityId: paris.id,
        mention: 'Paris',
        start: 10,
        end: 15,
        confidence: 0.9,
      },
    ]);
    await graph.upsertRelationship({
      sourceEntityId: bob.id,
      targetEntityId: paris.id,
      relationType: 'lives_in',
      confidence: 0.8,
      sentence: 'Bob lives in Paris',
      memoryId: dropped,
      validFrom: new Date('2026-01-01Z'),
      singleValued: true,
    });
    const removed = await graph.detachMemory([dropped]);
    expect(removed).toEqual({ relationships: 1, entities: 1 });
    expect(await graph.findEntity(bob.id)).toMatchObject({ mentionCount: 1 });
    expect(await graph.findEntity(paris.id)).toBeUndefined();
    expect(await graph.memoriesMentioning(scope, [bob.id], 10, 100)).toEqual([kept]);
  });

  it('follows no hop through an entity more memories mention than the cap', async () => {
    const scope = freshScope();
    const [aboutBob = '', ...aboutSpeaker] = await seedMemories(handle.db, scope, [
      'Bob plays chess',
      'I slept well',
      'I went running',
      'I cooked dinner',
    ]);
    const bob = await upsertEntity(graph, { scope, type: 'PERSON', text: 'Bob' });
    const speaker = await upsertEntity(graph, { scope, type: 'PERSON', text: 'Ann' });
    const mention = (memoryId: string, entityId: string) => ({
      memoryId,
      entityId,
      mention: 'x',
      start: 0,
      end: 1,
      confidence: 0.9,
    });
    await graph.addMentions([
      mention(aboutBob, bob.id),
      ...aboutSpeaker.map((memoryId) => mention(memoryId, speaker.id)),
    ]);
    await graph.upsertRelationship({
      sourceEntityId: speaker.id,
      targetEntityId: bob.id,
      relationType: 'friend_of',
      confidence: 0.8,
      sentence: 'Ann is friends with Bob',
      memoryId: aboutBob,
      validFrom: new Date('2026-01-01Z'),
      singleValued: false,
    });

    const capped = await graph.memoriesMentioning(scope, [bob.id], 10, 2);
    const uncapped = await graph.memoriesMentioning(scope, [bob.id], 10, 3);

    expect(capped).toEqual([aboutBob]);
    expect(new Set(uncapped)).toEqual(new Set([aboutBob, ...aboutSpeaker]));
  });

  it('upserts a batch of relationships as one-by-one upserts in the same order would', async () => {
    const build = async () => {
      const scope = freshScope();
      const [ann, bob, cid, acme, initech, porto, oslo] = await graph.upsertEntities([
        { scope, type: 'PERSON', text: 'Ann' },
        { scope, type: 'PERSON', text: 'Bob' },
        { scope, type: 'PERSON', text: 'Cid' },
        { scope, type: 'ORG', text: 'Acme' },
        { scope, type: 'ORG', text: 'Initech' },
        { scope, type: 'LOCATION', text: 'Porto' },
        { scope, type: 'LOCATION', text: 'Oslo' },
      ]);
      const names = new Map(
        [ann, bob, cid, acme, initech, porto, oslo].map((e) => [e?.id, e?.text]),
      );
      const memories = await seedMemories(handle.db, scope, ['m1', 'm2', 'm3', 'm4', 'm5']);
      const edge = (
        source: Entity | undefined,
        target: Entity | undefined,
        relationType: string,
        memory: number,
        day: string,
        extra: { singleValued?: boolean; ends?: boolean; saidAt?: string } = {},
      ) => ({
        sourceEntityId: source?.id ?? '',
        targetEntityId: target?.id ?? '',
        relationType,
        confidence: 0.5 + memory / 10,
        sentence: `sentence ${memory} ${relationType}`,
        memoryId: memories[memory] ?? '',
        validFrom: new Date(`2026-01-${day}T00:00:00Z`),
        singleValued: extra.singleValued ?? false,
        ...(extra.ends ? { ends: true } : {}),
        ...(extra.saidAt ? { saidAt: new Date(`2026-01-${extra.saidAt}T00:00:00Z`) } : {}),
      });
      const inputs = [
        edge(ann, bob, 'friend_of', 0, '05'),
        edge(ann, acme, 'works_for', 0, '05', { singleValued: true }),
        edge(ann, bob, 'friend_of', 1, '02'), // earlier: moves valid_from back
        edge(ann, bob, 'friend_of', 1, '03'), // same memory twice: one evidence row
        edge(ann, cid, 'partner_of', 2, '04'),
        edge(cid, ann, 'partner_of', 3, '06', { ends: true }), // ends the inverse edge above
        edge(ann, initech, 'works_for', 3, '07', { singleValued: true }),
        edge(bob, cid, 'friend_of', 4, '01'),
        // One timeline, several values in one batch: a later value, a backdated start of the
        // next value, a repeat of the holding value, a backdated value inside a known one.
        edge(bob, porto, 'lives_in', 0, '10', { singleValued: true }),
        edge(bob, oslo, 'lives_in', 1, '20', { singleValued: true }),
        edge(bob, porto, 'lives_in', 2, '05', { singleValued: true }),
        edge(bob, oslo, 'lives_in', 3, '25', { singleValued: true }),
        edge(bob, porto, 'lives_in', 4, '15', { singleValued: true }),
        edge(bob, acme, 'lives_in', 4, '12', { singleValued: true }),
        // An undated value, then a value dated before it by a later memory: the first ends.
        edge(cid, porto, 'lives_in', 1, '20', { singleValued: true }),
        edge(cid, oslo, 'lives_in', 2, '11', { singleValued: true, saidAt: '21' }),
      ];
      const describe = async () => {
        const rows = await graph.relationshipsOfMemories(memories);
        return rows
          .map((row) =>
            [
              names.get(row.sourceEntityId),
              names.get(row.targetEntityId),
              row.relationType,
              row.validFrom.toISOString(),
              row.validTo?.toISOString() ?? 'current',
              row.metadata.sentence,
              memories.indexOf(row.evidenceMemoryId),
            ].join(' '),
          )
          .sort();
      };
      return { inputs, describe };
    };
    const oneByOne = await build();
    const single: Awaited<ReturnType<typeof graph.upsertRelationship>>[] = [];
    for (const input of oneByOne.inputs) single.push(await graph.upsertRelationship(input));
    const batch = await build();
    const batched = await graph.upsertRelationships(batch.inputs);

    expect(await batch.describe()).toEqual(await oneByOne.describe());
    expect((await batch.describe()).length).toBeGreaterThan(5);
    const shape = (edges: typeof single) =>
      edges.map((e) => [e.relationType, e.validFrom.toISOString(), e.validTo?.toISOString()]);
    expect(shape(batched).map((row) => row[0])).toEqual(batch.inputs.map((i) => i.relationType));
    expect(shape(batched).slice(4)).toEqual(shape(single).slice(4));
    const timeline = (await batch.describe()).filter((line) => line.includes('lives_in'));
    expect(timeline.length).toBeGreaterThanOrEqual(4);
  });
});
