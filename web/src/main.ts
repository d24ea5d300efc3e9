// The article view: extract a pasted or uploaded article through the API, or open a stored one, and show every datum in place.
// Article text is untrusted: it only ever reaches the page through textContent, never as markup.

import type { Extraction } from '../../src/schema/extraction.js';
import { segments, speakerColours, type Annotation } from './highlight.js';

type Layer = 'statements' | 'quantities' | 'times' | 'places';
const LAYERS: Array<[Layer, string]> = [['statements', 'Statements'], ['quantities', 'Quantities'], ['times', 'Times'], ['places', 'Places']];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string; attrs?: Record<string, string> } = {}, ...children: Node[]) => {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.text !== undefined) e.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) e.setAttribute(k, v);
  e.append(...children);
  return e;
};

let current: Extraction | null = null;
let activeLayer: Layer = 'statements';

async function extractText(body: Record<string, string>): Promise<Extraction> {
  const res = await fetch('/api/extract', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`${json?.error?.code ?? res.status}: ${json?.error?.message ?? 'request failed'}`);
  return json as Extraction;
}

function annotationsOf(x: Extraction): Annotation[] {
  const out: Annotation[] = [];
  for (const s of x.statements) {
    out.push({ id: s.id, layer: 'statement', start: s.content.start, end: s.content.end });
    out.push({ id: s.id, layer: 'cue', start: s.cue.start, end: s.cue.end });
    if (s.speaker.start !== undefined && s.speaker.end !== undefined) out.push({ id: s.id, layer: 'speaker', start: s.speaker.start, end: s.speaker.end });
  }
  for (const q of x.quantities) out.push({ id: q.id, layer: 'quantity', start: q.start, end: q.end });
  for (const t of x.times) out.push({ id: t.id, layer: 'time', start: t.start, end: t.end });
  for (const p of x.places) out.push({ id: p.id, layer: 'place', start: p.start, end: p.end });
  return out;
}

function renderArticle(x: Extraction): void {
  const article = $('article');
  article.replaceChildren();
  const colours = speakerColours(x.statements.map((s) => s.speaker.name));
  const statementColour = new Map(x.statements.map((s) => [s.id, colours.get(s.speaker.name)!]));
  const text = x.document.text;
  for (const seg of segments(text.length, annotationsOf(x))) {
    const piece = text.slice(seg.start, seg.end);
    if (!seg.covering.length) { article.append(document.createTextNode(piece)); continue; }
    const span = el('span', { text: piece });
    const layers = new Set(seg.covering.map((a) => a.layer));
    span.className = [...layers].map((l) => `hl-${l}`).join(' ');
    const statement = seg.covering.find((a) => a.layer === 'statement' || a.layer === 'cue' || a.layer === 'speaker');
    if (statement) span.style.backgroundColor = statementColour.get(statement.id) ?? '';
    const target = seg.covering[0]!;
    span.dataset['ann'] = target.id;
    span.dataset['evidence'] = seg.covering.map((a) => a.id).join(' ');
    span.tabIndex = 0;
    span.setAttribute('role', 'button');
    span.setAttribute('aria-label', `${target.layer}: ${piece}`);
    const open = () => showRecord(target.id);
    span.addEventListener('click', open);
    span.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
    article.append(span);
  }
}

function field(name: string, value: string | number | undefined): HTMLElement | null {
  if (value === undefined || value === '') return null;
  return el('div', { className: 'field' }, el('dt', { text: name }), el('dd', { text: String(value) }));
}

function recordFields(x: Extraction, id: string): { title: string; fields: Array<HTMLElement | null>; span: { start: number; end: number } } | null {
  const t = x.document.text;
  const at = (s: { start: number; end: number }) => t.slice(s.start, s.end);
  const s = x.statements.find((r) => r.id === id);
  if (s) {
    const ent = x.entities.find((e) => e.id === s.speaker.entity);
    return {
      title: `Statement by ${s.speaker.name}`,
      span: s.content,
      fields: [
        field('Speaker', s.speaker.name), field('Mention', s.speaker.start !== undefined ? t.slice(s.speaker.start, s.speaker.end) : undefined),
        field('Titles', ent?.titles.join(', ')), field('Roles', ent?.roles.join('; ')), field('Affiliation', ent?.affiliations.join(', ')),
        field('Cue', `${at(s.cue)} (${s.cue.lemma})`), field('Kind', s.kind), field('Channel', s.channel ? at(s.channel) : undefined),
        field('Addressee', s.addressee?.name), field('Time', s.time ? x.times.find((tm) => tm.id === s.time)?.value : undefined),
        field('Content', at(s.content)), field('Decided by', [s.provenance.stage, s.provenance.rule].filter(Boolean).join(' · ')),
      ],
    };
  }
  const q = x.quantities.find((r) => r.id === id);
  if (q) {
    const claim = q.statement ? x.statements.find((r) => r.id === q.statement) : undefined;
    return {
      title: `Quantity ${q.value ?? ''}`, span: q,
      fields: [field('Text', at(q)), field('Value', q.value ?? undefined), field('Qualifier', q.approx), field('Range', q.approx === 'range' ? `${q.low}–${q.high}` : undefined),
        field('What', q.what), field('Category', q.category), field('Unit', q.unit), field('Claimed by', claim?.speaker.name)],
    };
  }
  const tm = x.times.find((r) => r.id === id);
  if (tm) return { title: `Time ${tm.value}`, span: tm, fields: [field('Text', at(tm)), field('Normalized', tm.value), field('Type', tm.type), field('Stated', tm.certain?.join(', '))] };
  const p = x.places.find((r) => r.id === id);
  if (p) return { title: `Place ${p.name}`, span: p, fields: [field('Text', at(p)), field('Name', p.name), field('Country', p.country), field('Kind', p.kind), field('Coordinates', `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`)] };
  return null;
}

function showRecord(id: string): void {
  if (!current) return;
  const r = recordFields(current, id);
  const details = $('details');
  if (!r) return;
  const dl = el('dl');
  for (const f of r.fields) if (f) dl.append(f);
  const jump = el('button', { text: 'Show evidence', className: 'link', attrs: { type: 'button' } });
  jump.addEventListener('click', () => scrollToEvidence(id));
  details.replaceChildren(el('h2', { text: r.title }), dl, jump);
  details.dataset['record'] = id;
  for (const e of document.querySelectorAll('.record-list li')) e.classList.toggle('selected', (e as HTMLElement).dataset['ann'] === id);
}

function scrollToEvidence(id: string): void {
  const spans = [...document.querySelectorAll<HTMLElement>('#article [data-evidence]')].filter((s) => s.dataset['evidence']!.split(' ').includes(id));
  for (const s of document.querySelectorAll('.flash')) s.classList.remove('flash');
  spans.forEach((s) => s.classList.add('flash'));
  spans[0]?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  spans[0]?.focus({ preventScroll: true });
}

function renderList(): void {
  if (!current) return;
  const x = current;
  const t = x.document.text;
  const list = $('record-list');
  const items: Array<[string, string, string]> = activeLayer === 'statements'
    ? x.statements.map((s) => [s.id, s.speaker.name, t.slice(s.content.start, s.content.end)])
    : activeLayer === 'quantities' ? x.quantities.map((q) => [q.id, `${q.value} ${q.approx}`, q.what ?? t.slice(q.start, q.end)])
    : activeLayer === 'times' ? x.times.map((tm) => [tm.id, tm.value, t.slice(tm.start, tm.end)])
    : x.places.map((p) => [p.id, p.name, `${p.country} · ${p.kind}`]);
  list.replaceChildren(...items.map(([id, head, body]) => {
    const li = el('li', { attrs: { tabindex: '0', role: 'button' } }, el('strong', { text: head }), el('span', { text: ` ${body.length > 140 ? body.slice(0, 139) + '…' : body}` }));
    li.dataset['ann'] = id;
    const go = () => { showRecord(id); scrollToEvidence(id); };
    li.addEventListener('click', go);
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); go(); } });
    return li;
  }));
  for (const b of document.querySelectorAll<HTMLElement>('#tabs button')) b.setAttribute('aria-selected', String(b.dataset['layer'] === activeLayer));
}

function renderTabs(x: Extraction): void {
  $('tabs').replaceChildren(...LAYERS.map(([layer, label]) => {
    const b = el('button', { text: `${label} (${x[layer].length})`, attrs: { type: 'button', role: 'tab' } });
    b.dataset['layer'] = layer;
    b.addEventListener('click', () => { activeLayer = layer; renderList(); });
    return b;
  }));
}

/** A heading for an untitled article: its first words. */
function firstLine(text: string): string {
  const line = text.replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s+/, '').trim().split('\n')[0]!.replace(/\s+/g, ' ');
  return line.length > 90 ? line.slice(0, 89) + '…' : line;
}

function render(x: Extraction): void {
  current = x;
  const d = x.document;
  $('summary').replaceChildren(
    el('h2', { text: d.title ?? firstLine(d.text) }),
    el('p', { className: 'meta', text: [d.published ? `published ${d.published}` : 'no publication date', d.dateline ? `dateline ${d.dateline.place}` : '', d.outlet ?? ''].filter(Boolean).join(' · ') }),
    ...x.warnings.map((w) => el('p', { className: 'warning', text: `${w.code}: ${w.message}` })),
  );
  renderArticle(x);
  renderTabs(x);
  renderList();
  $('details').replaceChildren(el('p', { className: 'hint', text: 'Click a highlight or a record to see it here.' }));
  $('result').hidden = false;
}

const LAYER_OF: Array<[Layer, (x: Extraction, id: string) => boolean]> = [
  ['statements', (x, id) => x.statements.some((r) => r.id === id)], ['quantities', (x, id) => x.quantities.some((r) => r.id === id)],
  ['times', (x, id) => x.times.some((r) => r.id === id)], ['places', (x, id) => x.places.some((r) => r.id === id)],
];

/**
 * Opens a stored document (the map's and timeline's links, #document/ID/ANNOTATION) and shows one annotation's
 * record with its evidence. Needs a server with a store.
 */
export async function openStoredDocument(id: string, annotation?: string): Promise<void> {
  const status = $('status');
  status.textContent = 'Opening the stored document…';
  try {
    const res = await fetch(`/api/documents/${encodeURIComponent(id)}`);
    const json = (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : null;
    if (!res.ok || !json) throw new Error(json?.error?.message ?? (res.status === 404 ? 'this server has no store with that document' : `HTTP ${res.status}`));
    const x = json as Extraction;
    if (annotation) activeLayer = LAYER_OF.find(([, has]) => has(x, annotation))?.[0] ?? activeLayer;
    render(x);
    status.textContent = `Stored document ${x.document.id}${x.document.outlet ? ` (${x.document.outlet})` : ''}.`;
    if (annotation) {
      showRecord(annotation);
      scrollToEvidence(annotation);
    }
  } catch (err) {
    status.textContent = `Could not open the document: ${(err as Error).message}`;
  }
}

$('file').addEventListener('change', async () => {
  const f = ($('file') as HTMLInputElement).files?.[0];
  if (f) ($('article-text') as HTMLTextAreaElement).value = await f.text();
});

$('extract-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const text = ($('article-text') as HTMLTextAreaElement).value;
  const published = ($('published') as HTMLInputElement).value;
  const status = $('status');
  if (!text.trim()) { status.textContent = 'Paste an article or choose a file first.'; return; }
  status.textContent = 'Extracting…';
  try {
    const isHtml = /^\s*<(!doctype html|html|body|article)/i.test(text);
    const x = await extractText({ [isHtml ? 'html' : 'text']: text, ...(published ? { published } : {}) });
    status.textContent = `${x.statements.length} statements, ${x.quantities.length} quantities, ${x.times.length} times, ${x.places.length} places.`;
    render(x);
  } catch (err) {
    status.textContent = `Could not extract: ${(err as Error).message}`;
  }
});
