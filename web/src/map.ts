// The Map view (#map): the corpus's places as dots on a world map bundled into the build (Natural Earth 1:110m,
// drawn as SVG in degrees: x = longitude, y = -latitude), sized by mentions. A dot (or its row in the list
// below, for small screens) opens the place's mentions, each linking to its document at the mention.
// Untrusted text only ever reaches the page through textContent / createElement.

import { land, borders } from 'virtual:world-map';
import { documentHref, el, filterField, loadError, pagedList, showButton } from './api.js';

export interface PlaceItem { name: string; country: string; lat: number; lon: number; kind: string; geonameid: number | null; mentions: number; documents: number }
interface MentionItem {
  document: string; id: string; text: string; start: number; end: number; before: string; after: string;
  title: string | null; outlet: string | null; published: string | null;
}

const SVG = 'http://www.w3.org/2000/svg';
const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
};

/** Dot radius in degrees: area grows with mentions, so a place mentioned 4× as often is twice as wide. */
export const radius = (mentions: number, most: number): number => 1.4 + 4.6 * Math.sqrt(mentions / Math.max(1, most));

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
/** Where a place is: its country code and feature kind, either possibly empty (a sea has no country). */
const whereOf = (p: PlaceItem) => [p.country, p.kind].filter(Boolean).join(', ');
export const placeLabel = (p: PlaceItem): string =>
  `${p.name}${whereOf(p) ? ` (${whereOf(p)})` : ''}: ${plural(p.mentions, 'mention')} in ${plural(p.documents, 'document')}`;

/** The filter the map was drawn with (outlet, publication dates), as query parameters. */
let scope = new URLSearchParams();

/** The query that lists one place's mentions within the map's filter: the place is its name, country and point. */
const mentionsPath = (p: PlaceItem) =>
  `/api/places/mentions?${new URLSearchParams({ ...Object.fromEntries(scope), name: p.name, country: p.country, lat: String(p.lat), lon: String(p.lon), limit: '50' })}`;

function mentionItem(m: MentionItem): HTMLLIElement {
  const li = el('li', 'mention');
  const a = el('a', 'mention-link');
  a.href = documentHref(m.document, m.id);
  a.append(el('strong', undefined, m.title ?? m.outlet ?? m.document));
  const meta = [m.title ? m.outlet : null, m.published].filter(Boolean).join(' · ');
  if (meta) a.append(el('span', 'meta', ` · ${meta}`));
  const quote = el('p', 'context');
  quote.append(document.createTextNode(`${m.before.length >= 80 ? '…' : ''}${m.before}`), el('mark', undefined, m.text), document.createTextNode(`${m.after}${m.after.length >= 80 ? '…' : ''}`));
  li.append(a, quote);
  return li;
}

function showPlace(details: HTMLElement, p: PlaceItem, dots: SVGCircleElement[]): void {
  for (const d of dots) d.classList.toggle('selected', d.dataset['key'] === keyOf(p));
  const list = el('div', 'mentions');
  details.replaceChildren(
    el('h3', undefined, p.name),
    el('p', 'meta', [p.country, p.kind, `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`, `${plural(p.mentions, 'mention')} in ${plural(p.documents, 'document')}`].filter(Boolean).join(' · ')),
    list,
  );
  list.append(el('p', 'hint', 'Loading mentions…'));
  const draw = (items: MentionItem[]) => {
    const ol = el('ol', 'mention-list');
    ol.append(...items.map(mentionItem));
    return [ol];
  };
  pagedList<MentionItem>(list, mentionsPath(p), draw, 'mentions').catch((e) => list.replaceChildren(loadError(e, 'the mentions')));
}

const keyOf = (p: PlaceItem) => `${p.name}|${p.country}|${p.lat}|${p.lon}`;

function drawMap(places: PlaceItem[], details: HTMLElement): Node[] {
  const map = svg('svg', { viewBox: '-180 -90 360 180', class: 'world', role: 'group', 'aria-label': `World map with ${plural(places.length, 'place')}; each dot is a button` });
  map.append(svg('rect', { x: -180, y: -90, width: 360, height: 180, class: 'sea' }), svg('path', { d: land, class: 'land' }), svg('path', { d: borders, class: 'borders' }));
  const most = Math.max(1, ...places.map((p) => p.mentions));
  const dots: SVGCircleElement[] = [];
  const choose = (p: PlaceItem) => showPlace(details, p, dots);
  // Largest first, so smaller dots sit on top and stay clickable; the tab order follows, most mentioned first.
  for (const p of [...places].sort((a, b) => b.mentions - a.mentions)) {
    const dot = svg('circle', { cx: p.lon, cy: -p.lat, r: radius(p.mentions, most).toFixed(2), class: 'dot', tabindex: 0, role: 'button', 'aria-label': placeLabel(p) });
    dot.dataset['key'] = keyOf(p);
    dot.dataset['name'] = p.name;
    const title = svg('title');
    title.textContent = placeLabel(p);
    dot.append(title);
    dot.addEventListener('click', () => choose(p));
    dot.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); choose(p); } });
    dots.push(dot);
    map.append(dot);
  }
  // The same places as a list: easier to hit on a phone than a dot, and readable without the map.
  const list = el('ol', 'place-list');
  for (const p of places) {
    const b = el('button', 'place-button');
    b.type = 'button';
    b.append(el('strong', undefined, p.name), el('span', 'meta', ` ${[p.country, `${plural(p.mentions, 'mention')}, ${plural(p.documents, 'doc')}`].filter(Boolean).join(' · ')}`));
    b.addEventListener('click', () => choose(p));
    const li = el('li');
    li.append(b);
    list.append(li);
  }
  const wrap = el('div', 'map-wrap');
  wrap.append(map);
  return places.length ? [wrap, el('h3', 'list-head', 'Places, most mentioned first'), list] : [wrap, el('p', 'hint', 'No places stored.')];
}

function filterForm(): HTMLFormElement {
  const form = el('form', 'map-filters');
  form.setAttribute('aria-label', 'Map filters');
  form.append(filterField('Outlet', 'outlet', 'search'), filterField('Published from', 'from', 'date'), filterField('to', 'to', 'date'), showButton());
  return form;
}

/** Loads the places (a page at a time) and draws the map into `root`, with a filter that redraws it. */
export async function renderMap(root: HTMLElement): Promise<void> {
  root.replaceChildren(el('p', 'hint', 'Loading places…'));
  root.setAttribute('aria-busy', 'true');
  const head = el('div', 'map-head');
  head.append(el('h2', undefined, 'Places'), el('p', 'hint', 'Dots are sized by mentions. Choose one (click, or Tab and Enter) to list its mentions; each opens its document at the mention.'));
  const form = filterForm();
  const details = el('div', 'place-details');
  details.id = 'place-details';
  details.setAttribute('aria-live', 'polite');
  const body = el('div', 'map-body');
  const load = async () => {
    const data = new FormData(form);
    scope = new URLSearchParams();
    for (const k of ['outlet', 'from', 'to']) {
      const v = String(data.get(k) ?? '').trim();
      if (v) scope.set(k, v);
    }
    details.replaceChildren();
    body.setAttribute('aria-busy', 'true');
    try {
      await pagedList<PlaceItem>(body, `/api/places?${new URLSearchParams({ ...Object.fromEntries(scope), limit: '500' })}`, (items) => drawMap(items, details), 'places');
    } catch (e) {
      body.replaceChildren(loadError(e, 'the places'));
    } finally {
      body.removeAttribute('aria-busy');
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); void load(); });
  await load();
  const layout = el('div', 'map-layout');
  layout.append(body, details);
  // Without a store there is nothing to filter: show only the message.
  if (body.querySelector('.no-store')) root.replaceChildren(...body.childNodes);
  else root.replaceChildren(head, form, layout);
  root.removeAttribute('aria-busy');
}
