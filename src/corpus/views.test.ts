// The corpus views over a store filled with five invented reports of one ferry disaster (test/fixtures/multi-outlet).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extract } from '../extract.js';
import { documentFromRecord } from '../ingest/index.js';
import pg from 'pg';
import { openStore, PostgresStore, type Store } from '../store/index.js';
import { claims, disagreements, documents, exportLayer, exportRecords, framing, placesGeoJson, search, speakers } from './views.js';
import { TEST_PG_URL as PG_URL, postgresDown } from '../../test/support/postgres.js';

const reports = readFileSync(new URL('../../test/fixtures/multi-outlet/reports.jsonl', import.meta.url), 'utf8')
  .trim().split('\n').map((l) => extract(documentFromRecord(JSON.parse(l))));

/** Two mirrored sentences with loaded terms, so the framing view has rows from two outlets. */
const framed = [
  extract(documentFromRecord({ text: 'The Zionist regime bombed the camp, officials in Gaza said on Monday.', outlet: 'Outlet East', published: '2024-03-12' })),
  extract(documentFromRecord({ text: 'Hamas terrorists fired rockets at the town, officials in Israel said on Monday.', outlet: 'Outlet West', published: '2024-03-12' })),
];

/** One speaker under two transliterations, in two outlets. */
const spelled = [
  extract(documentFromRecord({ text: '"We will not retreat," Iranian President Ebrahim Raisi said on Tuesday.\n"Talks go on," Raisi added.', outlet: 'Outlet East', published: '2024-03-13' })),
  extract(documentFromRecord({ text: '"We will not retreat," Iranian President Ebrahim Raeisi said on Tuesday.', outlet: 'Outlet West', published: '2024-03-13' })),
];


const pairsOf = (ds: Awaited<ReturnType<typeof disagreements>>['disagreements']) =>
  ds.flatMap((d) => d.conflicts.map(([i, j]) => {
    const [a, b] = [d.claims[i]!, d.claims[j]!].sort((x, y) => (x.outlet ?? '').localeCompare(y.outlet ?? ''));
    return `${d.measure}: ${a.outlet} ${a.value} vs ${b.outlet} ${b.value}`;
  })).sort();

/** The views over one engine: the same answers from SQLite and PostgreSQL. */
function viewSuite(engine: string, open: () => Promise<Store>, destroy: () => Promise<void> = async () => {}) {
  describe(engine, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
      for (const x of [...reports, ...framed, ...spelled]) await store.put(x);
    });
    afterAll(async () => {
      await store?.close();
      await destroy();
    });

    describe('disagreements from a store', () => {
      it('lists the same conflicting pairs as the claims of the records themselves', async () => {
        const r = await disagreements(store);
        expect(pairsOf(r.disagreements)).toEqual([
          'injured: Island Daily 30 vs Ocean Times 60',
          'killed: Coast Wire 40 vs Mainland Herald 25',
          'killed: Island Daily 42 vs Mainland Herald 25',
        ]);
        expect(r.truncated).toBe(false);
      });

      it('keeps every side’s claimant, date and evidence sentence', async () => {
        const killed = (await disagreements(store, { measure: 'killed' })).disagreements[0]!;
        const herald = killed.claims.find((c) => c.outlet === 'Mainland Herald')!;
        expect(herald).toMatchObject({ claimant: 'The regional government', published: '2024-03-10', where: 'Zanzibar', value: 25, approx: 'exact' });
        expect(herald.evidence.sentence).toContain('The regional government said 25 people were killed');
      });
    });

    describe('claims', () => {
      it('filters by measure and place, with open upper bounds as null', async () => {
        const r = await claims(store, { measure: 'killed', where: 'zanzibar' });
        expect(r.claims.map((c) => `${c.outlet} ${c.approx} ${c.value}`).sort()).toEqual(['Coast Wire at_least 40', 'Harbour News exact 55', 'Island Daily exact 42', 'Mainland Herald exact 25']);
        expect(r.claims.find((c) => c.outlet === 'Coast Wire')!.high).toBeNull();
      });

      it('pages with limit and offset', async () => {
        const all = (await claims(store)).claims;
        const page = (await claims(store, { limit: 2, offset: 1 })).claims;
        expect(page).toEqual(all.slice(1, 3));
      });
    });

    describe('speakers', () => {
      it('counts statements per outlet and links a speaker’s spellings', async () => {
        const list = await speakers(store);
        expect(list.length).toBeGreaterThan(0);
        for (const s of list) expect(s.outlets.reduce((n, o) => n + o.statements, 0)).toBe(s.statements);
        expect(list.find((s) => s.name === 'Juma Hamad')).toMatchObject({ statements: 2, roles: ['police spokesman'], outlets: [{ outlet: 'Island Daily', statements: 2 }] });
        const raisi = list.find((s) => s.names.includes('Ebrahim Raisi'))!;
        expect(raisi.names).toContain('Ebrahim Raeisi');
        expect(raisi.outlets.map((o) => o.outlet).sort()).toEqual(['Outlet East', 'Outlet West']);
        expect(await speakers(store, { outlet: 'No Such Outlet' })).toEqual([]);
      });
    });

    describe('framing', () => {
      it('counts each outlet’s loaded terms by referent', async () => {
        const rows = await framing(store, { by: 'outlet' });
        const outlets = new Set(rows.map((r) => r.outlet));
        expect(outlets).toEqual(new Set(['Outlet East', 'Outlet West']));
        expect(rows.find((r) => r.outlet === 'Outlet East')).toMatchObject({ term: 'Zionist regime', category: 'delegitimizing', referent: 'Israel', uses: 1 });
        expect(rows.find((r) => r.outlet === 'Outlet West')).toMatchObject({ term: 'terrorist(s)', category: 'loaded_label', referent: 'Hamas', uses: 1 });
      });
    });

    describe('search and documents', () => {
      it('finds documents and statements by words, with outlet and speaker', async () => {
        const hits = await search(store, 'bodies recovered');
        expect(hits.length).toBeGreaterThan(0);
        expect(hits.find((h) => h.kind === 'statement')).toMatchObject({ outlet: 'Island Daily', speaker: 'Juma Hamad', published: '2024-03-10' });
        expect(new Set(hits.filter((h) => h.kind === 'document').map((h) => h.outlet))).toEqual(new Set(['Island Daily', 'Harbour News']));
        expect(await search(store, 'xylophone')).toEqual([]);
      });

      it('lists documents in pages', async () => {
        expect(await documents(store, { limit: 3 })).toHaveLength(3);
        expect(await documents(store, { limit: 50, offset: 7 })).toHaveLength(2);
      });
    });

    describe('export', () => {
      it('gives every stored record, every layer row and a GeoJSON point per place', async () => {
        const lines: string[] = [];
        for await (const l of exportRecords(store)) lines.push(l);
        expect(lines.map((l) => JSON.parse(l).document.id).sort()).toEqual([...reports, ...framed, ...spelled].map((x) => x.document.id).sort());
        const quantities: Record<string, unknown>[] = [];
        for await (const r of exportLayer(store, 'quantities')) quantities.push(r);
        expect(quantities.length).toBe([...reports, ...framed, ...spelled].reduce((n, x) => n + x.quantities.length, 0));
        const geo = await placesGeoJson(store);
        expect(geo.type).toBe('FeatureCollection');
        const zanzibar = geo.features.find((f) => f.properties.name === 'Zanzibar')!;
        expect(zanzibar.geometry.coordinates[1]).toBeCloseTo(-6.1, 0);
        expect(zanzibar.properties.outlets).toContain('Coast Wire');
      });
    });
  });
}

viewSuite('SQLite', () => openStore(':memory:'));

const schema = `dateline_views_${process.pid}_${Date.now().toString(36)}`;
const pgDown = await postgresDown();
if (pgDown) {
  console.warn(`corpus views: PostgreSQL skipped: no server answers at ${PG_URL} (${pgDown}).`);
  describe.skip(`corpus views on PostgreSQL (no server at ${PG_URL})`, () => { it('needs a server', () => {}); });
} else {
  viewSuite('PostgreSQL', () => PostgresStore.open(PG_URL, { schema }), async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });
}
