import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * How the server runs when Engram is root (initdb and postgres refuse root): in a user namespace
 * where it is an ordinary user but its files stay root's (no permission changes anywhere), or as
 * an unprivileged account that owns the cluster.
 */
export type ServerIdentity =
  | { readonly kind: 'namespace'; readonly command: string; readonly args: readonly string[] }
  | { readonly kind: 'account'; readonly name: string; readonly uid: number; readonly gid: number };

const UNSHARE = ['/usr/bin/unshare', '/bin/unshare'];
const NAMESPACE_ARGS = ['--user', '--map-user=65534', '--map-group=65534'];

/**
 * The identity the server runs as, or undefined when this process is not root (it then runs as
 * this process's user). As root: the account `preferred` if given; the owner of an existing
 * cluster that root does not own; else a user namespace if this kernel allows one; else the
 * `postgres` account, else `nobody`.
 */
export async function serverIdentity(
  cluster: string,
  preferred?: string,
): Promise<ServerIdentity | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  if (preferred) return account([preferred]);
  const owner = await stat(cluster).then(
    (info) => info.uid,
    () => undefined,
  );
  if (owner !== undefined && owner !== 0) {
    const { gid } = await stat(cluster);
    return { kind: 'account', name: String(owner), uid: owner, gid };
  }
  const unshare = UNSHARE.find((candidate) => existsSync(candidate));
  if (unshare && spawnSync(unshare, [...NAMESPACE_ARGS, 'true'], { timeout: 5000 }).status === 0) {
    return { kind: 'namespace', command: unshare, args: NAMESPACE_ARGS };
  }
  return account(['postgres', 'nobody']);
}

async function account(names: readonly string[]): Promise<ServerIdentity> {
  const accounts = await readFile('/etc/passwd', 'utf8').catch(() => '');
  for (const name of names) {
    for (const line of accounts.split('\n')) {
      const [entry = '', , uid = '', gid = ''] = line.split(':');
      if (entry === name && Number(uid) !== 0) {
        return { kind: 'account', name, uid: Number(uid), gid: Number(gid) };
      }
    }
  }
  throw new Error(
    `Engram runs as root, the embedded PostgreSQL server refuses root, this system allows no user namespace and no account ${names.join(' or ')} exists: create one, set EMBEDDED_POSTGRES_USER, or run Engram as another user`,
  );
}

/** `command args` as `identity` runs it: the spawn arguments. */
export function asIdentity(
  identity: ServerIdentity | undefined,
  command: string,
  args: readonly string[],
): { command: string; args: string[]; uid?: number; gid?: number } {
  if (identity?.kind === 'namespace') {
    return { command: identity.command, args: [...identity.args, command, ...args] };
  }
  if (identity?.kind === 'account') {
    return { command, args: [...args], uid: identity.uid, gid: identity.gid };
  }
  return { command, args: [...args] };
}

/**
 * Stops a postmaster still running on `cluster` (its Engram died and the watchdog with it):
 * fast shutdown, then immediate, then SIGKILL. Returns its pid, or undefined if none ran.
 * Only called while holding the data-directory lock, so no live Engram owns that server.
 */
export async function stopStalePostmaster(cluster: string): Promise<{ pid: number } | undefined> {
  const pid = await postmasterPid(cluster);
  if (pid === undefined || !(await isPostgres(pid))) return undefined;
  for (const [signal, waitMs] of [
    ['SIGINT', 15_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return { pid };
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!(await isPostgres(pid))) return { pid };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`a PostgreSQL server (pid ${pid}) on ${cluster} does not stop`);
}

async function postmasterPid(cluster: string): Promise<number | undefined> {
  try {
    const first = (await readFile(path.join(cluster, 'postmaster.pid'), 'utf8')).split('\n')[0];
    const pid = Number.parseInt(first ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** True while `pid` is a running (not zombie) postgres process. */
async function isPostgres(pid: number): Promise<boolean> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const name = /^Name:\s*(\S+)/m.exec(status)?.[1];
    const state = /^State:\s*(\S)/m.exec(status)?.[1];
    return name === 'postgres' && state !== 'Z';
  } catch {
    return false;
  }
}
