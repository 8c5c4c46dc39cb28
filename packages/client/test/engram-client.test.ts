import { EngramClient, EngramError, type Memory } from 'engram-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { useListeningApp } from '../../../test/support/use-listening-app.js';

const server = useListeningApp();
let client: EngramClient;
let sarahMemory: Memory;

beforeAll(async () => {
  client = new EngramClient({ baseUrl: server.url() });
  const added = await client.addMemory({
    content: 'My sister Sarah lives in Boston and works at Google.',
    user_id: 'alice',
    session_id: 's1',
  });
  sarahMemory = added.memory;
});

const sarahOf = async () => {
  const { entities } = await client.searchEntities({ user_id: 'alice', name: 'sarah' });
  const sarah = entities[0];
  if (!sarah) throw new Error('Sarah was not extracted');
  return sarah;
};

describe('memories', () => {
  it('adds a memory with its entities and relationships, and answers identical content with it', async () => {
    const again = await client.addMemory({
      content: 'My sister Sarah lives in Boston and works at Google.',
      user_id: 'alice',
      session_id: 's1',
    });
    expect(again.created).toBe(false);
    expect(again.memory.id).toBe(sarahMemory.id);
    expect(again.entities.map((entity) => entity.text)).toEqual(
      expect.arrayContaining(['Sarah', 'Boston', 'Google']),
    );
    expect(again.relationships.map((edge) => edge.relation_type)).toContain('lives_in');
  });

  it('adds a batch where a bad item fails alone', async () => {
    const { results } = await client.addMemories([
      { content: 'Tom plays the cello.', user_id: 'batch' },
      { content: '', user_id: 'batch' },
    ]);
    expect(results.map((result) => result.status)).toEqual(['created', 'error']);
    const failed = results[1];
    expect(failed && 'error' in failed ? failed.error.code : undefined).toBe('invalid_input');
  });

  it('lists, reads, updates, shows history and deletes a memory', async () => {
    const { memory } = await client.addMemory({ content: 'I like green tea.', user_id: 'bob' });
    const listed = await client.listMemories({ user_id: 'bob' });
    expect(listed.memories.map((item) => item.id)).toEqual([memory.id]);
    expect((await client.getMemory(memory.id, { user_id: 'bob' })).memory.content).toBe(
      'I like green tea.',
    );
    const updated = await client.updateMemory(memory.id, {
      user_id: 'bob',
      content: 'I like black tea.',
    });
    expect(updated.memory.content).toBe('I like black tea.');
    const { events } = await client.getMemoryHistory(memory.id, { user_id: 'bob' });
    expect(events.map((event) => event.event)).toEqual(['add', 'update']);
    await client.deleteMemory(memory.id, { user_id: 'bob' });
    await expect(client.getMemory(memory.id, { user_id: 'bob' })).rejects.toMatchObject({
      name: 'EngramError',
      code: 'not_found',
      status: 404,
    });
  });

  it('searches with entity context and current facts', async () => {
    const { results, facts } = await client.searchMemories({
      query: 'Where does Sarah live?',
      user_id: 'alice',
      top_k: 3,
    });
    expect(results[0]?.memory.id).toBe(sarahMemory.id);
    expect(results[0]?.entities.map((entity) => entity.text)).toContain('Sarah');
    expect(facts.map((fact) => `${fact.relation_type} ${fact.target.text}`)).toContain(
      'lives_in Boston',
    );
  });
});

describe('entities', () => {
  it('finds an entity by name and reads it, its relationships and its graph', async () => {
    const sarah = await sarahOf();
    expect((await client.getEntity(sarah.id, { user_id: 'alice' })).entity.text).toBe('Sarah');
    const { relationships } = await client.getEntityRelationships(sarah.id, { user_id: 'alice' });
    expect(relationships.map((edge) => edge.relation_type)).toEqual(
      expect.arrayContaining(['lives_in', 'works_for']),
    );
    const graph = await client.getEntityGraph(sarah.id, { user_id: 'alice', depth: 2 });
    expect(graph.nodes.map((node) => node.text)).toEqual(
      expect.arrayContaining(['Sarah', 'Boston', 'Google']),
    );
  });
});

describe('entity corrections', () => {
  it('updates, merges, deletes an entity and reads its history', async () => {
    const { memory } = await client.addMemory({
      content: 'My sister Sarah lives in Boston and works at Google.',
      user_id: 'dave',
    });
    const { entities } = await client.getMemoryEntities(memory.id, { user_id: 'dave' });
    const named = (text: string) => entities.find((entity) => entity.text === text)?.id ?? '';
    const updated = await client.updateEntity(named('Sarah'), {
      name: 'Sarah Lee',
      user_id: 'dave',
    });
    expect(updated.entity.text).toBe('Sarah Lee');
    const merged = await client.mergeEntity(named('Google'), {
      from_id: named('Boston'),
      user_id: 'dave',
    });
    expect(merged.merge.absorbed_id).toBe(named('Boston'));
    const deleted = await client.deleteEntity(named('Google'), { user_id: 'dave' });
    expect(deleted.deleted).toBe(true);
    const { history } = await client.getEntityHistory(named('Sarah'), { user_id: 'dave' });
    expect(history.map((event) => event.event)).toEqual(['update']);
  });
});

describe('scopes and mentions', () => {
  it('lists scopes, reads a scope graph and the memories that mention an entity', async () => {
    const { scopes } = await client.listScopes({ limit: 500 });
    expect(scopes.map((scope) => scope.user_id)).toContain('alice');
    const graph = await client.getScopeGraph({ user_id: 'alice' });
    expect(graph.nodes.map((node) => node.text)).toContain('Sarah');
    const { memories } = await client.listEntityMemories((await sarahOf()).id, {
      user_id: 'alice',
    });
    expect(memories.map((found) => found.memory.id)).toContain(sarahMemory.id);
  });
});

describe('export, import and forget', () => {
  it('exports a user as JSON Lines, forgets it and imports it back', async () => {
    const { memory } = await client.addMemory({ content: 'Erin plays chess.', user_id: 'erin' });
    const exported = await client.exportScope({ user_id: 'erin' });
    expect(exported.split('\n')[0]).toContain('"kind":"header"');
    const forgotten = await client.forgetUser('erin');
    expect(forgotten).toMatchObject({ status: 'done', forgotten: { memories: 1 } });
    const imported = await client.importScope(exported);
    expect(imported.failed).toBe(0);
    const { memories } = await client.listMemories({ user_id: 'erin' });
    expect(memories.map((item) => item.id)).toEqual([memory.id]);
  });

  it('forgets an agent', async () => {
    await client.addMemory({ content: 'The helper prefers short answers.', agent_id: 'helper' });
    const forgotten = await client.forgetAgent('helper');
    expect(forgotten).toMatchObject({ scope_kind: 'agent', forgotten: { memories: 1 } });
  });
});

describe('conversations', () => {
  it('processes a conversation into memories by rule without an LLM', async () => {
    const result = await client.processConversation({
      user_id: 'carol',
      messages: [
        { role: 'user', content: 'Hi!' },
        { role: 'user', content: 'My brother Ken moved to Denver last year.' },
      ],
    });
    expect(result.method).toBe('rules');
    expect(result.added.map((item) => item.memory.content)).toEqual([
      'My brother Ken moved to Denver last year.',
    ]);
  });

  it('summarises extractively and chats without an LLM', async () => {
    const summary = await client.summarize({
      text: 'Sarah moved to Boston last spring. She works at Google now. The weather was mild.',
      max_sentences: 1,
    });
    expect(summary.method).toBe('extractive');
    const chat = await client.chat({ message: 'Where does my sister live?', user_id: 'alice' });
    expect(chat.response).toBeNull();
    expect(chat.memories.map((found) => found.memory.id)).toContain(sarahMemory.id);
  });
});

describe('operations', () => {
  it('reads health, readiness and metrics', async () => {
    expect(await client.getHealth()).toEqual({ status: 'ok' });
    expect((await client.getReadiness()).ready).toBe(true);
    expect(await client.getMetrics()).toContain('http_request');
  });
});

describe('errors', () => {
  it('throws the server code and message of a 400', async () => {
    const error = await client.addMemory({ content: '' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngramError);
    expect(error).toMatchObject({ code: 'invalid_input', status: 400 });
    expect((error as EngramError).message).toMatch(/content/);
  });

  it('throws not_found for an entity of another scope', async () => {
    const sarah = await sarahOf();
    await expect(client.getEntity(sarah.id, { user_id: 'mallory' })).rejects.toMatchObject({
      code: 'not_found',
      status: 404,
    });
  });

  it('throws network_error when nothing listens', async () => {
    const nowhere = new EngramClient({ baseUrl: 'http://127.0.0.1:9', maxRetries: 0 });
    await expect(nowhere.getHealth()).rejects.toMatchObject({ code: 'network_error' });
  });
});
