/** How the HTTP API treats callers without a key. */
export type AuthMode = 'auto' | 'on' | 'off';

/** What `engram serve` does at start: run with keys, run open (and say so), or refuse. */
export type AccessDecision =
  | { readonly action: 'require-keys' }
  | { readonly action: 'open'; readonly reason: string }
  | { readonly action: 'refuse'; readonly reason: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost', '[::1]']);

/** Whether a listen address only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * The start-up policy: with `AUTH=off` the API is open; otherwise keys are required once any
 * exists. With no keys it runs open on a loopback `HOST` only, and refuses any other `HOST`.
 */
export function accessDecision(input: {
  mode: AuthMode;
  host: string;
  hasKeys: boolean;
}): AccessDecision {
  if (input.mode === 'off') return { action: 'open', reason: 'AUTH=off: every caller is trusted' };
  if (input.hasKeys || input.mode === 'on') return { action: 'require-keys' };
  if (isLoopbackHost(input.host))
    return {
      action: 'open',
      reason: `no API keys exist and HOST=${input.host} is loopback: the API is open to this machine until the first key is created (engram keys create)`,
    };
  return {
    action: 'refuse',
    reason: `HOST=${input.host} is reachable from other machines and no API keys exist: create one with \`engram keys create --name NAME --scopes read,write\`, or set AUTH=off to run open on purpose`,
  };
}

/**
 * The Host headers a loopback server answers (DNS rebinding lets a web page reach 127.0.0.1
 * under another name): the loopback names, with any port, plus `extra`.
 */
export function hostAllowed(hostHeader: string | undefined, extra: readonly string[]): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.toLowerCase();
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return isLoopbackHost(name ?? '') || extra.includes(host) || extra.includes(name ?? '');
}
