// The Corpus view (#corpus): disagreements, claims side by side by outlet, speakers and framing, read from the store's JSON API.
// Untrusted text from documents only ever reaches the page through textContent / createElement.

interface ClaimItem {
  outlet?: string; measure: string; where?: string; value: number; low: number; high: number | null;
  claimant: string; quantity: string; approx?: string; published: string | null; asOf?: string;
  evidence: { sentence: string; text: string };
}
interface DisagreementItem { measure: string; where?: string; claims: ClaimItem[]; conflicts: Array<[number, number]> }
interface SpeakerItem { name: string; titles: string[]; statements: number; outlets: Array<{ outlet: string; statements: number }> }
interface FramingItem { outlet: string | null; term: string; category: string; uses: number; documents: number }
interface PageOf<T> { items: T[] }

/** The message shown when the server was started without a store. */
export const NO_STORE = 'No corpus here: start dateline serve --db FILE to see a corpus.';

class NoStore extends Error {}

async function get<T>(path: string): Promise<T[]> {
  const r = await fetch(path);
  // Without a store the /api corpus routes are absent: a 404, or the app's HTML page served in their place.
  if (r.status === 404 || !(r.headers.get('content-type') ?? '').includes('json')) throw new NoStore();
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return ((await r.json()) as PageOf<T>).items;
}

/** An element with optional class and text (text set through textContent). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The figure as the report words it ("at least 40"), with its value when the wording differs. */
const valueText = (c: ClaimItem) => {
  const words = c.evidence.text.trim();
  return words && words !== String(c.value) ? `${words} = ${c.value}${c.approx && c.approx !== 'exact' ? ` (${c.approx.replace(/_/g, ' ')})` : ''}` : String(c.value);
};
const outletOf = (c: ClaimItem) => c.outlet ?? '(no outlet)';
const dayOf = (c: ClaimItem) => c.asOf ?? c.published ?? '';

function section(title: string, id: string): HTMLElement {
  const s = el('section', 'corpus-section');
  s.id = id;
  s.append(el('h2', undefined, title));
  return s;
}

function disagreementsSection(items: DisagreementItem[]): HTMLElement {
  const s = section('Disagreements', 'corpus-disagreements');
  if (items.length === 0) { s.append(el('p', 'hint', 'No conflicting figures in this corpus.')); return s; }
  const list = el('ol', 'disagreements');
  for (const d of items) {
    const conflicting = new Set(d.conflicts.flat());
    const li = el('li', 'disagreement');
    li.append(el('h3', undefined, `${d.measure}${d.where ? ` — ${d.where}` : ''}`));
    const sides = el('ul', 'sides');
    d.claims.forEach((c, i) => {
      const side = el('li', conflicting.has(i) ? 'side conflict' : 'side');
      const head = el('p', 'side-head');
      head.append(el('strong', 'outlet', outletOf(c)), document.createTextNode(' · '), el('span', 'claimant', c.claimant),
        document.createTextNode(' · '), el('span', 'value', valueText(c)));
      if (dayOf(c)) head.append(document.createTextNode(' · '), el('time', undefined, dayOf(c)));
      if (conflicting.has(i)) head.append(el('span', 'badge', 'conflicts'));
      side.append(head, el('blockquote', 'evidence', c.evidence.sentence));
      sides.append(side);
    });
    li.append(sides);
    list.append(li);
  }
  s.append(list);
  return s;
}

function claimsSection(items: ClaimItem[], conflictKeys: Set<string>): HTMLElement {
  const s = section('Claims by outlet', 'corpus-claims');
  if (items.length === 0) { s.append(el('p', 'hint', 'No comparable figures stored.')); return s; }
  const outlets = [...new Set(items.map(outletOf))].sort();
  const rows = new Map<string, Map<string, ClaimItem[]>>();
  for (const c of items) {
    const key = `${c.measure} — ${c.where ?? 'unplaced'}`;
    const row = rows.get(key) ?? new Map<string, ClaimItem[]>();
    rows.set(key, row);
    const cell = row.get(outletOf(c)) ?? [];
    cell.push(c);
    row.set(outletOf(c), cell);
  }
  const wrap = el('div', 'table-wrap');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', 'Claims by outlet (scrolls sideways)');
  const table = el('table', 'claims-table');
  const head = el('tr');
  head.append(el('th', undefined, 'Measure — where'), ...outlets.map((o) => { const th = el('th', 'outlet-col', o); th.scope = 'col'; return th; }));
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(head);
  for (const [key, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    const tr = el('tr');
    const th = el('th', undefined, key);
    th.scope = 'row';
    tr.append(th);
    for (const o of outlets) {
      const td = el('td');
      for (const c of row.get(o) ?? []) {
        const conflict = conflictKeys.has(claimKey(c));
        const v = el('div', conflict ? 'cell conflict' : 'cell', `${valueText(c)}${dayOf(c) ? ` (${dayOf(c)})` : ''}`);
        v.title = c.evidence.sentence;
        td.append(v);
      }
      tr.append(td);
    }
    table.tBodies[0]!.append(tr);
  }
  wrap.append(table);
  s.append(wrap);
  return s;
}

const claimKey = (c: ClaimItem) => `${outletOf(c)}|${c.measure}|${c.value}|${dayOf(c)}|${c.evidence.sentence}`;

function speakersSection(items: SpeakerItem[]): HTMLElement {
  const s = section('Speakers', 'corpus-speakers');
  if (items.length === 0) { s.append(el('p', 'hint', 'No speakers stored.')); return s; }
  const list = el('ul', 'speakers');
  for (const sp of items) {
    const li = el('li', 'speaker');
    li.append(el('strong', 'name', sp.name));
    if (sp.titles.length) li.append(el('span', 'titles', ` — ${sp.titles.join(', ')}`));
    li.append(el('span', 'count', ` · ${sp.statements} statement${sp.statements === 1 ? '' : 's'}`));
    const per = el('ul', 'per-outlet');
    for (const o of sp.outlets) per.append(el('li', undefined, `${o.outlet}: ${o.statements}`));
    li.append(per);
    list.append(li);
  }
  s.append(list);
  return s;
}

function framingSection(items: FramingItem[]): HTMLElement {
  const s = section('Framing by outlet', 'corpus-framing');
  if (items.length === 0) { s.append(el('p', 'hint', 'No framing terms found.')); return s; }
  const byOutlet = new Map<string, FramingItem[]>();
  for (const f of items) {
    const k = f.outlet ?? '(no outlet)';
    byOutlet.set(k, [...(byOutlet.get(k) ?? []), f]);
  }
  const list = el('ul', 'framing');
  for (const [outlet, terms] of [...byOutlet].sort(([a], [b]) => a.localeCompare(b))) {
    const li = el('li');
    li.append(el('strong', undefined, outlet));
    const t = el('ul', 'terms');
    for (const f of terms.sort((a, b) => b.uses - a.uses)) t.append(el('li', `term cat-${f.category.replace(/[^a-z_]/g, '')}`, `“${f.term}” × ${f.uses} (${f.category.replace(/_/g, ' ')})`));
    li.append(t);
    list.append(li);
  }
  s.append(list);
  return s;
}

/** Loads the corpus from the API and renders it into `root`. */
export async function renderCorpus(root: HTMLElement): Promise<void> {
  root.replaceChildren(el('p', 'hint', 'Loading the corpus…'));
  root.setAttribute('aria-busy', 'true');
  try {
    const [dis, cl, sp, fr] = await Promise.all([
      get<DisagreementItem>('/api/disagreements?limit=200'),
      get<ClaimItem>('/api/claims?limit=500'),
      get<SpeakerItem>('/api/speakers?limit=200'),
      get<FramingItem>('/api/framing?by=outlet&limit=500'),
    ]);
    const conflictKeys = new Set<string>();
    for (const d of dis) for (const i of new Set(d.conflicts.flat())) conflictKeys.add(claimKey(d.claims[i]!));
    root.replaceChildren(disagreementsSection(dis), claimsSection(cl, conflictKeys), speakersSection(sp), framingSection(fr));
  } catch (e) {
    root.replaceChildren(el('p', e instanceof NoStore ? 'no-store' : 'warning', e instanceof NoStore ? NO_STORE : `Could not load the corpus: ${(e as Error).message}`));
  } finally {
    root.removeAttribute('aria-busy');
  }
}

/** Shows the Article or the Corpus view after the location hash (#corpus / anything else). */
function route(): void {
  const article = document.getElementById('article-view');
  const corpus = document.getElementById('corpus-view');
  if (!article || !corpus) return;
  const onCorpus = location.hash === '#corpus';
  article.hidden = onCorpus;
  corpus.hidden = !onCorpus;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#view-nav a')) {
    if ((a.hash === '#corpus') === onCorpus) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  if (onCorpus && !corpus.dataset['loaded']) {
    corpus.dataset['loaded'] = '1';
    void renderCorpus(document.getElementById('corpus-content')!);
  }
}

window.addEventListener('hashchange', route);
route();
