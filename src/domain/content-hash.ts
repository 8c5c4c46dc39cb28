import { createHash } from 'node:crypto';

/** Canonical form for exact deduplication: NFC, whitespace runs collapsed to one space, trimmed. */
export function normalizeForHash(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Hex sha256 of the normalised text; equal for texts that differ only in whitespace or Unicode form. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeForHash(text), 'utf8').digest('hex');
}
