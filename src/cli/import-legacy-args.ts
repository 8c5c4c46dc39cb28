import { parseArgs } from 'node:util';

export const IMPORT_LEGACY_USAGE = `usage: engram import-legacy (--chroma-url URL | --chroma-path DIR) [options]

  --chroma-url URL        legacy Chroma server to read from (never written to)
  --chroma-path DIR       legacy Chroma persist directory (a temporary copy is served; DIR is not touched)
  --collections A,B       collections to import (default: ephemeral,model_memory)
  --batch-size N          records read per page (default 500, max 5000)
  --dry-run               read and map everything, print counts and a sample, write nothing
  --user-id ID            user id for records whose metadata names none (default: legacy)
  --failures FILE         JSONL file of records not imported (default: DATA_DIR/import-failures-<time>.jsonl)
  --verify                only verify an earlier import (sha256 of every source document vs stored content)

exit codes: 0 all imported and verified; 1 some records failed or did not verify; 2 usage or source errors
`;

export interface ImportLegacyArgs {
  readonly source: { readonly url: string } | { readonly path: string };
  readonly collections: readonly string[];
  readonly batchSize: number;
  readonly dryRun: boolean;
  readonly userId: string;
  readonly failures: string | undefined;
  readonly verify: boolean;
}

/** Parses the flags of `engram import-legacy`; returns an error message instead when they are wrong. */
export function parseImportLegacyArgs(args: readonly string[]): ImportLegacyArgs | string {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(args).values;
  } catch (error) {
    return (error as Error).message;
  }
  const url = values['chroma-url'];
  const directory = values['chroma-path'];
  if ((url === undefined) === (directory === undefined)) {
    return 'give exactly one of --chroma-url and --chroma-path';
  }
  if (url !== undefined && !/^https?:\/\/[^/]/.test(url))
    return `--chroma-url ${url} is not an http(s) URL`;
  const batchSize = Number(values['batch-size'] ?? 500);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) {
    return '--batch-size must be an integer from 1 to 5000';
  }
  const collections = (values.collections ?? 'ephemeral,model_memory')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (collections.length === 0) return '--collections names no collection';
  const userId = values['user-id'] ?? 'legacy';
  if (!userId.trim()) return '--user-id must not be empty';
  return {
    source: url !== undefined ? { url } : { path: directory as string },
    collections: [...new Set(collections)],
    batchSize,
    dryRun: values['dry-run'] ?? false,
    userId,
    failures: values.failures,
    verify: values.verify ?? false,
  };
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      'chroma-url': { type: 'string' },
      'chroma-path': { type: 'string' },
      collections: { type: 'string' },
      'batch-size': { type: 'string' },
      'dry-run': { type: 'boolean' },
      'user-id': { type: 'string' },
      failures: { type: 'string' },
      verify: { type: 'boolean' },
    },
  });
}
