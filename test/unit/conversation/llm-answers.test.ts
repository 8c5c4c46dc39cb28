import { describe, expect, it } from 'vitest';
import type { Memory } from '../../../src/domain/memory.js';
import { parseFacts } from '../../../src/services/conversations/fact-extraction-prompt.js';
import {
  decisionMessages,
  parseDecisions,
} from '../../../src/services/conversations/memory-decision-prompt.js';

function memory(id: string, content: string): Memory {
  const at = new Date('2024-01-01T00:00:00Z');
  return {
    id,
    tenant: 'default',
    userId: 'u',
    agentId: '',
    sessionId: '',
    memoryType: 'ephemeral',
    content,
    contentHash: id,
    parentId: null,
    chunkIndex: 0,
    metadata: {},
    migratedFrom: null,
    createdAt: at,
    updatedAt: at,
  };
}

describe('parseFacts', () => {
  it('reads facts with turns and ties each to a user turn at or before it', () => {
    const answer = '{"facts":[{"fact":"I like tea.","turn":3},{"fact":"I have a dog.","turn":0}]}';
    expect(parseFacts(answer, [1, 4])).toEqual([
      { text: 'I like tea.', index: 1 },
      { text: 'I have a dog.', index: 1 },
    ]);
  });

  it('accepts a bare array of strings in a fence, dropping blanks and repeats', () => {
    const answer = 'Facts:\n```json\n["I like tea.", "", "i like tea.", "I cycle to work.",]\n```';
    expect(parseFacts(answer, [0, 2])).toEqual([
      { text: 'I like tea.', index: 2 },
      { text: 'I cycle to work.', index: 2 },
    ]);
  });

  it('returns no facts for an empty list', () => {
    expect(parseFacts('{"facts": []}', [0])).toEqual([]);
  });

  it('throws when there is no facts list', () => {
    expect(() => parseFacts('{"answer": "none"}', [0])).toThrow(/no facts list/);
    expect(() => parseFacts('no idea', [0])).toThrow();
  });
});

describe('memory decisions', () => {
  const items = [
    { fact: 'I live in Denver.', candidates: [memory('id-boston', 'I live in Boston.')] },
    { fact: 'I like jazz.', candidates: [memory('id-jazz', 'I love jazz.')] },
    { fact: 'I have a cat.', candidates: [] },
  ];

  it('labels candidate memories M1, M2 in the prompt instead of ids', () => {
    const prompt = decisionMessages(items)[1]?.content ?? '';
    expect(prompt).toContain(
      'Fact 1: I live in Denver.\nExisting memories:\n  M1: I live in Boston.',
    );
    expect(prompt).toContain('  M2: I love jazz.');
    expect(prompt).toContain('(no similar memories)');
    expect(prompt).not.toContain('id-boston');
  });

  it('maps labels back to memory ids', () => {
    const answer = JSON.stringify({
      decisions: [
        { fact: 1, action: 'update', id: 'M1', text: 'I live in Denver now.' },
        { fact: 2, action: 'NOOP', id: 'M2' },
        { fact: 3, action: 'ADD' },
      ],
    });
    expect(parseDecisions(answer, items)).toEqual([
      { action: 'UPDATE', memoryId: 'id-boston', text: 'I live in Denver now.' },
      { action: 'NOOP', memoryId: 'id-jazz' },
      { action: 'ADD' },
    ]);
  });

  it('turns an UPDATE or NOOP of a memory not offered for that fact into ADD', () => {
    const answer = JSON.stringify({
      decisions: [
        { fact: 1, action: 'UPDATE', id: 'M2', text: 'x' },
        { fact: 2, action: 'NOOP', id: 'some-other-id' },
        { fact: 3, action: 'NOOP', id: 'M1' },
      ],
    });
    expect(parseDecisions(answer, items)).toEqual([
      { action: 'ADD' },
      { action: 'ADD' },
      { action: 'ADD' },
    ]);
  });

  it('rewrites to the fact when an UPDATE has no text, and adds facts left undecided', () => {
    const answer = '{"decisions":[{"fact":1,"action":"UPDATE","id":"m1"}]}';
    expect(parseDecisions(answer, items)).toEqual([
      { action: 'UPDATE', memoryId: 'id-boston', text: 'I live in Denver.' },
      { action: 'ADD' },
      { action: 'ADD' },
    ]);
  });

  it('throws when there is no decisions list', () => {
    expect(() => parseDecisions('{"ok": true}', items)).toThrow(/no decisions list/);
  });
});
