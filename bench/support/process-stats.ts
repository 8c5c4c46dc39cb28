import { readdir, readFile } from 'node:fs/promises';

/** VmRSS of a process in MB (Linux /proc), or undefined when it is gone. */
export async function rssMb(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Proportional set size in MB (shared pages split between their users), or undefined. */
async function pssMb(pid: number): Promise<number | undefined> {
  try {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = /^Pss:\s+(\d+)/m.exec(rollup)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : rssMb(pid);
  } catch {
    return rssMb(pid);
  }
}

/** Every descendant of `pid` (children, grandchildren, …), read from /proc. */
export async function descendants(pid: number): Promise<number[]> {
  const parents = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // The command name (field 2) may hold spaces: the parent pid is the 2nd field after ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!Number.isFinite(ppid)) continue;
    parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const children = parents.get(queue.shift() as number) ?? [];
    found.push(...children);
    queue.push(...children);
  }
  return found;
}

/** RSS in MB of a process tree, keyed `engram` for the root, `chroma` for a Chroma child, `other` for the rest, plus `total`. */
export async function processTreeRss(pid: number): Promise<Record<string, number>> {
  const result: Record<string, number> = { engram: (await rssMb(pid)) ?? 0 };
  for (const child of await descendants(pid)) {
    const cmdline = await readFile(`/proc/${child}/cmdline`, 'utf8').catch(() => '');
    const key = cmdline.includes('chroma')
      ? 'chroma'
      : cmdline.includes('postgres')
        ? 'postgres'
        : 'other';
    // Postgres processes share their buffers: proportional set size counts shared pages once.
    const mb = key === 'postgres' ? await pssMb(child) : await rssMb(child);
    result[key] = (result[key] ?? 0) + (mb ?? 0);
  }
  result['total'] = Object.values(result).reduce((sum, mb) => sum + mb, 0);
  return result;
}
