// The corpus routes in process (Hono app.request) over a temporary SQLite store of five invented ferry reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from '../extract.js';
import { documentFromRecord } from '../ingest/index.js';
import { openStore, type Store } from '../store/index.js';
import { createApp } from './app.js';
import { API_MAX_LIMIT, mountCorpusRoutes } from './corpus-routes.js';

const reports = readFileSync(new URL('../../test/fixtures/multi-outlet/reports.jsonl', import.meta.url), 'utf8')
  .trim().split('\n').map((l) => extract(documentFromRecord(JSON.parse(l))));

let dir: string;
let store: Store;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dateline-routes-'));
  store = await openStore(join(dir, 'test.db'));
  for (const x of reports) await store.put(x);
  app = mountCorpusRoutes(createApp(), store);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string) => {
  const r = await app.request(path);
  return { status: r.status, body: (await r.json()) as any };
};

describe('GET /api/disagreements', () => {
  it('lists the conflicting pairs with every side’s evidence', async () => {
    const { status, body } = await get('/api/disagreements');
    expect(status).toBe(200);
    const pairs = body.items.flatMap((d: any) => d.conflicts.map(([i, j]: [number, number]) =>
      `${d.measure}: ${[d.claims[i], d.claims[j]].map((c: any) => `${c.outlet} ${c.value}`).sort().join(' vs ')}`)).sort();
    expect(pairs).toEqual(['injured: Island Daily 30 vs Ocean Times 60', 'killed: Coast Wire 40 vs Mainland Herald 25', 'killed: Island Daily 42 vs Mainland Herald 25']);
    for (const d of body.items) for (const c of d.claims) expect(c.evidence.sentence).toContain(c.evidence.text);
  });
});

describe('GET /api/claims', () => {
  it('filters by measure and place and pages', async () => {
    const all = await get('/api/claims?measure=killed&where=Zanzibar');
    expect(all.body.items).toHaveLength(4);
    expect(all.body).toMatchObject({ limit: 50, offset: 0, next_offset: null, truncated: false });
    const page = await get('/api/claims?measure=killed&where=Zanzibar&limit=2&offset=1');
    expect(page.body.items).toEqual(all.body.items.slice(1, 3));
    expect(page.body.next_offset).toBe(3);
  });

  it('refuses bad parameters with a 400 naming the field', async () => {
    expect(await get('/api/claims?measure=eaten')).toMatchObject({ status: 400, body: { error: { code: 'E_BAD_QUERY', field: 'measure' } } });
    expect(await get(`/api/claims?limit=${API_MAX_LIMIT + 1}`)).toMatchObject({ status: 400, body: { error: { code: 'E_BAD_QUERY', field: 'limit' } } });
    expect(await get('/api/claims?limit=ten')).toMatchObject({ status: 400, body: { error: { field: 'limit', message: 'limit: expected a whole number' } } });
    expect(await get('/api/claims?from=10/03/2024')).toMatchObject({ status: 400, body: { error: { field: 'from' } } });
    expect(await get('/api/claims?color=red')).toMatchObject({ status: 400, body: { error: { field: 'color', message: 'unknown query parameter "color"' } } });
  });
});

describe('GET /api/speakers, /api/framing, /api/search', () => {
  it('lists speakers with statements per outlet', async () => {
    const { status, body } = await get('/api/speakers?limit=3');
    expect(status).toBe(200);
    expect(body.items.length).toBeLessThanOrEqual(3);
    expect(body.items.find((s: any) => s.name === 'Juma Hamad')?.outlets).toEqual([{ outlet: 'Island Daily', statements: 2 }]);
  });

  it('answers framing by outlet (empty for these neutral reports) and checks by', async () => {
    expect(await get('/api/framing?by=outlet')).toMatchObject({ status: 200, body: { items: [] } });
    expect(await get('/api/framing?by=color')).toMatchObject({ status: 400, body: { error: { field: 'by' } } });
  });

  it('searches documents and statements, and needs q', async () => {
    const { body } = await get('/api/search?q=bodies%20recovered');
    expect(body.items.map((h: any) => h.outlet)).toContain('Harbour News');
    expect(await get('/api/search')).toMatchObject({ status: 400, body: { error: { field: 'q' } } });
  });
});

describe('GET /api/documents', () => {
  it('pages through documents and returns one as stored, or 404', async () => {
    const { body } = await get('/api/documents?limit=2&offset=4');
    expect(body.items).toHaveLength(1);
    expect(body.next_offset).toBeNull();
    const id = reports[0]!.document.id;
    const one = await get(`/api/documents/${id}`);
    expect(one.status).toBe(200);
    expect(one.body.document.text).toBe(reports[0]!.document.text);
    expect(await get('/api/documents/d_nothing')).toMatchObject({ status: 404, body: { error: { code: 'E_NOT_FOUND' } } });
  });
});

describe('GET /api/places and /api/places/mentions', () => {
  it('aggregates places across the reports, most mentioned first, with coordinates and counts', async () => {
    const { status, body } = await get('/api/places');
    expect(status).toBe(200);
    expect(body.items[0]).toMatchObject({ name: 'Zanzibar', country: 'TZ', kind: 'city', lat: -6.16, lon: 39.2, mentions: 9, documents: 5 });
    expect(body.items.map((p: any) => p.name)).toEqual(expect.arrayContaining(['Stone Town, Zanzibar', 'Dar es Salaam']));
    expect(body).toMatchObject({ limit: 50, offset: 0, next_offset: null });
    const herald = await get('/api/places?outlet=Mainland%20Herald');
    expect(herald.body.items.map((p: any) => [p.name, p.mentions])).toEqual([['Dar es Salaam', 1], ['Zanzibar', 1]]);
    const page = await get('/api/places?limit=1&offset=1');
    expect(page.body.items).toEqual(body.items.slice(1, 2));
    expect(page.body.next_offset).toBe(2);
  });

  it('lists one place’s mentions with the evidence span and context', async () => {
    const { status, body } = await get('/api/places/mentions?name=Stone%20Town%2C%20Zanzibar&country=TZ&lat=-6.16&lon=39.2');
    expect(status).toBe(200);
    expect(body.items.map((m: any) => m.outlet).sort()).toEqual(['Island Daily', 'Ocean Times']);
    for (const m of body.items) {
      const text = reports.find((x) => x.document.id === m.document)!.document.text;
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(text.slice(m.start - m.before.length, m.end + m.after.length)).toBe(m.before + m.text + m.after);
    }
  });

  it('refuses bad parameters with a 400 naming the field', async () => {
    expect(await get('/api/places/mentions')).toMatchObject({ status: 400, body: { error: { code: 'E_BAD_QUERY', field: 'name' } } });
    expect(await get('/api/places/mentions?name=Zanzibar&lat=north')).toMatchObject({ status: 400, body: { error: { field: 'lat', message: 'lat: expected a decimal number' } } });
    expect(await get('/api/places/mentions?name=Zanzibar&lon=200')).toMatchObject({ status: 400, body: { error: { field: 'lon' } } });
    expect(await get('/api/places?country=tanzania')).toMatchObject({ status: 400, body: { error: { field: 'country' } } });
    expect(await get('/api/places?zoom=3')).toMatchObject({ status: 400, body: { error: { field: 'zoom', message: 'unknown query parameter "zoom"' } } });
  });
});

describe('GET /api/timeline', () => {
  it('lists dated statements, times and quantity claims in time order', async () => {
    const { status, body } = await get('/api/timeline?limit=500');
    expect(status).toBe(200);
    const times = body.items.map((i: any) => i.time);
    expect(times).toEqual([...times].sort());
    expect(new Set(body.items.map((i: any) => i.kind))).toEqual(new Set(['statement', 'time', 'quantity']));
    // "on Saturday" in reports of 2024-03-10 is normalized to the day before.
    expect(body.items[0]).toMatchObject({ time: '2024-03-09', kind: 'time', text: 'on Saturday' });
    // Harbour News: "officials said on Monday" puts the statement at its normalized time.
    expect(body.items.find((i: any) => i.kind === 'statement' && i.outlet === 'Harbour News')).toMatchObject({ time: '2024-03-11', time_source: 'normalized' });
    for (const i of body.items) {
      const text = reports.find((x) => x.document.id === i.document)!.document.text;
      expect(text.slice(i.start, i.end)).toBe(i.text);
    }
  });

  it('filters by time range, speaker, outlet and kind, and pages', async () => {
    const day = await get('/api/timeline?from=2024-03-11&to=2024-03-11');
    expect(day.body.items.length).toBeGreaterThan(0);
    for (const i of day.body.items) expect(i.time.startsWith('2024-03-11')).toBe(true);
    const juma = await get('/api/timeline?speaker=juma%20hamad');
    expect(juma.body.items.length).toBeGreaterThan(0);
    for (const i of juma.body.items) expect(i.speaker).toBe('Juma Hamad');
    const figures = await get('/api/timeline?kinds=quantity&outlet=Coast%20Wire');
    expect(figures.body.items.map((i: any) => [i.kind, i.detail, i.value])).toContainEqual(['quantity', 'killed', 40]);
    const all = await get('/api/timeline?limit=500');
    const page = await get('/api/timeline?limit=3&offset=2');
    expect(page.body.items).toEqual(all.body.items.slice(2, 5));
    expect(page.body.next_offset).toBe(5);
  });

  it('refuses bad parameters with a 400 naming the field', async () => {
    expect(await get('/api/timeline?kinds=rumour')).toMatchObject({ status: 400, body: { error: { code: 'E_BAD_QUERY', field: 'kinds' } } });
    expect(await get('/api/timeline?to=March')).toMatchObject({ status: 400, body: { error: { field: 'to' } } });
    expect(await get('/api/timeline?limit=0')).toMatchObject({ status: 400, body: { error: { field: 'limit' } } });
  });
});

describe('GET /api/openapi.json', () => {
  it('describes the map and timeline routes with their parameters', async () => {
    const { body } = await get('/api/openapi.json');
    for (const path of ['/api/places', '/api/places/mentions', '/api/timeline']) expect(body.paths[path].get.parameters.length).toBeGreaterThan(0);
    expect(body.paths['/api/timeline'].get.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['from', 'to', 'outlet', 'speaker', 'kinds', 'limit', 'offset']));
  });
});
