// Store benchmark: fills a store with synthetic variants of one real extraction, then times the read queries.
// Usage: node --import tsx src/store/bench.ts [--db PATH|postgres://user@host/db?schema=NAME] [--docs 100000] [--article FILE]
//   [--keep] [--only REGEX]: a store already holding documents is filled up to --docs, not refilled; --keep keeps a SQLite
//   file (a PostgreSQL store always stays); --only times just the queries whose names match.

import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentFromBytes } from '../ingest/index.js';
import { extract } from '../extract.js';
import type { Extraction, Framing } from '../schema/index.js';
import { claims, disagreements, exportLayer, exportRecords, framing, search, speakers } from '../corpus/views.js';
import { openStore, SqliteStore, type PutItem, type Store } from './index.js';

const CATEGORIES = ['killed', 'injured', 'weapons', 'money', 'people', 'percent', 'arrested', 'displaced', 'missing', 'other'];
const SURNAMES = ['Levi', 'Haddad', 'Cohen', 'Nasser', 'Ivanova', 'Okafor', 'Khan', 'Garcia', 'Smith', 'Rahimi'];

type FramingEntry = { term: string; category: Framing['category']; referent_type: string; referent?: string };

/** The framing lexicon's entries (term, category, referent type, fixed referent). */
const FRAMING: FramingEntry[] = readFileSync(new URL('../extract/framing/lexicon.tsv', import.meta.url), 'utf8')
  .split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => {
    const [term, category, referent_type, referent] = l.split('\t');
    return { term: term!.replace(/\((e?s)\)$/, ''), category: category as Framing['category'], referent_type: referent_type!, ...(referent && referent !== '-' ? { referent } : {}) };
  });
const FRAMING_PER_DOC = 3;

/**
 * The i-th synthetic document: the template's layers under a new id, outlet (40), date (1,500 days) and
 * speaker and entity names drawn from pools of about 3,000, so filters are as selective as on a real corpus.
 * Each stores its whole record (about 14 kB): the claims views and export read it.
 */
export function variant(t: Extraction, i: number): PutItem {
  const x: Extraction = { ...t, document: { ...t.document } };
  const day = new Date(Date.UTC(2019, 0, 1) + (i % 1500) * 86_400_000).toISOString().slice(0, 10);
  x.document.id = `d_bench${i}`;
  x.document.outlet = `Outlet ${i % 40}`;
  x.document.published = day;
  x.document.source = `bench/${i}.txt`;
  x.document.text = `${t.document.text}\nref${i}`;
  const person = (k: number) => `${SURNAMES[(i + k) % SURNAMES.length]} ${(i * 7 + k) % 300}`;
  x.statements = t.statements.map((s, k) => ({ ...s, speaker: { ...s.speaker, name: person(k) } }));
  x.entities = t.entities.map((e, k) => ({ ...e, name: e.type === 'person' ? person(k) : e.name }));
  x.quantities = t.quantities.map((q, k) => ({ ...q, category: CATEGORIES[(i + k) % CATEGORIES.length]!, value: (q.value ?? 0) + (i % 97) }));
  // Every other place becomes one of ~500 variants (name and point), so the map aggregates thousands of places.
  x.places = t.places.map((p, k) => {
    if (k % 2 === 0) return p;
    const v = (i * 3 + k) % 500;
    return { ...p, name: `${p.name} ${v}`, lat: p.lat + v / 1000, lon: p.lon + v / 1000 };
  });
  // Framing: three loaded terms per document from the lexicon (the template article has none), over ~300 referents.
  x.framing = Array.from({ length: FRAMING_PER_DOC }, (_, k) => {
    const f = FRAMING[(i * 7 + k * 13) % FRAMING.length]!;
    return {
      id: `fr${k + 1}`, start: k * 10, end: k * 10 + f.term.length, term: f.term, category: f.category, referent_type: f.referent_type,
      referent: f.referent ?? `Group ${(i + k) % 300}`, provenance: { stage: 'bench' },
    };
  });
  return { x };
}

/**
 * Mean wall time of `repeat` warm runs, and this process's CPU time per run: on a shared machine the wall time
 * includes waiting for a core, while the CPU time of an in-process SQLite query is its own work (for PostgreSQL
 * it is the client's side only).
 */
async function timeRuns(name: string, f: () => Promise<unknown[]>, repeat = 5): Promise<{ name: string; ms: number; cpu_ms: number; rows: number }> {
  let rows = 0;
  await f();
  const t0 = performance.now(), c0 = process.cpuUsage();
  for (let r = 0; r < repeat; r++) rows = (await f()).length;
  const cpu = process.cpuUsage(c0);
  return { name, ms: +((performance.now() - t0) / repeat).toFixed(2), cpu_ms: +((cpu.user + cpu.system) / 1000 / repeat).toFixed(2), rows };
}

/** The first `n` items of a stream (an export's first page), then the stream is closed. */
async function firstOf<T>(items: AsyncGenerator<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) if (out.push(item) >= n) break;
  return out;
}

/** The store's queries, the web API's (places, place mentions, timeline) and the CLI views, each timed warm (mean of 5). */
export async function timeQueries(store: Store, docs: number, only?: RegExp) {
  const mid = Math.floor(docs / 2);
  const [top] = await store.placeSummaries({ limit: 1 });
  const queries: Array<[string, () => Promise<unknown[]>]> = [];
  const timeIt = (name: string, f: () => Promise<unknown[]>) => queries.push([name, f]);
  timeIt('documents by outlet, one month', () => store.documents({ outlet: 'Outlet 7', from: '2020-03-01', to: '2020-03-31' }));
  timeIt('statements by speaker substring', () => store.statements({ speaker: 'levi 12', limit: 200 }));
  timeIt('statements of one outlet, one week', () => store.statements({ outlet: 'Outlet 3', from: '2020-06-01', to: '2020-06-07' }));
  timeIt('entities by name', () => store.entities({ name: 'haddad 4', limit: 200 }));
  timeIt('quantities killed, first 1000', () => store.quantities({ category: 'killed' }));
  timeIt('places in one country, first 1000', () => store.places({ country: top?.country ?? '' }));
  timeIt('places: top 200 by mentions, whole corpus (map)', () => store.placeSummaries({ limit: 200 }));
  timeIt('places: top 200 in one outlet', () => store.placeSummaries({ outlet: 'Outlet 7', limit: 200 }));
  timeIt('places: top 200 in one month', () => store.placeSummaries({ from: '2020-03-01', to: '2020-03-31', limit: 200 }));
  timeIt('place mentions: most mentioned place, first 50', () => store.placeMentions({ name: top?.name ?? '', country: top?.country ?? '', limit: 50 }));
  timeIt('timeline: first 50', () => store.timeline({ limit: 50 }));
  timeIt('timeline: one month, 50 from offset 1000', () => store.timeline({ from: '2020-03-01', to: '2020-03-31', limit: 50, offset: 1000 }));
  timeIt('timeline: one outlet, one week', () => store.timeline({ outlet: 'Outlet 3', from: '2020-06-01', to: '2020-06-07', limit: 200 }));
  timeIt('timeline: speaker substring, first 200', () => store.timeline({ speaker: 'levi 12', limit: 200 }));
  timeIt('timeline: one document', () => store.timeline({ document: `d_bench${mid}` }));
  timeIt('search a rare word', () => store.search(`ref${mid}`));
  timeIt('search a common word, top 50', () => store.search('asylum', { in: 'documents' }));
  // The CLI views (src/corpus/views.ts) as the commands call them: default page of 50.
  timeIt('view speakers, whole store', () => speakers(store));
  timeIt('view speakers --outlet', () => speakers(store, { outlet: 'Outlet 7' }));
  timeIt('view speakers, one month', () => speakers(store, { from: '2020-03-01', to: '2020-03-31' }));
  timeIt('view claims', async () => (await claims(store)).claims);
  timeIt('view claims --measure killed --outlet', async () => (await claims(store, { measure: 'killed', outlet: 'Outlet 7' })).claims);
  timeIt('view disagreements', async () => (await disagreements(store)).disagreements);
  timeIt('view framing --by outlet', () => framing(store, { by: 'outlet' }));
  timeIt('view framing --by outlet --outlet', () => framing(store, { by: 'outlet', outlet: 'Outlet 7' }));
  timeIt('view framing --by outlet, one month', () => framing(store, { by: 'outlet', from: '2020-03-01', to: '2020-03-31' }));
  timeIt('view search a common word', () => search(store, 'asylum'));
  timeIt('view search a rare word', () => search(store, `ref${mid}`));
  timeIt('view export records, first page (100)', () => firstOf(exportRecords(store), 100));
  timeIt('view export records --outlet, first page (100)', () => firstOf(exportRecords(store, { outlet: 'Outlet 7' }), 100));
  timeIt('view export --layer statements, first page (700 rows)', () => firstOf(exportLayer(store, 'statements'), 700));
  timeIt('view export --layer places --outlet, first page (1400 rows)', () => firstOf(exportLayer(store, 'places', { outlet: 'Outlet 7' }), 1400));
  // The web API's map and timeline as the pages call them (API default page of 50).
  timeIt('api places (map first load)', () => store.placeSummaries({ limit: 50 }));
  timeIt('api places, one country', () => store.placeSummaries({ country: top?.country ?? '', limit: 50 }));
  timeIt('api places, one outlet', () => store.placeSummaries({ outlet: 'Outlet 7', limit: 50 }));
  timeIt('api places, one month', () => store.placeSummaries({ from: '2020-03-01', to: '2020-03-31', limit: 50 }));
  timeIt('api places, one outlet, one month', () => store.placeSummaries({ outlet: 'Outlet 7', from: '2020-03-01', to: '2020-03-31', limit: 50 }));
  timeIt('api places/mentions, one outlet', () => store.placeMentions({ name: top?.name ?? '', country: top?.country ?? '', outlet: 'Outlet 7', limit: 50 }));
  timeIt('api places/mentions, one month', () => store.placeMentions({ name: top?.name ?? '', country: top?.country ?? '', from: '2020-03-01', to: '2020-03-31', limit: 50 }));
  timeIt('api timeline, first 50', () => store.timeline({ limit: 50 }));
  timeIt('api timeline, one outlet', () => store.timeline({ outlet: 'Outlet 7', limit: 50 }));
  timeIt('api timeline, speaker substring', () => store.timeline({ speaker: 'levi 12', limit: 50 }));
  timeIt('api timeline, speaker, one outlet', () => store.timeline({ speaker: 'levi 12', outlet: 'Outlet 7', limit: 50 }));
  timeIt('api timeline, statements only, one month', () => store.timeline({ kinds: ['statement'], from: '2020-03-01', to: '2020-03-31', limit: 50 }));
  timeIt('speakers: top 20 by statements in one month', () => store.sql(
    `SELECT s.speaker, count(*) AS n, count(DISTINCT s.doc) AS docs FROM statements s JOIN documents d ON d.seq = s.doc
     WHERE d.published BETWEEN ? AND ? GROUP BY s.speaker ORDER BY n DESC LIMIT 20`, ['2020-03-01', '2020-03-31']));
  timeIt('claims: killed figures by outlet in one month', () => store.sql(
    `SELECT d.outlet, x.approx, x.value, count(*) AS n FROM quantities x JOIN documents d ON d.seq = x.doc
     WHERE x.category = ? AND d.published BETWEEN ? AND ? GROUP BY d.outlet, x.approx, x.value ORDER BY n DESC LIMIT 50`, ['killed', '2020-03-01', '2020-03-31']));
  const results = [];
  for (const [name, f] of queries) if (!only || only.test(name)) results.push(await timeRuns(name, f));
  return results;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (k: string, d: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1]! : d; };
  const docs = Number(opt('--docs', '100000'));
  const db = opt('--db', join(tmpdir(), `dateline-bench-${process.pid}.db`));
  const article = opt('--article', new URL('../../examples/wikinews-asylum.txt', import.meta.url).pathname);
  const template = extract(documentFromBytes(readFileSync(article), article));
  const store = await openStore(db);
  const have = (await store.counts()).documents;
  const t0 = performance.now();
  for (let i = have; i < docs; i += 500) {
    const batch = Array.from({ length: Math.min(500, docs - i) }, (_, k) => variant(template, i + k));
    if (store instanceof SqliteStore) store.putManySync(batch); else await store.putMany(batch);
    if ((i / 500) % 20 === 0) process.stderr.write(`\r${i + batch.length}/${docs} documents`);
  }
  const fillS = (performance.now() - t0) / 1000;
  const counts = await store.counts();
  const only = args.includes('--only') ? new RegExp(opt('--only', '')) : undefined;
  const results = await timeQueries(store, docs, only);
  console.log(JSON.stringify({ store: store.kind, docs: counts.documents, counts, fill_s: +fillS.toFixed(1), per_article: { statements: template.statements.length, entities: template.entities.length, quantities: template.quantities.length, places: template.places.length }, queries_ms: results }, null, 1));
  await store.close();
  if (!args.includes('--keep') && store.kind === 'sqlite') for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
