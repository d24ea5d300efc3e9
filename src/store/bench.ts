// Store benchmark: fills a store with synthetic variants of one real extraction, then times the read queries.
// Usage (after npm run build): node dist/store/bench.js [--db PATH|postgres://...] [--docs 100000] [--article FILE] [--keep]

import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentFromBytes } from '../ingest/index.js';
import { extract } from '../extract.js';
import type { Extraction } from '../schema/index.js';
import { openStore, SqliteStore, type PutItem, type Store } from './index.js';

const CATEGORIES = ['killed', 'injured', 'weapons', 'money', 'people', 'percent', 'arrested', 'displaced', 'missing', 'other'];
const SURNAMES = ['Levi', 'Haddad', 'Cohen', 'Nasser', 'Ivanova', 'Okafor', 'Khan', 'Garcia', 'Smith', 'Rahimi'];

/**
 * The i-th synthetic document: the template's layers under a new id, outlet (40), date (1,500 days) and
 * speaker and entity names drawn from pools of about 3,000, so filters are as selective as on a real corpus.
 * The stored JSON is the template's, shortened: query latency does not read it.
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
  return { x, json: '{"schema":"dateline/1","bench":true}' };
}

/**
 * Mean wall time of `repeat` warm runs, and this process's CPU time per run: on a shared machine the wall time
 * includes waiting for a core, while the CPU time of an in-process SQLite query is its own work (for PostgreSQL
 * it is the client's side only).
 */
async function timeIt(name: string, f: () => Promise<unknown[]>, repeat = 5): Promise<{ name: string; ms: number; cpu_ms: number; rows: number }> {
  let rows = 0;
  await f();
  const t0 = performance.now(), c0 = process.cpuUsage();
  for (let r = 0; r < repeat; r++) rows = (await f()).length;
  const cpu = process.cpuUsage(c0);
  return { name, ms: +((performance.now() - t0) / repeat).toFixed(2), cpu_ms: +((cpu.user + cpu.system) / 1000 / repeat).toFixed(2), rows };
}

/** The queries the CLI views are built on, each timed warm (mean of 5). */
export async function timeQueries(store: Store, docs: number) {
  const mid = Math.floor(docs / 2);
  const [top] = await store.placeSummaries({ limit: 1 });
  return [
    await timeIt('documents by outlet, one month', () => store.documents({ outlet: 'Outlet 7', from: '2020-03-01', to: '2020-03-31' })),
    await timeIt('statements by speaker substring', () => store.statements({ speaker: 'levi 12', limit: 200 })),
    await timeIt('statements of one outlet, one week', () => store.statements({ outlet: 'Outlet 3', from: '2020-06-01', to: '2020-06-07' })),
    await timeIt('entities by name', () => store.entities({ name: 'haddad 4', limit: 200 })),
    await timeIt('quantities killed, first 1000', () => store.quantities({ category: 'killed' })),
    await timeIt('places in one country, first 1000', () => store.places({ country: 'IL' })),
    await timeIt('places: top 200 by mentions, whole corpus (map)', () => store.placeSummaries({ limit: 200 })),
    await timeIt('places: top 200 in one outlet', () => store.placeSummaries({ outlet: 'Outlet 7', limit: 200 })),
    await timeIt('places: top 200 in one month', () => store.placeSummaries({ from: '2020-03-01', to: '2020-03-31', limit: 200 })),
    await timeIt('place mentions: most mentioned place, first 50', () => store.placeMentions({ name: top?.name ?? '', country: top?.country ?? '', limit: 50 })),
    await timeIt('timeline: first 50', () => store.timeline({ limit: 50 })),
    await timeIt('timeline: one month, 50 from offset 1000', () => store.timeline({ from: '2020-03-01', to: '2020-03-31', limit: 50, offset: 1000 })),
    await timeIt('timeline: one outlet, one week', () => store.timeline({ outlet: 'Outlet 3', from: '2020-06-01', to: '2020-06-07', limit: 200 })),
    await timeIt('timeline: speaker substring, first 200', () => store.timeline({ speaker: 'levi 12', limit: 200 })),
    await timeIt('timeline: one document', () => store.timeline({ document: `d_bench${mid}` })),
    await timeIt('search a rare word', () => store.search(`ref${mid}`)),
    await timeIt('search a common word, top 50', () => store.search('rockets', { in: 'documents' })),
    await timeIt('speakers: top 20 by statements in one month', () => store.sql(
      `SELECT s.speaker, count(*) AS n, count(DISTINCT s.doc) AS docs FROM statements s JOIN documents d ON d.seq = s.doc
       WHERE d.published BETWEEN ? AND ? GROUP BY s.speaker ORDER BY n DESC LIMIT 20`, ['2020-03-01', '2020-03-31'])),
    await timeIt('claims: killed figures by outlet in one month', () => store.sql(
      `SELECT d.outlet, x.approx, x.value, count(*) AS n FROM quantities x JOIN documents d ON d.seq = x.doc
       WHERE x.category = ? AND d.published BETWEEN ? AND ? GROUP BY d.outlet, x.approx, x.value ORDER BY n DESC LIMIT 50`, ['killed', '2020-03-01', '2020-03-31'])),
  ];
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
  const results = await timeQueries(store, docs);
  console.log(JSON.stringify({ store: store.kind, docs: counts.documents, counts, fill_s: +fillS.toFixed(1), per_article: { statements: template.statements.length, entities: template.entities.length, quantities: template.quantities.length, places: template.places.length }, queries_ms: results }, null, 1));
  await store.close();
  if (!args.includes('--keep') && store.kind === 'sqlite') for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
