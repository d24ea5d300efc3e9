// The counts the store keeps by triggers (speakers, places and framing per outlet, places per day; migration 3) against the
// aggregates of the rows they count, and the views that read them against the same views computed from the rows:
// on a fresh store and on one made by migrations 1-2 then upgraded, on both engines.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Extraction } from '../schema/index.js';
import { documentId } from '../core/ids.js';
import { framing, speakers, type FramingBy } from '../corpus/views.js';
import { PostgresStore, SqliteStore, type Store } from './index.js';
import { TEST_PG_URL as PG_URL, postgresDown } from '../../test/support/postgres.js';

const prov = { stage: 'test.v1' };
const OUTLETS = ['Outlet A', 'Outlet B', 'Outlet C', undefined] as const;
// Two spellings of one key ("ann lee"), so a name's least spelling per outlet differs from the first stored.
const SPEAKERS = ['Ann Lee', 'ann lee', 'Bo Chan', 'Cy', 'Dee Ray', 'Ed'];
const PLACES = [
  { name: 'Gaza', country: 'PS', lat: 31.5, lon: 34.47, kind: 'city', geonameid: 281133 },
  { name: 'Gaza', country: 'PS', lat: 31.4, lon: 34.4, kind: 'region' },
  { name: 'Tehran', country: 'IR', lat: 35.69, lon: 51.42, kind: 'city' },
  { name: 'Israel', country: 'IL', lat: 31.5, lon: 34.75, kind: 'country', geonameid: 294640 },
];
const FRAMING = [
  { term: 'militants', category: 'loaded_label', referent_type: 'armed group', referent: 'Hamas' },
  { term: 'militants', category: 'loaded_label', referent_type: 'armed group' },
  { term: 'regime', category: 'delegitimizing', referent_type: 'government', referent: 'Iran' },
  { term: 'martyrs', category: 'glorifying', referent_type: 'the dead' },
] as const;

/**
 * The i-th test document: layers drawn from small pools so names, places and terms repeat within documents and
 * across outlets; every third document of the last outlet slot has none, and Outlet A's are always dated.
 */
function doc(i: number): Extraction {
  const outlet = OUTLETS[i % OUTLETS.length];
  const published = outlet === 'Outlet A' || i % 5 !== 0 ? `2024-0${1 + (i % 3)}-1${i % 10}` : undefined;
  const text = `Report ${i}: ` + 'word '.repeat(60);
  const span = (k: number) => ({ start: 10 + k * 5, end: 14 + k * 5 });
  const n = (k: number) => (i * 7 + k * 3) % 5;
  return {
    schema: 'dateline/1',
    generator: { name: 'dateline', version: 'test', stages: ['test.v1'] },
    document: { id: documentId(text, `counts/${i}`), text, source: `counts/${i}`, format: 'text', ...(outlet ? { outlet } : {}), ...(published ? { published } : {}) },
    warnings: [], sentences: [{ start: 0, end: text.length }], entities: [], times: [], events: [],
    statements: Array.from({ length: n(0) }, (_, k) => ({
      id: `s${k}`, kind: 'direct', content: span(k), cue: { ...span(k + 1), lemma: 'say' }, speaker: { name: SPEAKERS[(i + k * k) % SPEAKERS.length]! }, confidence: 0.9, provenance: prov,
    })),
    quantities: [],
    places: Array.from({ length: n(1) }, (_, k) => ({ id: `p${k}`, ...span(k), ...PLACES[(i * k + k) % PLACES.length]!, provenance: prov })),
    framing: Array.from({ length: n(2) % 4 }, (_, k) => ({ id: `f${k}`, ...span(k), ...FRAMING[(i + k * 2) % FRAMING.length]!, provenance: prov })),
  } as Extraction;
}

const DOCS = Array.from({ length: 48 }, (_, i) => doc(i));

/** Rows in a canonical order, numbers as numbers (PostgreSQL's BIGINT and float columns may come as strings). */
const canon = (rows: Record<string, unknown>[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^count|^n$/.test(k) ? Number(v) : v])))
    .map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();

/** Each kept table and the aggregate of the rows it must equal. */
const KEPT: Array<[string, string, string]> = [
  ['speaker_counts', 'SELECT key, statements FROM speaker_counts', 'SELECT speaker_key AS key, count(*) AS statements FROM statements GROUP BY speaker_key'],
  ['speaker_outlets', 'SELECT key, outlet_key, outlet, name, statements, documents FROM speaker_outlets',
    `SELECT s.speaker_key AS key, coalesce('=' || d.outlet, '') AS outlet_key, min(d.outlet) AS outlet, min(s.speaker) AS name, count(*) AS statements, count(DISTINCT s.doc) AS documents
     FROM statements s JOIN documents d ON d.seq = s.doc GROUP BY s.speaker_key, coalesce('=' || d.outlet, '')`],
  ['place_outlets', 'SELECT outlet_key, outlet, name, country, lat, lon, kind, geonameid, mentions, documents FROM place_outlets',
    `SELECT coalesce('=' || d.outlet, '') AS outlet_key, min(d.outlet) AS outlet, p.name, p.country, p.lat, p.lon, max(p.kind) AS kind, max(p.geonameid) AS geonameid,
       count(*) AS mentions, count(DISTINCT p.doc) AS documents FROM places p JOIN documents d ON d.seq = p.doc GROUP BY coalesce('=' || d.outlet, ''), p.name, p.country, p.lat, p.lon`],
  ['place_days', 'SELECT published, name, country, lat, lon, kind, geonameid, mentions, documents FROM place_days',
    `SELECT d.published, p.name, p.country, p.lat, p.lon, max(p.kind) AS kind, max(p.geonameid) AS geonameid, count(*) AS mentions, count(DISTINCT p.doc) AS documents
     FROM places p JOIN documents d ON d.seq = p.doc WHERE d.published IS NOT NULL GROUP BY d.published, p.name, p.country, p.lat, p.lon`],
  ['framing_counts', 'SELECT outlet_key, outlet, referent_type, referent_key, referent, term, category, uses, documents FROM framing_counts',
    `SELECT coalesce('=' || d.outlet, '') AS outlet_key, min(d.outlet) AS outlet, f.referent_type, coalesce('=' || f.referent, '') AS referent_key, min(f.referent) AS referent,
       f.term, f.category, count(*) AS uses, count(DISTINCT f.doc) AS documents
     FROM framing f JOIN documents d ON d.seq = f.doc GROUP BY coalesce('=' || d.outlet, ''), f.referent_type, coalesce('=' || f.referent, ''), f.term, f.category`],
];

/** A date range holding every dated document: views over it take the path that aggregates rows. */
const ALL_DATES = { from: '0000-01-01', to: '9999-12-31' };

/** The framing view as it was computed before the kept counts, from the rows (the reference). */
const framingFromRows = (store: Store, by: FramingBy, category?: string) => store.sql<Record<string, unknown>>(
  `SELECT d.outlet, f.referent_type, f.referent, f.term, f.category, count(*) AS uses, count(DISTINCT f.doc) AS documents
   FROM framing f JOIN documents d ON d.seq = f.doc${category ? ' WHERE f.category = ?' : ''}
   GROUP BY d.outlet, f.referent_type, f.referent, f.term, f.category ORDER BY ${{
     outlet: 'd.outlet, uses DESC, f.referent_type, f.referent, f.term',
     referent: 'f.referent_type, f.referent, d.outlet, uses DESC, f.term',
     term: 'f.term, uses DESC, d.outlet, f.referent',
   }[by]}, f.category LIMIT 1000`, category ? [category] : []);

interface Engine {
  /** A store at `upToVersion` (all migrations when omitted), in a location of its own per `name`. */
  open(name: string, upToVersion?: number): Promise<Store>;
  destroy(): Promise<void>;
}

function countsSuite(engine: string, make: () => Engine) {
  describe(`kept counts: ${engine}`, () => {
    const e = make();
    afterAll(() => e.destroy());

    /** Writes the documents in batches as ingest does, one of them repeated (skipped, so counted once). */
    const fill = async (store: Store, docs: readonly Extraction[]) => {
      for (let i = 0; i < docs.length; i += 7) await store.putMany(docs.slice(i, i + 7).map((x) => ({ x })));
      await store.putMany([{ x: docs[0]! }]);
    };

    const checkKept = async (store: Store) => {
      for (const [table, kept, rows] of KEPT) {
        const [a, b] = [canon(await store.sql(kept)), canon(await store.sql(rows))];
        expect(a.length, table).toBeGreaterThan(0);
        expect(a, table).toEqual(b);
      }
    };

    const checkViews = async (store: Store) => {
      for (const outlet of ['Outlet A', 'Outlet B']) {
        // Outlet A's documents are all dated: the row aggregate over every date is the same set of documents.
        if (outlet === 'Outlet A') {
          expect(await speakers(store, { outlet })).toEqual(await speakers(store, { outlet, ...ALL_DATES }));
          expect(await framing(store, { by: 'outlet', outlet })).toEqual(await framing(store, { by: 'outlet', outlet, ...ALL_DATES }));
          expect(await store.placeSummaries({ outlet })).toEqual(await store.placeSummaries({ outlet, ...ALL_DATES }));
          expect(await store.placeSummaries({ outlet, country: 'PS' })).toEqual(await store.placeSummaries({ outlet, country: 'PS', ...ALL_DATES }));
        }
        const counted = await speakers(store, { outlet });
        expect(counted.length).toBeGreaterThan(0);
        for (const s of counted) expect(s.outlets).toEqual([{ outlet, statements: s.statements }]);
      }
      // A date range: the map's places against their aggregate over the range's documents' rows.
      for (const range of [{ from: '2024-01-10', to: '2024-02-15' }, { from: '2024-03-01' }, ALL_DATES]) {
        for (const country of [undefined, 'PS']) {
          const rows = await store.sql<Record<string, unknown>>(
            `SELECT name, country, lat, lon, max(kind) AS kind, max(geonameid) AS geonameid, sum(n) AS mentions, count(*) AS documents FROM (
               SELECT p.doc, p.name, p.country, p.lat, p.lon, max(p.kind) AS kind, max(p.geonameid) AS geonameid, count(*) AS n FROM places p
               WHERE p.doc IN (SELECT d.seq FROM documents d WHERE d.published >= ?${range.to ? ' AND d.published <= ?' : ''})${country ? ' AND p.country = ?' : ''}
               GROUP BY p.doc, p.name, p.country, p.lat, p.lon) AS per_document
             GROUP BY name, country, lat, lon ORDER BY mentions DESC, name, country, lat, lon`,
            [range.from, ...(range.to ? [range.to] : []), ...(country ? [country] : [])]);
          const kept = await store.placeSummaries({ ...range, ...(country ? { country } : {}), limit: 1000 });
          expect(rows.length).toBeGreaterThan(0);
          expect(kept).toEqual(rows.map((r) => ({ ...r, mentions: Number(r.mentions), documents: Number(r.documents) })));
        }
      }
      // The whole store: speaker totals and outlets against the rows.
      const list = await speakers(store, { limit: 1000 });
      const totals = await store.sql<{ speaker_key: string; n: number }>('SELECT speaker_key, count(*) AS n FROM statements GROUP BY speaker_key');
      expect(list.map((s) => [s.names.map((n) => n.toLowerCase())[0], s.statements]).sort())
        .toEqual(totals.map((t) => [t.speaker_key, Number(t.n)]).sort());
      expect(list.find((s) => s.names[0]!.toLowerCase() === 'ann lee')!.outlets.map((o) => o.outlet).sort())
        .toEqual(['(no outlet)', 'Outlet A', 'Outlet B', 'Outlet C']);
      for (const by of ['outlet', 'referent', 'term'] as const) {
        for (const category of [undefined, 'loaded_label']) {
          const view = await framing(store, { by, limit: 1000, ...(category ? { category } : {}) });
          const ref = (await framingFromRows(store, by, category)).map((r) => ({ ...r, uses: Number(r.uses), documents: Number(r.documents) }));
          // Rows tied on the whole order may come in either order: compare as sets, and the order of the order's keys.
          expect(canon(view as never)).toEqual(canon(ref));
          const keyOf = (r: Record<string, unknown>) => JSON.stringify([r.outlet, r.uses, r.referent_type, r.referent, r.term]);
          expect(view.map(keyOf)).toEqual(ref.map(keyOf));
        }
      }
    };

    it('keeps the counts equal to the rows’ aggregates, and the views that read them equal the views from rows', async () => {
      const store = await e.open('fresh');
      try {
        await fill(store, DOCS);
        await checkKept(store);
        await checkViews(store);
      } finally {
        await store.close();
      }
    });

    it('upgrades a store made by migrations 1-2 without losing data, then keeps counting', async () => {
      const old = await e.open('upgraded', 2);
      await fill(old, DOCS.slice(0, 20));
      const before = await old.counts();
      const hasCounts = old.kind === 'sqlite' ? `SELECT 1 FROM sqlite_master WHERE name = 'speaker_counts'` : `SELECT 1 WHERE to_regclass('speaker_counts') IS NOT NULL`;
      expect(await old.sql(hasCounts)).toEqual([]);
      await old.close();
      const store = await e.open('upgraded');
      try {
        expect(await store.counts()).toEqual(before);
        await checkKept(store);
        await fill(store, DOCS.slice(20));
        await checkKept(store);
        await checkViews(store);
        // The same answers as a store filled at the latest version.
        const fresh = await e.open('fresh');
        try {
          for (const [, kept] of KEPT) expect(canon(await store.sql(kept))).toEqual(canon(await fresh.sql(kept)));
          expect(await speakers(store)).toEqual(await speakers(fresh));
          expect(await framing(store)).toEqual(await framing(fresh));
          expect(await store.placeSummaries({ outlet: 'Outlet B' })).toEqual(await fresh.placeSummaries({ outlet: 'Outlet B' }));
        } finally {
          await fresh.close();
        }
      } finally {
        await store.close();
      }
    });
  });
}

countsSuite('SQLite', () => {
  const dir = `/tmp/dateline-counts-${process.pid}-${Date.now().toString(36)}`;
  return {
    open: async (name, upToVersion) => new SqliteStore(`${dir}/${name}.db`, upToVersion ? { upToVersion } : {}),
    destroy: async () => { (await import('node:fs')).rmSync(dir, { recursive: true, force: true }); },
  };
});

const pgDown = await postgresDown();
if (pgDown) {
  console.warn(`kept counts: PostgreSQL skipped: no server answers at ${PG_URL} (${pgDown}).`);
  describe.skip(`kept counts: PostgreSQL (no server at ${PG_URL})`, () => { it('needs a server', () => {}); });
} else {
  countsSuite('PostgreSQL', () => {
    const prefix = `dateline_counts_${process.pid}_${Date.now().toString(36)}`;
    const used = new Set<string>();
    return {
      open: (name, upToVersion) => {
        used.add(`${prefix}_${name}`);
        return PostgresStore.open(PG_URL, { schema: `${prefix}_${name}`, ...(upToVersion ? { upToVersion } : {}) });
      },
      destroy: async () => {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        for (const s of used) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
        await c.end();
      },
    };
  });
}
