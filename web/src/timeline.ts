// The Timeline view (#timeline): dated statements, time expressions and quantity claims across the corpus, oldest
// first, grouped by day under a simple axis. Statements are coloured by speaker as in the article view; each item
// links to its document at its evidence. Untrusted text only ever reaches the page through textContent.

import { documentHref, el, filterField, loadError, pagedList, showButton } from './api.js';
import { speakerColours } from './highlight.js';

export interface TimelineItem {
  kind: 'statement' | 'time' | 'quantity';
  time: string; time_source: 'normalized' | 'published';
  document: string; id: string; start: number; end: number; text: string;
  speaker: string | null; detail: string | null; value: number | null; approx?: string | null;
  title: string | null; outlet: string | null; published: string | null;
}

/** Items fall on the day of their time; coarser times (a month, a year) form groups of their own. */
export const dayOf = (time: string): string => time.slice(0, 10);

const clip = (s: string, n = 220) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const KIND_LABEL = { statement: 'statement', time: 'time', quantity: 'figure' } as const;

function itemView(i: TimelineItem, colours: Map<string, string>): HTMLLIElement {
  const li = el('li', `tl-item kind-${i.kind}`);
  li.dataset['time'] = i.time;
  const a = el('a', 'tl-link');
  a.href = documentHref(i.document, i.id);
  a.append(el('span', 'tl-kind', KIND_LABEL[i.kind]));
  if (i.kind === 'statement') {
    const colour = colours.get(i.speaker ?? '');
    if (colour) li.style.setProperty('--speaker', colour);
    // Direct quotes carry their own quotation marks; reported speech gets them from <q>.
    const quoted = /^["“‘'«]/.test(i.text);
    a.append(el('strong', 'tl-speaker', i.speaker ?? ''), document.createTextNode(': '), el(quoted ? 'span' : 'q', 'tl-text', clip(i.text)));
  } else if (i.kind === 'quantity') {
    a.append(el('strong', 'tl-text', i.text), el('span', 'tl-detail', ` ${i.detail ?? ''}${i.value !== null ? ` = ${i.value}` : ''}${i.approx && i.approx !== 'exact' ? ` (${i.approx.replace(/_/g, ' ')})` : ''}`));
    if (i.speaker) a.append(el('span', 'tl-claimant', ` · claimed by ${i.speaker}`));
  } else {
    a.append(el('strong', 'tl-text', `“${i.text}”`), el('span', 'tl-detail', ` → ${i.time}`));
  }
  const where = [i.outlet, i.title ? clip(i.title, 80) : null].filter(Boolean).join(' · ');
  const source = el('span', 'tl-source', `${where || i.document}${i.time_source === 'published' ? ' · dated by publication' : i.kind === 'statement' ? ' · at the time it names' : ''}`);
  li.append(a, source);
  return li;
}

/** A strip of the days covered, one bar per day with items (height by count); a bar scrolls to its day. */
function axis(groups: Array<[string, TimelineItem[]]>, dayElements: Map<string, HTMLElement>): HTMLElement {
  const days = groups.filter(([d]) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  const strip = el('div', 'tl-axis');
  strip.setAttribute('role', 'group');
  strip.setAttribute('aria-label', 'Days with items: choose one to scroll to it');
  if (days.length === 0) return strip;
  const t = (d: string) => Date.parse(d + 'T00:00:00Z');
  const first = t(days[0]![0]), last = t(days[days.length - 1]![0]);
  const span = Math.max(1, last - first);
  const most = Math.max(...days.map(([, items]) => items.length));
  for (const [day, items] of days) {
    const bar = el('button', 'tl-bar');
    bar.type = 'button';
    bar.style.left = `${days.length === 1 ? 50 : ((t(day) - first) / span) * 100}%`;
    bar.style.height = `${20 + 80 * (items.length / most)}%`;
    bar.setAttribute('aria-label', `${day}: ${items.length} item${items.length === 1 ? '' : 's'}`);
    bar.title = `${day}: ${items.length}`;
    bar.addEventListener('click', () => {
      const target = dayElements.get(day);
      target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      target?.focus({ preventScroll: true });
    });
    strip.append(bar);
  }
  const ends = el('div', 'tl-ends');
  ends.append(el('span', undefined, days[0]![0]), el('span', undefined, days[days.length - 1]![0]));
  const wrap = el('div', 'tl-axis-wrap');
  wrap.append(strip, ends);
  return wrap;
}

function drawTimeline(items: TimelineItem[]): Node[] {
  if (items.length === 0) return [el('p', 'hint', 'No dated items stored.')];
  const colours = speakerColours(items.filter((i) => i.kind === 'statement').map((i) => i.speaker ?? ''));
  const groups = new Map<string, TimelineItem[]>();
  for (const i of items) groups.set(dayOf(i.time), [...(groups.get(dayOf(i.time)) ?? []), i]);
  const dayElements = new Map<string, HTMLElement>();
  const list = el('ol', 'tl-days');
  for (const [day, dayItems] of groups) {
    const li = el('li', 'tl-day');
    const head = el('h3', 'tl-date');
    const time = el('time', undefined, day);
    time.dateTime = day;
    head.append(time, el('span', 'meta', ` · ${dayItems.length} item${dayItems.length === 1 ? '' : 's'}`));
    head.tabIndex = -1;
    dayElements.set(day, head);
    const ul = el('ul', 'tl-items');
    ul.append(...dayItems.map((i) => itemView(i, colours)));
    li.append(head, ul);
    list.append(li);
  }
  return [axis([...groups], dayElements), list];
}

/** The filters as an API query. */
function timelinePath(form: HTMLFormElement): string {
  const data = new FormData(form);
  const q = new URLSearchParams({ limit: String(data.get('limit') ?? '200') });
  for (const k of ['from', 'to', 'speaker', 'outlet']) {
    const v = String(data.get(k) ?? '').trim();
    if (v) q.set(k, v);
  }
  const kinds = data.getAll('kinds').map(String);
  if (kinds.length && kinds.length < 3) q.set('kinds', kinds.join(','));
  return `/api/timeline?${q}`;
}

function filterForm(): HTMLFormElement {
  const form = el('form', 'tl-filters');
  form.setAttribute('aria-label', 'Timeline filters');
  form.append(filterField('From', 'from', 'date'), filterField('To', 'to', 'date'), filterField('Speaker', 'speaker', 'search'), filterField('Outlet', 'outlet', 'search'));
  for (const [value, label] of [['statement', 'Statements'], ['time', 'Times'], ['quantity', 'Figures']] as const) {
    const l = el('label', 'check');
    const box = el('input');
    box.type = 'checkbox';
    box.name = 'kinds';
    box.value = value;
    box.checked = true;
    l.append(box, document.createTextNode(` ${label}`));
    form.append(l);
  }
  const size = el('label', undefined, 'Per page ');
  const select = el('select');
  select.name = 'limit';
  for (const n of ['50', '200', '500']) {
    const o = el('option', undefined, n);
    o.value = n;
    o.selected = n === '200';
    select.append(o);
  }
  size.append(select);
  form.append(size);
  form.append(showButton());
  return form;
}

/** Loads the timeline (200 items a page by default, oldest first) into `root`, with filters that reload it. */
export async function renderTimeline(root: HTMLElement): Promise<void> {
  root.replaceChildren(el('p', 'hint', 'Loading the timeline…'));
  root.setAttribute('aria-busy', 'true');
  const head = el('div', 'tl-head');
  head.append(el('h2', undefined, 'Timeline'), el('p', 'hint', 'Statements at the time they name (else their publication date), time expressions, and figures as of their publication date. Each item opens its document at the evidence.'));
  const form = filterForm();
  const body = el('div', 'tl-body');
  const load = async () => {
    body.setAttribute('aria-busy', 'true');
    try {
      await pagedList<TimelineItem>(body, timelinePath(form), drawTimeline, 'items');
    } catch (e) {
      body.replaceChildren(loadError(e, 'the timeline'));
    } finally {
      body.removeAttribute('aria-busy');
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); void load(); });
  await load();
  // Without a store there is nothing to filter: show only the message.
  if (body.querySelector('.no-store')) root.replaceChildren(...body.childNodes);
  else root.replaceChildren(head, form, body);
  root.removeAttribute('aria-busy');
}
