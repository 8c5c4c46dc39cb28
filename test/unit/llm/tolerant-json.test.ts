import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/domain/errors.js';
import { parseTolerantJson } from '../../../src/domain/tolerant-json.js';

describe('parseTolerantJson', () => {
  it('parses plain JSON', () => {
    expect(parseTolerantJson('{"a": 1, "b": [true, null]}')).toEqual({ a: 1, b: [true, null] });
  });

  it('parses a top-level array', () => {
    expect(parseTolerantJson(' [1, 2, 3] ')).toEqual([1, 2, 3]);
  });

  it('unwraps a ```json fence', () => {
    expect(parseTolerantJson('```json\n{"name": "Sarah"}\n```')).toEqual({ name: 'Sarah' });
  });

  it('unwraps a bare ``` fence', () => {
    expect(parseTolerantJson('```\n{"name": "Sarah"}\n```')).toEqual({ name: 'Sarah' });
  });

  it('unwraps a fence with prose before and after it', () => {
    const text =
      'Sure! Here is the JSON:\n```json\n{"ok": true}\n```\nLet me know if you need more.';
    expect(parseTolerantJson(text)).toEqual({ ok: true });
  });

  it('finds an object inside prose without fences', () => {
    const text = 'The entities are {"entities": [{"text": "Boston"}]} as requested.';
    expect(parseTolerantJson(text)).toEqual({ entities: [{ text: 'Boston' }] });
  });

  it('ignores braces inside strings when finding the object', () => {
    const text = 'Result: {"note": "use } and { freely", "n": 2} done';
    expect(parseTolerantJson(text)).toEqual({ note: 'use } and { freely', n: 2 });
  });

  it('skips a non-JSON brace span in prose and takes the next one', () => {
    const text = 'Format {like this}: {"a": 1}';
    expect(parseTolerantJson(text)).toEqual({ a: 1 });
  });

  it('removes trailing commas in objects and arrays', () => {
    expect(parseTolerantJson('{"a": [1, 2, 3,], "b": {"c": 1,},}')).toEqual({
      a: [1, 2, 3],
      b: { c: 1 },
    });
  });

  it('keeps commas that are inside strings', () => {
    expect(parseTolerantJson('{"a": "x,}", "b": 1,}')).toEqual({ a: 'x,}', b: 1 });
  });

  it('accepts single-quoted keys and strings', () => {
    expect(parseTolerantJson("{'name': 'Sarah', 'tags': ['a', 'b']}")).toEqual({
      name: 'Sarah',
      tags: ['a', 'b'],
    });
  });

  it('escapes double quotes inside single-quoted strings', () => {
    expect(parseTolerantJson(`{'quote': 'she said "hi"'}`)).toEqual({ quote: 'she said "hi"' });
  });

  it('keeps apostrophes inside double-quoted strings', () => {
    expect(parseTolerantJson('{"text": "Sarah\'s dog",}')).toEqual({ text: "Sarah's dog" });
  });

  it('replaces smart double quotes', () => {
    expect(parseTolerantJson('{\u201Cname\u201D: \u201CSarah\u201D}')).toEqual({ name: 'Sarah' });
  });

  it('replaces smart single quotes used as string delimiters', () => {
    expect(parseTolerantJson('{\u2018name\u2019: \u2018Sarah\u2019}')).toEqual({ name: 'Sarah' });
  });

  it('quotes bare keys', () => {
    expect(parseTolerantJson('{name: "Sarah", age_years: 3}')).toEqual({
      name: 'Sarah',
      age_years: 3,
    });
  });

  it('maps Python literals to JSON', () => {
    expect(parseTolerantJson("{'a': True, 'b': False, 'c': None}")).toEqual({
      a: true,
      b: false,
      c: null,
    });
  });

  it('drops line and block comments', () => {
    const text = '{\n  // the person\n  "name": "Sarah", /* city */ "city": "Boston"\n}';
    expect(parseTolerantJson(text)).toEqual({ name: 'Sarah', city: 'Boston' });
  });

  it('keeps URLs with // inside strings', () => {
    expect(parseTolerantJson('{"url": "https://example.com",}')).toEqual({
      url: 'https://example.com',
    });
  });

  it('repairs a fenced block that also has a trailing comma', () => {
    const text = 'Here you go:\n```json\n{"entities": [{"text": "Google", "type": "ORG"},],}\n```';
    expect(parseTolerantJson(text)).toEqual({ entities: [{ text: 'Google', type: 'ORG' }] });
  });

  it('throws InvalidInputError on prose without JSON', () => {
    expect(() => parseTolerantJson('I cannot help with that.')).toThrow(InvalidInputError);
  });

  it('throws InvalidInputError on truncated JSON', () => {
    expect(() => parseTolerantJson('{"entities": [{"text": "Goo')).toThrow(InvalidInputError);
  });

  it('throws InvalidInputError on an empty answer', () => {
    expect(() => parseTolerantJson('   ')).toThrow(InvalidInputError);
  });
});
