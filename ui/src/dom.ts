/** What `h` accepts as a child: nodes, text, or nothing. */
export type Child = Node | string | number | null | undefined | false;

type Props = Record<string, unknown>;

/** Creates an element: `on*` props are listeners, `class` the class name, the rest attributes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false || value === null) continue;
    if (key.startsWith('on') && typeof value === 'function')
      element.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    else if (key === 'class') element.className = String(value);
    else if (key === 'value' && 'value' in element)
      (element as HTMLInputElement).value = String(value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Appends children (text is text, never HTML). */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A short local date and time. */
export function when(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A text with the given spans marked (`<mark>`), e.g. entity mentions. */
export function highlighted(
  text: string,
  spans: readonly { start: number; end: number; label?: string; type?: string }[],
): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at || span.end > text.length) continue;
    fragment.append(text.slice(at, span.start));
    fragment.append(
      h(
        'mark',
        { class: `type-${(span.type ?? 'misc').toLowerCase()}`, title: span.label },
        text.slice(span.start, span.end),
      ),
    );
    at = span.end;
  }
  fragment.append(text.slice(at));
  return fragment;
}

/** A status line for loading and errors, announced to screen readers. */
export function status(message: string, kind: 'info' | 'error' = 'info'): HTMLElement {
  return h('p', { class: `status ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
}
