/** Goes to a view; shows it afresh when it is the one already open (e.g. after a correction). */
export function go(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
