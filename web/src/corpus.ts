// The Corpus view (#corpus): disagreements, claims side by side by outlet, speakers and framing, read from the store's
// JSON API page by page (each section has its own "Load more").
// Untrusted text from documents only ever reaches the page through textContent / createElement.

import { el, loadError, pagedList } from './api.js';

export { NO_STORE } from './api.js';

interface ClaimItem {
  outlet?: string; measure: string; where?: string; value: number; low: number; high: number | null;
  claimant: string; quantity: string; approx?: string; published: string | null; asOf?: string;
  evidence: { sentence: string; text: string };
}
interface DisagreementItem { measure: string; where?: string; claims: ClaimItem[]; conflicts: Array<[number, number]> }
interface SpeakerItem { name: string; titles: string[]; statements: number; outlets: Array<{ outlet: string; statements: number }> }
interface FramingItem { outlet: string | null; term: string; category: string; uses: number; documents: number }
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

function disagreementsList(items: DisagreementItem[]): Node[] {
  if (items.length === 0) return [el('p', 'hint', 'No conflicting figures in this corpus.')];
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
  return [list];
}

function claimsTable(items: ClaimItem[], conflictKeys: Set<string>): Node[] {
  if (items.length === 0) return [el('p', 'hint', 'No comparable figures stored.')];
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
  return [wrap];
}

const claimKey = (c: ClaimItem) => `${outletOf(c)}|${c.measure}|${c.value}|${dayOf(c)}|${c.evidence.sentence}`;

function speakersList(items: SpeakerItem[]): Node[] {
  if (items.length === 0) return [el('p', 'hint', 'No speakers stored.')];
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
  return [list];
}

function framingList(items: FramingItem[]): Node[] {
  if (items.length === 0) return [el('p', 'hint', 'No framing terms found.')];
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
  return [list];
}

/** Loads the first page of every section from the API and renders them into `root`; each section pages on its own. */
export async function renderCorpus(root: HTMLElement): Promise<void> {
  root.replaceChildren(el('p', 'hint', 'Loading the corpus…'));
  root.setAttribute('aria-busy', 'true');
  try {
    const conflictKeys = new Set<string>();
    const part = (title: string, id: string) => {
      const s = section(title, id), body = el('div', 'section-body');
      s.append(body);
      return { s, body };
    };
    const parts = {
      disagreements: part('Disagreements', 'corpus-disagreements'), claims: part('Claims by outlet', 'corpus-claims'),
      speakers: part('Speakers', 'corpus-speakers'), framing: part('Framing by outlet', 'corpus-framing'),
    };
    // Disagreements first: the claims table marks the figures they hold, and is drawn again when more load.
    let redrawClaims: (() => void) | undefined;
    await pagedList<DisagreementItem>(parts.disagreements.body, '/api/disagreements?limit=100', disagreementsList, 'disagreements', (items) => {
      for (const d of items) for (const i of new Set(d.conflicts.flat())) conflictKeys.add(claimKey(d.claims[i]!));
      redrawClaims?.();
    });
    [redrawClaims] = await Promise.all([
      pagedList<ClaimItem>(parts.claims.body, '/api/claims?limit=500', (items) => claimsTable(items, conflictKeys), 'claims'),
      pagedList<SpeakerItem>(parts.speakers.body, '/api/speakers?limit=100', speakersList, 'speakers'),
      pagedList<FramingItem>(parts.framing.body, '/api/framing?by=outlet&limit=500', framingList, 'framing terms'),
    ]);
    root.replaceChildren(parts.disagreements.s, parts.claims.s, parts.speakers.s, parts.framing.s);
  } catch (e) {
    root.replaceChildren(loadError(e, 'the corpus'));
  } finally {
    root.removeAttribute('aria-busy');
  }
}
