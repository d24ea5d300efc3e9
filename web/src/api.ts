// What the views share: fetching pages from the JSON API, building elements (text only ever through
// textContent), links into the article view, and "load more" buttons that follow the API's pagination.

/** The message shown when the server was started without a store. */
export const NO_STORE = 'No corpus here: start dateline serve --db FILE to see a corpus.';

/** The server has no store: its corpus routes are absent. */
export class NoStore extends Error {}

/** One page of a list route: `next_offset` is null on the last page. */
export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  next_offset: number | null;
}

export async function getPage<T>(path: string): Promise<Page<T>> {
  const r = await fetch(path);
  // Without a store the /api corpus routes are absent: a 404, or the app's HTML page served in their place.
  if (r.status === 404 || !(r.headers.get('content-type') ?? '').includes('json')) throw new NoStore();
  if (!r.ok) {
    const body = (await r.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(`${path}: ${body?.error?.message ?? `HTTP ${r.status}`}`);
  }
  return (await r.json()) as Page<T>;
}

/** The same path asking for the page at `offset`. */
export const withOffset = (path: string, offset: number): string => {
  const u = new URL(path, location.origin);
  u.searchParams.set('offset', String(offset));
  return u.pathname + u.search;
};

/** An element with optional class and text (text set through textContent). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A labelled input of a filter form; an outlet is matched exactly, so its box says so. */
export function filterField(label: string, name: string, type: string): HTMLLabelElement {
  const l = el('label', undefined, `${label} `);
  const input = el('input');
  input.name = name;
  input.type = type;
  if (name === 'outlet') input.placeholder = 'exact name';
  l.append(input);
  return l;
}

/** A filter form's submit button. */
export function showButton(): HTMLButtonElement {
  const go = el('button', undefined, 'Show');
  go.type = 'submit';
  return go;
}

/** The article view's address for a stored document, opened at one of its annotations (statement, time, quantity, place). */
export const documentHref = (document: string, annotation?: string): string =>
  `#document/${encodeURIComponent(document)}${annotation ? `/${encodeURIComponent(annotation)}` : ''}`;

/** A message for a failed load: how to get a corpus, or what went wrong. */
export function loadError(e: unknown, what: string): HTMLElement {
  return e instanceof NoStore ? el('p', 'no-store', NO_STORE) : el('p', 'warning', `Could not load ${what}: ${(e as Error).message}`);
}

/**
 * A list fed page by page: `render` draws all items loaded so far into `root`, followed by a "Load more" button
 * while the API has more pages. Resolves, once the first page is drawn, to a function that draws it again (for
 * a list whose drawing depends on another's items).
 */
export async function pagedList<T>(root: HTMLElement, path: string, render: (items: T[]) => Node[], what: string, onLoad?: (items: T[]) => void): Promise<() => void> {
  let items: T[] = [];
  let nextOffset: number | null = null;
  const draw = (next: number | null) => {
    nextOffset = next;
    const nodes = render(items);
    if (next !== null) {
      const more = el('button', 'more', `Load more ${what}`);
      more.type = 'button';
      more.addEventListener('click', async () => {
        more.disabled = true;
        more.textContent = 'Loading…';
        try {
          await load(next);
          // Keyboard users keep their place: focus the first newly drawn item or the next button.
          root.querySelector<HTMLElement>('button.more')?.focus();
        } catch (e) {
          more.replaceWith(loadError(e, what));
        }
      });
      nodes.push(more);
    }
    root.replaceChildren(...nodes);
  };
  const load = async (offset: number) => {
    const page = await getPage<T>(offset ? withOffset(path, offset) : path);
    items = offset ? [...items, ...page.items] : page.items;
    onLoad?.(items);
    draw(page.next_offset);
  };
  await load(0);
  return () => draw(nextOffset);
}
