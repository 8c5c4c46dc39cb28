import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { CLIENT_TYPES, renderClientTypes } from '../../scripts/client-types.mjs';
import { openApiDocument } from '../../src/http/openapi-document.js';

describe('the client types', () => {
  it('match the types generated from the current route schemas', async () => {
    const fresh: string = await renderClientTypes(await openApiDocument());
    expect(readFileSync(CLIENT_TYPES as string, 'utf8')).toBe(fresh);
  });
});
