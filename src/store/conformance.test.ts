// One conformance suite for every Store: the same behaviour on embedded SQLite and on a PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ExtractionSchema, type Extraction } from '../schema/index.js';
import { documentId } from '../core/ids.js';
import { extract } from '../extract.js';
import { documentFromBytes } from '../ingest/index.js';
import { PostgresStore, SqliteStore, canonicalName, type Store } from './index.js';
import { TEST_PG_URL as PG_URL, postgresDown } from '../../test/support/postgres.js';

/** How a suite gets a store: open (again) the same location, and remove it at the end. */
export interface StoreHarness {
  open(): Promise<Store>;
  destroy(): Promise<void>;
}

const prov = { stage: 'test.v1' };

/** A hand-built record: text written for the test, layers placed on it by searching the text. */
function record(opts: { text: string; source: string; outlet?: string; published?: string; title?: string; build?: (at: (s: string, from?: number) => { start: number; end: number }) => Partial<Extraction> }): Extraction {
  const { text } = opts;
  const at = (s: string, from = 0) => {
    const start = text.indexOf(s, from);
    if (start < 0) throw new Error(`"${s}" not in text`);
    return { start, end: start + s.length };
  };
  const x: Extraction = {
    schema: 'dateline/1',
    generator: { name: 'dateline', version: 'test', stages: ['test.v1'] },
    document: {
      id: documentId(text, opts.source), text, source: opts.source, format: 'text',
      ...(opts.title ? { title: opts.title, title_span: at(opts.title) } : {}),
      ...(opts.outlet ? { outlet: opts.outlet } : {}),
      ...(opts.published ? { published: opts.published } : {}),
    },
    warnings: [], sentences: [{ start: 0, end: text.length }],
    entities: [], statements: [], quantities: [], times: [], places: [], events: [], framing: [],
    ...(opts.build ? opts.build(at) : {}),
  };
  return ExtractionSchema.parse(x);
}

const gaza = record({
  source: 'test/gaza.txt', outlet: 'Outlet A', published: '2021-05-20', title: 'Strikes continue',
  text: 'Strikes continue\nThe Gaza health ministry said 232 people were killed, including 65 children. "We will not stop," said Benjamin Netanyahu. Militants fired 4,000 rockets at Israel.',
  build: (at) => ({
    entities: [
      { id: 'e0', type: 'organization', name: 'Gaza health ministry', mentions: [{ ...at('Gaza health ministry'), kind: 'name' }], titles: [], roles: [], affiliations: [], provenance: prov },
      { id: 'e1', type: 'person', name: 'Benjamin Netanyahu', mentions: [{ ...at('Benjamin Netanyahu'), kind: 'name' }], titles: ['Prime Minister'], roles: [], affiliations: ['Israel'], country: 'IL', provenance: prov },
      { id: 'e2', type: 'place', name: 'Israel', mentions: [{ ...at('Israel.'), end: at('Israel.').end - 1, kind: 'name' }], titles: [], roles: [], affiliations: [], country: 'IL', provenance: prov },
    ],
    statements: [
      { id: 's0', kind: 'indirect', content: at('232 people were killed, including 65 children'), cue: { ...at('said'), lemma: 'say' }, speaker: { name: 'Gaza health ministry', entity: 'e0' }, confidence: 0.9, provenance: prov },
      { id: 's1', kind: 'direct', content: at('"We will not stop,"'), cue: { ...at('said', 80), lemma: 'say' }, speaker: { name: 'Benjamin Netanyahu', entity: 'e1' }, confidence: 0.95, provenance: prov },
    ],
    quantities: [
      { id: 'q0', ...at('232 people'), value: 232, approx: 'exact', what: 'people killed', category: 'killed', statement: 's0', provenance: prov },
      { id: 'q1', ...at('65 children'), value: 65, approx: 'exact', what: 'children killed', category: 'killed', statement: 's0', provenance: prov },
      { id: 'q2', ...at('4,000 rockets'), value: 4000, approx: 'exact', what: 'rockets fired', category: 'weapons', provenance: prov },
    ],
    places: [
      { id: 'p0', ...at('Gaza'), name: 'Gaza', country: 'PS', lat: 31.5, lon: 34.47, kind: 'city', geonameid: 281133, provenance: prov },
      { id: 'p1', ...at('Israel.'), end: at('Israel.').end - 1, name: 'Israel', country: 'IL', lat: 31.5, lon: 34.75, kind: 'country', entity: 'e2', provenance: prov },
    ],
    times: [],
    framing: [{ id: 'f0', ...at('Militants'), term: 'militants', category: 'loaded_label', referent_type: 'armed group', referent: 'Hamas', provenance: prov }],
  }),
});

const tehran = record({
  source: 'test/tehran.txt', outlet: 'Outlet B', published: '2021-05-26',
  text: 'President Ebrahim Raïsi told reporters in Tehran on Tuesday that the toll was higher than the official numbers.',
  build: (at) => ({
    entities: [{ id: 'e0', type: 'person', name: 'Ebrahim Raïsi', mentions: [{ ...at('Ebrahim Raïsi'), kind: 'name' }, { ...at('President'), kind: 'title' }], titles: ['President'], roles: [], affiliations: [], country: 'IR', provenance: prov }],
    statements: [{ id: 's0', kind: 'indirect', content: at('the toll was higher than the official numbers'), cue: { ...at('told'), lemma: 'tell' }, speaker: { name: 'Ebrahim Raïsi', entity: 'e0' }, addressee: { ...at('reporters'), name: 'reporters' }, time: 't0', confidence: 0.8, provenance: prov }],
    places: [{ id: 'p0', ...at('Tehran'), name: 'Tehran', country: 'IR', lat: 35.69, lon: 51.42, kind: 'city', provenance: prov }],
    times: [{ id: 't0', ...at('Tuesday'), value: '2021-05-25', type: 'date', provenance: prov }],
  }),
});

/** No layers at all: the store must not depend on any layer being filled. */
const bare = record({ source: 'test/bare.txt', text: 'A short note with nothing to extract.' });

/** Real pipeline output on the Wikinews fixtures (CC BY 2.5), whatever its layers hold today. */
function wikinews(): Extraction[] {
  const dir = new URL('../../test/fixtures/wikinews/', import.meta.url).pathname;
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => extract(documentFromBytes(readFileSync(join(dir, f)), `wikinews/${f}`)));
}

export function storeConformance(name: string, harness: () => StoreHarness): void {
  describe(`Store conformance: ${name}`, () => {
    let h: StoreHarness;
    let store: Store;
    beforeAll(async () => {
      h = harness();
      store = await h.open();
    });
    afterAll(async () => {
      await store?.close();
      await h?.destroy();
    });

    it('stores a document and gives back the same dateline/1 record', async () => {
      expect(await store.has(gaza.document.id)).toBe(false);
      expect(await store.put(gaza)).toBe('inserted');
      expect(await store.has(gaza.document.id)).toBe(true);
      expect(await store.get(gaza.document.id)).toEqual(gaza);
      expect(await store.get('d_nosuchdocument')).toBeUndefined();
    });

    it('skips a document already stored, adding nothing', async () => {
      const before = await store.counts();
      expect(await store.put(gaza)).toBe('skipped');
      expect(await store.counts()).toEqual(before);
      expect(before).toMatchObject({ documents: 1, statements: 2, quantities: 3, entities: 3, mentions: 3, places: 2, framing: 1 });
    });

    it('writes a batch with each document atomic: a bad one fails alone, a repeat is skipped', async () => {
      const broken = structuredClone(tehran);
      broken.document.id = 'd_broken';
      (broken.entities[0] as { name: unknown }).name = null;
      const results = await store.putMany([{ x: tehran, inputKey: 'i_tehran' }, { x: broken }, { x: bare }, { x: tehran }, { x: gaza }]);
      expect(results.map((r) => [r.id, r.outcome])).toEqual([
        [tehran.document.id, 'inserted'], ['d_broken', 'failed'], [bare.document.id, 'inserted'], [tehran.document.id, 'skipped'], [gaza.document.id, 'skipped'],
      ]);
      expect(await store.has('d_broken')).toBe(false);
      expect(await store.sql('SELECT e.id FROM entities e JOIN documents d ON d.seq = e.doc WHERE d.id = ?', ['d_broken'])).toEqual([]);
      expect(await store.counts()).toMatchObject({ documents: 3, statements: 3, entities: 4, mentions: 5, places: 3, times: 1 });
      expect(await store.get(bare.document.id)).toEqual(bare);
    });

    it('knows which raw inputs it already holds, so a resumed ingest skips them unread', async () => {
      expect([...await store.knownInputs(['i_tehran', 'i_other'])]).toEqual(['i_tehran']);
      expect((await store.knownInputs([])).size).toBe(0);
    });

    it('lists documents newest first, filtered by outlet and date range', async () => {
      const all = await store.documents();
      expect(all.map((d) => d.id)).toEqual([tehran.document.id, gaza.document.id, bare.document.id]);
      expect(all[1]).toMatchObject({ title: 'Strikes continue', outlet: 'Outlet A', published: '2021-05-20', statements: 2, quantities: 3, entities: 3, places: 2, chars: gaza.document.text.length });
      expect((await store.documents({ outlet: 'Outlet B' })).map((d) => d.id)).toEqual([tehran.document.id]);
      expect((await store.documents({ from: '2021-05-21', to: '2021-05-31' })).map((d) => d.id)).toEqual([tehran.document.id]);
      expect((await store.documents({ limit: 1, offset: 1 })).map((d) => d.id)).toEqual([gaza.document.id]);
    });

    it('finds statements by a part of the speaker name in any case, with their content and outlet', async () => {
      const s = await store.statements({ speaker: 'netanyahu' });
      expect(s).toHaveLength(1);
      expect(s[0]).toMatchObject({ document: gaza.document.id, id: 's1', kind: 'direct', speaker: 'Benjamin Netanyahu', speaker_entity: 'e1', content: '"We will not stop,"', cue: 'say', outlet: 'Outlet A', published: '2021-05-20' });
      expect((await store.statements({ outlet: 'Outlet B' })).map((r) => r.speaker)).toEqual(['Ebrahim Raïsi']);
      expect((await store.statements({ from: '2021-05-01', to: '2021-05-20' })).map((r) => r.id)).toEqual(['s0', 's1']);
      expect(await store.statements({ speaker: '%' })).toEqual([]);
    });

    it('folds entity names into a canonical key shared across spellings', async () => {
      expect(canonicalName('Ebrahim Raïsi')).toBe('ebrahim raisi');
      expect(canonicalName('the Israeli Army')).toBe(canonicalName('Israeli army'));
      const e = await store.entities({ name: 'Raisi' });
      expect(e.map((r) => [r.name, r.canonical, r.type, r.mentions, r.country])).toEqual([['Ebrahim Raïsi', 'ebrahim raisi', 'person', 2, 'IR']]);
      expect((await store.entities({ type: 'organization' })).map((r) => r.name)).toEqual(['Gaza health ministry']);
    });

    it('gives quantities by category with their text and claimant statement', async () => {
      const killed = await store.quantities({ category: 'killed' });
      expect(killed.map((q) => [q.text, q.value, q.approx, q.statement, q.outlet])).toEqual([
        ['232 people', 232, 'exact', 's0', 'Outlet A'], ['65 children', 65, 'exact', 's0', 'Outlet A'],
      ]);
      const [rockets] = await store.quantities({ category: 'weapons' });
      expect(gaza.document.text.slice(rockets!.start, rockets!.end)).toBe('4,000 rockets');
    });

    it('gives places by country and name with coordinates', async () => {
      const il = await store.places({ country: 'IL' });
      expect(il.map((p) => [p.name, p.text, p.kind, p.lat, p.lon])).toEqual([['Israel', 'Israel', 'country', 31.5, 34.75]]);
      expect((await store.places({ name: 'Gaza' }))[0]).toMatchObject({ geonameid: 281133, country: 'PS' });
      expect((await store.places()).length).toBe(3);
    });

    it('searches document text and statement contents, words stemmed and ANDed', async () => {
      const hits = await store.search('rockets Israel');
      expect(hits.map((h) => [h.kind, h.document])).toEqual([['document', gaza.document.id]]);
      expect(hits[0]!.snippet).toMatch(/\[rockets\]/i);
      const inStatements = await store.search('official numbers', { in: 'statements' });
      expect(inStatements.map((h) => [h.kind, h.document, h.statement])).toEqual([['statement', tehran.document.id, 's0']]);
      const both = await store.search('killed');
      expect(both.map((h) => h.kind).sort()).toEqual(['document', 'statement']);
      expect(await store.search('stop', { in: 'documents' })).toHaveLength(1);
      // Query syntax characters are words to look for, never an error.
      expect(await store.search('" AND ( OR * NEAR')).toEqual([]);
      expect(await store.search('   ')).toEqual([]);
    });

    it('runs plain SQL with ? placeholders over the normalized tables', async () => {
      const rows = await store.sql<{ speaker: string; n: number }>(
        'SELECT s.speaker, count(*) AS n FROM statements s JOIN documents d ON d.seq = s.doc WHERE d.outlet = ? GROUP BY s.speaker ORDER BY s.speaker', ['Outlet A']);
      expect(rows).toEqual([{ speaker: 'Benjamin Netanyahu', n: 1 }, { speaker: 'Gaza health ministry', n: 1 }]);
    });

    it('aggregates places across documents, most mentioned first, filtered by outlet and country', async () => {
      const all = await store.placeSummaries();
      expect(all.map((p) => [p.name, p.country, p.lat, p.lon, p.kind, p.mentions, p.documents])).toEqual([
        ['Gaza', 'PS', 31.5, 34.47, 'city', 1, 1], ['Israel', 'IL', 31.5, 34.75, 'country', 1, 1], ['Tehran', 'IR', 35.69, 51.42, 'city', 1, 1],
      ]);
      expect(all[0]!.geonameid).toBe(281133);
      expect((await store.placeSummaries({ outlet: 'Outlet B' })).map((p) => p.name)).toEqual(['Tehran']);
      expect((await store.placeSummaries({ country: 'IL' })).map((p) => p.name)).toEqual(['Israel']);
      expect((await store.placeSummaries({ from: '2021-05-21' })).map((p) => p.name)).toEqual(['Tehran']);
      expect((await store.placeSummaries({ limit: 1, offset: 1 })).map((p) => p.name)).toEqual(['Israel']);
    });

    it('lists one place’s mentions with their document and context', async () => {
      const [m, ...rest] = await store.placeMentions({ name: 'Tehran', country: 'IR', lat: 35.69, lon: 51.42 });
      expect(rest).toEqual([]);
      expect(m).toMatchObject({ document: tehran.document.id, id: 'p0', text: 'Tehran', name: 'Tehran', outlet: 'Outlet B', published: '2021-05-26', title: null });
      expect(tehran.document.text.slice(m!.start, m!.end)).toBe('Tehran');
      expect(m!.before).toBe('President Ebrahim Raïsi told reporters in ');
      expect(m!.after).toBe(' on Tuesday that the toll was higher than the official numbers.');
      expect(await store.placeMentions({ name: 'Tehran', lat: 1 })).toEqual([]);
      expect(await store.placeMentions({ name: 'Tehran', outlet: 'Outlet A' })).toEqual([]);
    });

    it('gives a timeline: statements at their normalized time or publication date, times, quantity claims, oldest first', async () => {
      const items = await store.timeline();
      const row = (i: { kind: string; id: string; time: string; time_source: string }) => [i.kind, i.id, i.time, i.time_source];
      expect(items.map(row)).toEqual([
        ['quantity', 'q0', '2021-05-20', 'published'], ['statement', 's0', '2021-05-20', 'published'], ['quantity', 'q1', '2021-05-20', 'published'],
        ['statement', 's1', '2021-05-20', 'published'], ['quantity', 'q2', '2021-05-20', 'published'],
        ['time', 't0', '2021-05-25', 'normalized'], ['statement', 's0', '2021-05-25', 'normalized'],
      ]);
      expect(items[0]).toMatchObject({ document: gaza.document.id, text: '232 people', speaker: 'Gaza health ministry', detail: 'killed', value: 232, outlet: 'Outlet A', title: 'Strikes continue' });
      expect(items[6]).toMatchObject({ document: tehran.document.id, text: 'the toll was higher than the official numbers', speaker: 'Ebrahim Raïsi', detail: 'indirect', value: null, approx: null, published: '2021-05-26' });
      expect(typeof items[0]!.approx).toBe('string');
      expect(tehran.document.text.slice(items[5]!.start, items[5]!.end)).toBe('Tuesday');
      expect((await store.timeline({ from: '2021-05-21', to: '2021-05-25' })).map((i) => [i.kind, i.id])).toEqual([['time', 't0'], ['statement', 's0']]);
      expect(await store.timeline({ to: '2021-05-19' })).toEqual([]);
      expect((await store.timeline({ speaker: 'gaza HEALTH' })).map((i) => [i.kind, i.id])).toEqual([['quantity', 'q0'], ['statement', 's0'], ['quantity', 'q1']]);
      expect((await store.timeline({ kinds: ['time', 'quantity'], outlet: 'Outlet B' })).map((i) => i.id)).toEqual(['t0']);
      expect((await store.timeline({ document: gaza.document.id, kinds: ['statement'] })).map((i) => i.id)).toEqual(['s0', 's1']);
      expect(await store.timeline({ limit: 2, offset: 4 })).toEqual(items.slice(4, 6));
    });

    it('keeps everything across close and reopen', async () => {
      const before = await store.counts();
      await store.close();
      store = await h.open();
      expect(await store.counts()).toEqual(before);
      expect(await store.get(tehran.document.id)).toEqual(tehran);
    });

    it('stores real pipeline output on Wikinews articles, every layer counted', async () => {
      const xs = wikinews();
      expect(xs.length).toBeGreaterThan(0);
      const results = await store.putMany(xs.map((x) => ({ x })));
      expect(results.every((r) => r.outcome === 'inserted')).toBe(true);
      for (const x of xs) expect(await store.get(x.document.id)).toEqual(x);
      const sum = (f: (x: Extraction) => number) => xs.reduce((a, x) => a + f(x), 0);
      const counts = await store.counts();
      expect(counts).toMatchObject({ documents: 3 + xs.length });
      expect(counts.statements).toBe(3 + sum((x) => x.statements.length));
      expect(counts.quantities).toBe(3 + sum((x) => x.quantities.length));
      expect(counts.entities).toBe(4 + sum((x) => x.entities.length));
      expect(counts.places).toBe(3 + sum((x) => x.places.length));
      expect((await store.search('asylum seekers', { in: 'documents' })).map((h) => h.document)).toContain(xs.find((x) => x.document.source!.includes('asylum'))!.document.id);
      // The place counts kept on write agree with counting the mentions (every document here has a date).
      const kept = await store.placeSummaries({ limit: 1000 });
      expect(kept.length).toBeGreaterThan(3);
      expect(kept).toEqual(await store.placeSummaries({ from: '0000-01-01', limit: 1000 }));
      expect(kept.reduce((a, p) => a + p.mentions, 0)).toBe(counts.places);
      // Statements at the time they name come from the same trigger-kept table on real output.
      const timed = xs.flatMap((x) => x.statements.filter((st) => st.time && /^\d/.test(x.times.find((t) => t.id === st.time)!.value)).map((st) => `${x.document.id}/${st.id}`));
      const normalized = (await store.timeline({ kinds: ['statement'], from: '1900-01-01', limit: 5000 })).filter((i) => i.time_source === 'normalized');
      expect(normalized.map((i) => `${i.document}/${i.id}`).sort()).toEqual(timed.concat(`${tehran.document.id}/s0`).sort());
    });
  });
}

storeConformance('SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-store-'));
  return {
    open: async () => new SqliteStore(join(dir, 'test.db')),
    destroy: async () => rmSync(dir, { recursive: true, force: true }),
  };
});



const pgDown = await postgresDown();
if (pgDown) {
  console.warn(`Store conformance: PostgreSQL skipped: no server answers at ${PG_URL} (${pgDown}). Start one or set DATELINE_TEST_PG.`);
  describe.skip(`Store conformance: PostgreSQL (no server at ${PG_URL})`, () => { it('needs a server', () => {}); });
} else {
  storeConformance('PostgreSQL', () => {
    // A schema of its own per run, dropped at the end.
    const schema = `dateline_test_${process.pid}_${Date.now().toString(36)}`;
    return {
      open: () => PostgresStore.open(PG_URL, { schema }),
      destroy: async () => {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await c.end();
      },
    };
  });
}

describe('SqliteStore opening', () => {
  it('refuses a file that is not a dateline store, and a store from a newer dateline, with a StoreError code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-open-'));
    try {
      const text = join(dir, 'notes.txt');
      writeFileSync(text, 'not a database, just some text that is long enough to fill a header page '.repeat(20));
      expect(() => new SqliteStore(text)).toThrow(expect.objectContaining({ code: 'E_STORE_OPEN' }));
      const newer = join(dir, 'newer.db');
      const s = new SqliteStore(newer);
      await s.sql('PRAGMA user_version = 99');
      await s.close();
      expect(() => new SqliteStore(newer)).toThrow(expect.objectContaining({ code: 'E_STORE_VERSION' }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
