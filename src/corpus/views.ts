// The corpus views over a Store (speakers, claims, disagreements, framing, search, documents, export): each one
// library function, built on indexed SQL and small row sets, shared by the CLI commands and the HTTP routes.

import type { Extraction } from '../schema/index.js';
import type { DocumentSummary, SearchHit, Store } from '../store/index.js';
import { claimsOf, COMPARABLE, disagreements as findDisagreements, type Claim, type Disagreement } from './claims.js';
import { linkEntities } from './link.js';

/** Rows any view returns at most per page. */
export const MAX_LIMIT = 1000;
export const DEFAULT_VIEW_LIMIT = 50;

/** Which documents a view reads: one outlet, a publication date range (inclusive, YYYY-MM-DD). */
export interface Scope {
  outlet?: string;
  from?: string;
  to?: string;
}

export interface Page {
  limit?: number;
  offset?: number;
}

const pageOf = (p: Page): { limit: number; offset: number } => ({
  limit: Math.min(MAX_LIMIT, Math.max(0, Math.floor(p.limit ?? DEFAULT_VIEW_LIMIT))),
  offset: Math.max(0, Math.floor(p.offset ?? 0)),
});

/** `?, ?, ?` for an IN list (both engines take `?` placeholders through store.sql). */
const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** The WHERE conditions on `documents d` for a scope. */
function scopeWhere(s: Scope, where: string[], params: unknown[]): void {
  if (s.outlet !== undefined) { where.push('d.outlet = ?'); params.push(s.outlet); }
  if (s.from !== undefined) { where.push('d.published >= ?'); params.push(s.from); }
  if (s.to !== undefined) { where.push('d.published <= ?'); params.push(s.to); }
}

/** PostgreSQL returns JSONB parsed and BIGINT as strings; SQLite returns JSON as text. */
const json = <T>(v: unknown): T | undefined => (v === null || v === undefined ? undefined : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const jsonList = (v: unknown): string[] => json<string[]>(v) ?? [];

// ---------------------------------------------------------------------------------------------- speakers

export interface SpeakerQuery extends Scope, Page {}

export interface SpeakerView {
  /** The fullest name any report gives. */
  name: string;
  /** Every spelling the reports use. */
  names: string[];
  type: string;
  titles: string[];
  roles: string[];
  statements: number;
  documents: number;
  /** Statements per outlet, most first. */
  outlets: Array<{ outlet: string; statements: number }>;
}

/** Speaker keys read before linking: linking merges spellings, so a page needs a few more keys than rows. */
const SPEAKER_WINDOW = (limit: number, offset: number) => Math.min(5000, limit + offset + 20);
/** Latest statements per speaker whose entity records give titles and roles. */
const RECORD_SAMPLE = 10;

type OutletCount = { key: string; name: string; outlet: string | null; n: number | string; docs: number | string };

/** Statements per speaker key and outlet within a date range (the documents' indexes narrow it first). */
function outletCountsInScope(store: Store, where: string[], params: unknown[]): Promise<OutletCount[]> {
  return store.sql<OutletCount>(
    `SELECT s.speaker_key AS key, min(s.speaker) AS name, d.outlet, count(*) AS n, count(DISTINCT s.doc) AS docs
     FROM statements s JOIN documents d ON d.seq = s.doc WHERE ${where.join(' AND ')} GROUP BY s.speaker_key, d.outlet`, params);
}

/** Keys in the order a page keeps them: most statements first, then by key. */
function busiest(all: readonly OutletCount[], window: number): string[] {
  const total = new Map<string, number>();
  for (const r of all) total.set(r.key, (total.get(r.key) ?? 0) + Number(r.n));
  return [...total].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, window).map(([k]) => k);
}

/**
 * Each key's latest RECORD_SAMPLE statements that name an entity, with its entity record, keys in order. PostgreSQL
 * takes them as one LATERAL join over the key list: planning a UNION of a query per key cost it 70 ms for 70 keys.
 */
function speakerRecords(store: Store, keys: string[]) {
  type Row = { key: string; type: string; name: string; titles: unknown; roles: unknown; affiliations: unknown };
  const latest = (key: string) => `SELECT s.speaker_key AS key, e.type, e.name, e.titles, e.roles, e.affiliations
     FROM statements s JOIN entities e ON e.doc = s.doc AND e.id = s.speaker_entity WHERE s.speaker_key = ${key} ORDER BY s.doc DESC LIMIT ${RECORD_SAMPLE}`;
  if (store.kind === 'postgres') {
    return store.sql<Row>(`SELECT r.key, r.type, r.name, r.titles, r.roles, r.affiliations FROM unnest(?::text[]) WITH ORDINALITY AS k(key, n)
      CROSS JOIN LATERAL (${latest('k.key').replace('SELECT ', 'SELECT s.doc, ')}) AS r ORDER BY k.n, r.doc DESC`, [keys]);
  }
  return store.sql<Row>(keys.map(() => `SELECT * FROM (${latest('?')}) AS r`).join(' UNION ALL '), keys);
}

/**
 * Speakers by how many statements they make, spellings and titles linked across documents (linkEntities:
 * "Raeisi"/"Raisi", "IDF"/"Israel Defense Forces"). Over the whole store or one outlet, the counts the store keeps
 * (speaker_counts, speaker_outlets); over a date range, one aggregate of the range's statements. Titles from a
 * sample of each speaker's entity records.
 */
export async function speakers(store: Store, q: SpeakerQuery = {}): Promise<SpeakerView[]> {
  const { limit, offset } = pageOf(q);
  const window = SPEAKER_WINDOW(limit, offset);
  let keys: string[];
  let counts: Promise<OutletCount[]>;
  if (q.from !== undefined || q.to !== undefined) {
    // A date range: one pass over the range's statements counts every speaker by outlet; the busiest are kept.
    const where: string[] = [], params: unknown[] = [];
    scopeWhere(q, where, params);
    const all = await outletCountsInScope(store, where, params);
    keys = busiest(all, window);
    const wanted = new Set(keys);
    counts = Promise.resolve(all.filter((r) => wanted.has(r.key)));
  } else if (q.outlet !== undefined) {
    // One outlet: its counts, with the least spelling of each name in it (as min(speaker) over its statements).
    const all = await store.sql<OutletCount>(
      `SELECT key, name, outlet, statements AS n, documents AS docs FROM speaker_outlets WHERE outlet = ? ORDER BY key`, [q.outlet]);
    keys = busiest(all, window);
    const wanted = new Set(keys);
    counts = Promise.resolve(all.filter((r) => wanted.has(r.key)));
  } else {
    const top = await store.sql<{ key: string }>(`SELECT key FROM speaker_counts ORDER BY statements DESC, key LIMIT ?`, [window]);
    keys = top.map((t) => t.key);
    // Each speaker's name as first stored (the speakers dictionary), its counts by outlet.
    counts = keys.length === 0 ? Promise.resolve([]) : store.sql<OutletCount>(
      `SELECT o.key, coalesce(n.name, o.key) AS name, o.outlet, o.statements AS n, o.documents AS docs FROM speaker_outlets o LEFT JOIN speakers n ON n.key = o.key
       WHERE o.key IN (${marks(keys.length)}) ORDER BY o.key`, keys);
  }
  if (keys.length === 0) return [];
  const [byOutlet, records] = await Promise.all([
    counts,
    // Titles and roles from each speaker's latest statements that name an entity: a sample, not every statement.
    speakerRecords(store, keys),
  ]);

  interface Acc { key: string; name: string; type: string; titles: string[]; roles: string[]; affiliations: string[]; n: number; docs: number; outlets: Map<string, number> }
  const acc = new Map<string, Acc>();
  for (const r of byOutlet) {
    let a = acc.get(r.key);
    if (!a) acc.set(r.key, (a = { key: r.key, name: r.name, type: 'other', titles: [], roles: [], affiliations: [], n: 0, docs: 0, outlets: new Map() }));
    const outlet = r.outlet ?? '(no outlet)';
    a.outlets.set(outlet, (a.outlets.get(outlet) ?? 0) + Number(r.n));
    a.n += Number(r.n);
    a.docs += Number(r.docs);
  }
  const add = (list: string[], vs: readonly string[]) => { for (const v of vs) if (!list.includes(v)) list.push(v); };
  for (const r of records) {
    const a = acc.get(r.key);
    if (!a) continue;
    if (a.type === 'other') a.type = r.type;
    add(a.titles, jsonList(r.titles));
    add(a.roles, jsonList(r.roles));
    add(a.affiliations, jsonList(r.affiliations));
  }

  // Link the speakers as entities of one-entity pseudo-documents: each key is a "document" of linkEntities.
  const pseudo = [...acc.values()].map((a) => ({
    document: { id: a.key },
    entities: [{ id: 'speaker', type: a.type === 'other' && /^\p{Lu}/u.test(a.name) ? 'person' : a.type, name: a.name, titles: a.titles, roles: a.roles, affiliations: a.affiliations, mentions: [] }],
  })) as unknown as Extraction[];
  const linked = linkEntities(pseudo);
  const groups: Acc[][] = [];
  const grouped = new Set<string>();
  for (const l of linked) {
    const members = [...new Set(l.mentions.map((m) => m.doc))].filter((k) => !grouped.has(k)).map((k) => acc.get(k)!);
    for (const m of members) grouped.add(m.key);
    if (members.length) groups.push(members);
  }
  for (const a of acc.values()) if (!grouped.has(a.key)) groups.push([a]);

  const views = groups.map((members): SpeakerView => {
    const outlets = new Map<string, number>();
    const v: SpeakerView = { name: members[0]!.name, names: [], type: members[0]!.type, titles: [], roles: [], statements: 0, documents: 0, outlets: [] };
    for (const m of members) {
      if (m.name.length > v.name.length) v.name = m.name;
      if (v.type === 'other') v.type = m.type;
      add(v.names, [m.name]);
      add(v.titles, m.titles);
      add(v.roles, m.roles);
      v.statements += m.n;
      v.documents += m.docs;
      for (const [o, n] of m.outlets) outlets.set(o, (outlets.get(o) ?? 0) + n);
    }
    v.outlets = [...outlets].map(([outlet, statements]) => ({ outlet, statements })).sort((a, b) => b.statements - a.statements || a.outlet.localeCompare(b.outlet));
    return v;
  });
  views.sort((a, b) => b.statements - a.statements || a.name.localeCompare(b.name));
  return views.slice(offset, offset + limit);
}

// ---------------------------------------------------------------------------------------------- claims

export interface ClaimQuery extends Scope, Page {
  /** What is measured: killed, injured, missing, arrested, displaced, evacuated, weapons. */
  measure?: string;
  /** Where (case-insensitive place name, as claims name it). */
  where?: string;
  /** Most recent documents with comparable figures read at most (default 500): bounds the time on a large store. */
  scan?: number;
}

/** A claim as views return it: JSON-safe (an open upper bound is null). */
export interface ClaimView extends Omit<Claim, 'high' | 'point'> {
  high: number | null;
  published: string | null;
}

export const DEFAULT_SCAN = 500;
/** Documents loaded per round while paging through claims. */
const CLAIM_ROUND = 250;
const FIRST_ROUND = 20;

const claimView = (c: Claim): ClaimView => {
  const { point: _point, high, ...rest } = c;
  return { ...rest, high: Number.isFinite(high) ? high : null, published: c.asOf ?? null };
};

/** The measures a query compares: one, or every comparable one. */
const measuresOf = (measure?: string): string[] => (measure ? [measure] : [...COMPARABLE]);

/**
 * The casings a place name is looked up under, so the places_name index serves `--where zanzibar`: as given,
 * each word capitalized, the first letter only, all capitals. (Gazetteer names with lower-case particles, like
 * "Dar es Salaam", need those particles as the gazetteer writes them.)
 */
function spellings(name: string): string[] {
  const words = name.trim().toLowerCase().split(/\s+/);
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return [...new Set([name.trim(), words.map(cap).join(' '), cap(words.join(' ')), name.trim().toUpperCase()])];
}

/** Document seqs, newest stored first, that hold figures of these measures (and name the place, when asked). */
async function claimDocs(store: Store, q: ClaimQuery, limit: number, offset: number): Promise<number[]> {
  const measures = measuresOf(q.measure);
  const where = [`EXISTS (SELECT 1 FROM quantities x WHERE x.doc = d.seq AND x.category IN (${marks(measures.length)}))`];
  const params: unknown[] = [...measures];
  scopeWhere(q, where, params);
  if (q.where !== undefined) {
    const names = spellings(q.where);
    where.push(`d.seq IN (SELECT p.doc FROM places p WHERE p.name IN (${marks(names.length)}))`);
    params.push(...names);
  }
  const rows = await store.sql<{ seq: number | string }>(`SELECT d.seq FROM documents d WHERE ${where.join(' AND ')} ORDER BY d.seq DESC LIMIT ? OFFSET ?`, [...params, limit, offset]);
  return rows.map((r) => Number(r.seq));
}

/**
 * The parts of stored documents claimsOf reads (document, sentences, places, comparable quantities and the
 * statements that hold them), from the tables and document_sentences rather than whole records.
 */
async function claimSources(store: Store, seqs: readonly number[], measures: readonly string[]): Promise<Extraction[]> {
  if (seqs.length === 0) return [];
  const inDocs = `doc IN (${marks(seqs.length)})`;
  const [docs, placeLists, quantities, statements] = await Promise.all([
    store.sql<{ seq: number | string; id: string; outlet: string | null; published: string | null; text: string; sentences: unknown; dateline: unknown }>(
      `SELECT d.seq, d.id, d.outlet, d.published, d.text, c.sentences, c.dateline
       FROM documents d LEFT JOIN document_sentences c ON c.doc = d.seq WHERE d.seq IN (${marks(seqs.length)})`, seqs),
    // The place fields claimsOf reads (span, name, point, kind), one JSON list per document: a row object per place
    // cost more than the query (7,000 places for 500 documents).
    store.sql<{ doc: number | string; list: unknown }>(
      `SELECT doc, ${store.kind === 'sqlite' ? 'json_group_array(json_array(' : 'json_agg(json_build_array('}id, span_start, span_end, name, lat, lon, kind)) AS list
       FROM places WHERE ${inDocs} GROUP BY doc`, seqs),
    store.sql<{ doc: number | string; id: string; span_start: number; span_end: number; value: number | null; approx: string; low: number | null; high: number | null; category: string; statement_id: string | null }>(
      `SELECT doc, id, span_start, span_end, value, approx, low, high, category, statement_id FROM quantities
       WHERE ${inDocs} AND category IN (${marks(measures.length)})`, [...seqs, ...measures]),
    // Only the statements that hold these figures (their speakers are the claimants).
    store.sql<{ doc: number | string; id: string; speaker: string }>(
      `SELECT s.doc, s.id, s.speaker FROM statements s WHERE s.${inDocs} AND EXISTS (SELECT 1 FROM quantities x WHERE x.doc = s.doc AND x.statement_id = s.id AND x.category IN (${marks(measures.length)}))`,
      [...seqs, ...measures]),
  ]);
  const bySeq = new Map<number, Extraction>();
  for (const d of docs) {
    const dateline = json<Extraction['document']['dateline']>(d.dateline);
    bySeq.set(Number(d.seq), {
      document: { id: d.id, text: d.text, ...(d.outlet !== null ? { outlet: d.outlet } : {}), ...(d.published !== null ? { published: d.published } : {}), ...(dateline ? { dateline } : {}) },
      sentences: json<Extraction['sentences']>(d.sentences) ?? [],
      places: [], quantities: [], statements: [],
    } as unknown as Extraction);
  }
  // Text order, as in the record (sorted here: the tables' (doc, id) indexes give id order, and SQL sorts cost more).
  const textOrder = (a: { doc: number | string; span_start: number; id: string }, b: typeof a) =>
    Number(a.doc) - Number(b.doc) || a.span_start - b.span_start || a.id.localeCompare(b.id);
  const places = placeLists.flatMap((r) => (json<[string, number, number, string, number, number, string][]>(r.list) ?? [])
    .map(([id, span_start, span_end, name, lat, lon, kind]) => ({ doc: r.doc, id, span_start, span_end, name, lat, lon, kind })));
  places.sort(textOrder);
  quantities.sort(textOrder);
  for (const p of places) bySeq.get(Number(p.doc))?.places.push({ id: p.id, start: p.span_start, end: p.span_end, name: p.name, lat: Number(p.lat), lon: Number(p.lon), kind: p.kind } as Extraction['places'][number]);
  for (const x of quantities) {
    bySeq.get(Number(x.doc))?.quantities.push({
      id: x.id, start: x.span_start, end: x.span_end, value: x.value === null ? null : Number(x.value), approx: x.approx,
      ...(x.low !== null ? { low: Number(x.low) } : {}), ...(x.high !== null ? { high: Number(x.high) } : {}), category: x.category,
      ...(x.statement_id !== null ? { statement: x.statement_id } : {}),
    } as Extraction['quantities'][number]);
  }
  for (const s of statements) bySeq.get(Number(s.doc))?.statements.push({ id: s.id, speaker: { name: s.speaker } } as Extraction['statements'][number]);
  return seqs.flatMap((s) => bySeq.get(s) ?? []);
}

const claimMatches = (q: ClaimQuery) => (c: Claim): boolean =>
  (q.measure === undefined || c.measure === q.measure) && (q.where === undefined || c.where?.toLowerCase() === q.where.toLowerCase());

/** Claims in scope, newest stored documents first, reading documents in rounds until the page is full. */
async function collectClaims(store: Store, q: ClaimQuery, want: number): Promise<{ claims: Claim[]; scanned: number; truncated: boolean }> {
  const scan = Math.max(1, Math.floor(q.scan ?? DEFAULT_SCAN));
  const keep = claimMatches(q);
  // The candidate documents in one query (one more than the scan, to tell whether the scan cut it short).
  const candidates = await claimDocs(store, q, scan + 1, 0);
  const seqs = candidates.slice(0, scan);
  const claims: Claim[] = [];
  let scanned = 0;
  // A document holds a claim or more: a small page needs few documents, so rounds start small and grow.
  let round = Math.min(CLAIM_ROUND, Math.max(FIRST_ROUND, want));
  while (claims.length < want && scanned < seqs.length) {
    const batch = seqs.slice(scanned, scanned + round);
    scanned += batch.length;
    round = Math.min(CLAIM_ROUND * 4, round * 2);
    for (const x of await claimSources(store, batch, measuresOf(q.measure))) claims.push(...claimsOf(x).filter(keep));
  }
  return { claims, scanned, truncated: scanned === seqs.length && candidates.length > scan };
}

export interface ClaimsResult {
  claims: ClaimView[];
  /** Documents read; `truncated` when the scan limit stopped the reading before the store was exhausted. */
  scanned: number;
  truncated: boolean;
}

/** Normalized quantity claims (measure, where, as of, value and qualifier, claimant, outlet, evidence), via claimsOf. */
export async function claims(store: Store, q: ClaimQuery = {}): Promise<ClaimsResult> {
  const { limit, offset } = pageOf(q);
  const got = await collectClaims(store, q, offset + limit);
  return { claims: got.claims.slice(offset, offset + limit).map(claimView), scanned: got.scanned, truncated: got.truncated && got.claims.length < offset + limit };
}

// ---------------------------------------------------------------------------------------------- disagreements

export interface DisagreementView {
  measure: string;
  where?: string;
  /** Every claim of the group, each with its evidence. */
  claims: ClaimView[];
  /** Pairs of claims (indices into `claims`) that cannot both be true. */
  conflicts: Array<[number, number]>;
}

export interface DisagreementsResult {
  disagreements: DisagreementView[];
  scanned: number;
  truncated: boolean;
}

const disagreementView = (d: Disagreement): DisagreementView => ({
  measure: d.measure, ...(d.where !== undefined ? { where: d.where } : {}), claims: d.claims.map(claimView), conflicts: d.conflicts,
});

/**
 * Groups of comparable claims whose values cannot all be true (disagreements() of claims.ts), among the claims of
 * the `scan` most recent documents in scope: narrow by measure, where, outlet or dates to compare further back.
 */
export async function disagreements(store: Store, q: ClaimQuery = {}): Promise<DisagreementsResult> {
  const { limit, offset } = pageOf(q);
  const got = await collectClaims(store, q, Infinity);
  // Oldest first, so a group lists its claims in the order they were made.
  const ordered = got.claims.slice().reverse();
  // Claims of different measures never meet in a group: comparing each measure apart gives the same groups, faster.
  const byMeasure = new Map<string, Claim[]>();
  for (const c of ordered) {
    const list = byMeasure.get(c.measure);
    if (list) list.push(c); else byMeasure.set(c.measure, [c]);
  }
  const found = [...byMeasure.values()].flatMap((list) => findDisagreements(list));
  return { disagreements: found.slice(offset, offset + limit).map(disagreementView), scanned: got.scanned, truncated: got.truncated };
}

// ---------------------------------------------------------------------------------------------- framing

export type FramingBy = 'outlet' | 'referent' | 'term';

export interface FramingQuery extends Scope, Page {
  by?: FramingBy;
  /** Only this category (loaded_label, delegitimizing, glorifying, dehumanizing, euphemism, accusatory). */
  category?: string;
}

export interface FramingView {
  outlet: string | null;
  referent_type: string;
  referent: string | null;
  term: string;
  category: string;
  uses: number;
  documents: number;
}

/** The order of each grouping, over the framing rows `f` aggregated with their documents `d` (`uses` the count). */
const FRAMING_ORDER: Record<FramingBy, string> = {
  outlet: 'd.outlet, uses DESC, f.referent_type, f.referent, f.term',
  referent: 'f.referent_type, f.referent, d.outlet, uses DESC, f.term',
  term: 'f.term, uses DESC, d.outlet, f.referent',
};

/**
 * For each outlet, which loaded terms it uses for which referents, counted from the stored framing layer. Over the
 * whole store or one outlet, the counts the store keeps (framing_counts, read in order by its index for --by outlet);
 * over a date range, an aggregate of the range's framing rows.
 */
export async function framing(store: Store, q: FramingQuery = {}): Promise<FramingView[]> {
  const { limit, offset } = pageOf(q);
  const order = FRAMING_ORDER[q.by ?? 'outlet'];
  const where: string[] = [], params: unknown[] = [];
  let rows: FramingView[];
  if (q.from === undefined && q.to === undefined) {
    if (q.outlet !== undefined) { where.push('f.outlet = ?'); params.push(q.outlet); }
    if (q.category !== undefined) { where.push('f.category = ?'); params.push(q.category); }
    rows = await store.sql<FramingView>(
      `SELECT f.outlet, f.referent_type, f.referent, f.term, f.category, f.uses, f.documents
       FROM framing_counts f${where.length ? ' WHERE ' + where.join(' AND ') : ''}
       ORDER BY ${order.replace('d.outlet', 'f.outlet').replace('uses DESC', 'f.uses DESC')} LIMIT ? OFFSET ?`,
      [...params, limit, offset]);
  } else {
    scopeWhere(q, where, params);
    if (q.category !== undefined) { where.push('f.category = ?'); params.push(q.category); }
    rows = await store.sql<FramingView>(
      `SELECT d.outlet, f.referent_type, f.referent, f.term, f.category, count(*) AS uses, count(DISTINCT f.doc) AS documents
       FROM framing f JOIN documents d ON d.seq = f.doc WHERE ${where.join(' AND ')}
       GROUP BY d.outlet, f.referent_type, f.referent, f.term, f.category ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...params, limit, offset]);
  }
  return rows.map((r) => ({ ...r, uses: Number(r.uses), documents: Number(r.documents) }));
}

// ---------------------------------------------------------------------------------------------- search, documents

export interface SearchViewQuery extends Page {
  in?: 'documents' | 'statements' | 'all';
}

export interface SearchView extends SearchHit {
  outlet: string | null;
  published: string | null;
  speaker: string | null;
}

/** Full-text search over document text and statement contents, best first, with outlet, date and speaker. */
export async function search(store: Store, text: string, q: SearchViewQuery = {}): Promise<SearchView[]> {
  const { limit, offset } = pageOf(q);
  const hits = (await store.search(text, { in: q.in ?? 'all', limit: offset + limit })).slice(offset, offset + limit);
  if (hits.length === 0) return [];
  const ids = [...new Set(hits.map((h) => h.document))];
  const docs = await store.sql<{ seq: number | string; id: string; outlet: string | null; published: string | null }>(
    `SELECT seq, id, outlet, published FROM documents WHERE id IN (${marks(ids.length)})`, ids);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const stmts = hits.filter((h) => h.statement !== null);
  const speakerOf = new Map<string, string>();
  if (stmts.length) {
    const pairs = stmts.map((h) => [Number(byId.get(h.document)?.seq ?? -1), h.statement!] as const);
    const rows = await store.sql<{ doc: number | string; id: string; speaker: string }>(
      `SELECT doc, id, speaker FROM statements WHERE ${pairs.map(() => '(doc = ? AND id = ?)').join(' OR ')}`, pairs.flat());
    for (const r of rows) speakerOf.set(`${Number(r.doc)} ${r.id}`, r.speaker);
  }
  return hits.map((h) => {
    const d = byId.get(h.document);
    return { ...h, outlet: d?.outlet ?? null, published: d?.published ?? null, speaker: h.statement && d ? speakerOf.get(`${Number(d.seq)} ${h.statement}`) ?? null : null };
  });
}

/** Stored documents, newest publication first, with layer counts. */
export async function documents(store: Store, q: Scope & Page = {}): Promise<DocumentSummary[]> {
  const { limit, offset } = pageOf(q);
  return store.documents({ ...q, limit, offset });
}

// ---------------------------------------------------------------------------------------------- export

export type ExportLayer = 'statements' | 'quantities' | 'places';

/**
 * Documents read per query while exporting: keyset pages by seq, so the millionth row costs what the first did.
 * Small enough that the first page comes out in tens of milliseconds (a record is about 14 kB of JSON, which
 * PostgreSQL's client parses and this serializes again).
 */
const EXPORT_PAGE = 100;
/** Documents per page of layer rows (a document has tens of them). */
const LAYER_PAGE = 100;

/** Every stored dateline/1 record as one JSON line, in the order stored. */
export async function* exportRecords(store: Store, s: Scope = {}): AsyncGenerator<string> {
  const where: string[] = [], params: unknown[] = [];
  scopeWhere(s, where, params);
  let after = -1;
  for (;;) {
    const rows = await store.sql<{ seq: number | string; extraction: unknown }>(
      `SELECT d.seq, d.extraction FROM documents d WHERE d.seq > ?${where.length ? ' AND ' + where.join(' AND ') : ''} ORDER BY d.seq LIMIT ?`, [after, ...params, EXPORT_PAGE]);
    for (const r of rows) yield typeof r.extraction === 'string' ? r.extraction : JSON.stringify(r.extraction);
    if (rows.length < EXPORT_PAGE) return;
    after = Number(rows[rows.length - 1]!.seq);
  }
}

const LAYER_SELECT: Record<ExportLayer, { columns: string; order: string }> = {
  statements: { columns: 'x.id, x.kind, x.speaker, x.content, x.content_start, x.content_end, x.cue, x.channel, x.addressee, x.confidence', order: 'x.content_start, x.id' },
  quantities: { columns: 'x.id, x.text, x.span_start, x.span_end, x.value, x.approx, x.low, x.high, x.unit, x.what, x.category, x.statement_id', order: 'x.span_start, x.id' },
  places: { columns: 'x.id, x.text, x.span_start, x.span_end, x.name, x.country, x.lat, x.lon, x.kind, x.geonameid', order: 'x.span_start, x.id' },
};

/** The columns of a layer's export rows, in order (the CSV header). */
export const exportColumns = (layer: ExportLayer): string[] =>
  ['document', 'outlet', 'published', ...LAYER_SELECT[layer].columns.split(', ').map((c) => c.slice(2))];

/** Every row of one layer with its document id, outlet and date, documents in the order stored. */
export async function* exportLayer(store: Store, layer: ExportLayer, s: Scope = {}): AsyncGenerator<Record<string, unknown>> {
  const where: string[] = [], params: unknown[] = [];
  scopeWhere(s, where, params);
  const { columns, order } = LAYER_SELECT[layer];
  let after = -1;
  for (;;) {
    const seqs = (await store.sql<{ seq: number | string }>(
      `SELECT d.seq FROM documents d WHERE d.seq > ?${where.length ? ' AND ' + where.join(' AND ') : ''} ORDER BY d.seq LIMIT ?`, [after, ...params, LAYER_PAGE])).map((r) => Number(r.seq));
    if (seqs.length === 0) return;
    const rows = await store.sql<Record<string, unknown>>(
      `SELECT d.id AS document, d.outlet, d.published, ${columns} FROM ${layer} x JOIN documents d ON d.seq = x.doc
       WHERE x.doc IN (${marks(seqs.length)}) ORDER BY x.doc, ${order}`, seqs);
    yield* rows;
    if (seqs.length < LAYER_PAGE) return;
    after = seqs[seqs.length - 1]!;
  }
}

export interface PlaceFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { name: string; country: string; kind: string; geonameid: number | null; mentions: number; documents: number; outlets: string[] };
}

export interface PlaceCollection {
  type: 'FeatureCollection';
  features: PlaceFeature[];
}

/** Every place the store names, once per gazetteer place, with how often and by which outlets: GeoJSON. */
export async function placesGeoJson(store: Store, s: Scope = {}): Promise<PlaceCollection> {
  const where: string[] = [], params: unknown[] = [];
  scopeWhere(s, where, params);
  const rows = await store.sql<{ name: string; country: string; kind: string; geonameid: number | null; lat: number; lon: number; mentions: number | string; documents: number | string }>(
    `SELECT p.name, p.country, p.kind, p.geonameid, p.lat, p.lon, count(*) AS mentions, count(DISTINCT p.doc) AS documents
     FROM places p JOIN documents d ON d.seq = p.doc${where.length ? ' WHERE ' + where.join(' AND ') : ''}
     GROUP BY p.name, p.country, p.kind, p.geonameid, p.lat, p.lon ORDER BY mentions DESC, p.name`, params);
  const outlets = await store.sql<{ name: string; lat: number; lon: number; outlet: string }>(
    `SELECT DISTINCT p.name, p.lat, p.lon, d.outlet FROM places p JOIN documents d ON d.seq = p.doc
     WHERE d.outlet IS NOT NULL${where.length ? ' AND ' + where.join(' AND ') : ''} ORDER BY d.outlet`, params);
  const outletsOf = new Map<string, string[]>();
  for (const o of outlets) {
    const k = `${o.name}|${Number(o.lat)}|${Number(o.lon)}`;
    outletsOf.set(k, [...(outletsOf.get(k) ?? []), o.outlet]);
  }
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [Number(r.lon), Number(r.lat)] },
      properties: {
        name: r.name, country: r.country, kind: r.kind, geonameid: r.geonameid === null ? null : Number(r.geonameid),
        mentions: Number(r.mentions), documents: Number(r.documents), outlets: outletsOf.get(`${r.name}|${Number(r.lat)}|${Number(r.lon)}`) ?? [],
      },
    })),
  };
}
