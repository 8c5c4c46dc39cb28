import { readFile, writeFile } from 'node:fs/promises';

const HEADER = `# Benchmarks

Written by \`engram bench SUITE\`; each section is replaced when its suite runs again.
Every suite runs its baseline in the same run and reports the ratio (these machines are noisy).
Machine: 2 cores, 24 GB, Node 20, Debian 12.
`;

/** Replaces (or appends) the section of `suite` in BENCHMARKS.md. */
export async function updateBenchmarksFile(
  file: string,
  suite: string,
  markdown: string,
  when: Date,
) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    text = HEADER;
  }
  const begin = `<!-- bench:${suite}:begin -->`;
  const end = `<!-- bench:${suite}:end -->`;
  const section = `${begin}\n## ${suite}\n\n_Run ${when.toISOString()}_\n\n${markdown.trim()}\n${end}`;
  const start = text.indexOf(begin);
  const stop = text.indexOf(end);
  const next =
    start !== -1 && stop > start
      ? `${text.slice(0, start)}${section}${text.slice(stop + end.length)}`
      : `${text.trimEnd()}\n\n${section}\n`;
  await writeFile(file, next);
}
