// The HTTP API, tested in process (no port).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createApp } from '../src/server/app.js';
import { ExtractionSchema } from '../src/schema/index.js';

const app = createApp({ maxBodyBytes: 200_000 });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('HTTP API', () => {
  it('extracts an article without storing it, returning a valid dateline/1 record', async () => {
    const text = readFileSync(new URL('./fixtures/wikinews/GUM_news_asylum.txt', import.meta.url), 'utf8');
    const res = await post('/api/extract', { text, outlet: 'Wikinews' });
    expect(res.status).toBe(200);
    const x = ExtractionSchema.parse(await res.json());
    expect(x.document.text).toBe(text);
    expect(x.document.outlet).toBe('Wikinews');
    expect(x.document.published).toBe('2015-05-18');
  });

  it('reads HTML bodies and the published field', async () => {
    const res = await post('/api/extract', { html: '<html><body><p>Officials said 3 people died.</p></body></html>', published: '2020-02-02' });
    expect(res.status).toBe(200);
    const x = await res.json();
    expect(x.document).toMatchObject({ text: 'Officials said 3 people died.', published: '2020-02-02', format: 'html' });
  });

  it('answers bad input with a code, a message and the field', async () => {
    const bad = await post('/api/extract', { text: 'x', published: '26/05/2021' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'E_BAD_REQUEST', field: 'published' });
    const both = await post('/api/extract', { text: 'a', html: '<p>b</p>' });
    expect((await both.json()).error.code).toBe('E_BAD_REQUEST');
    const extra = await post('/api/extract', { text: 'a', colour: 'red' });
    expect(extra.status).toBe(400);
    const notJson = await post('/api/extract', '{"text": ');
    expect((await notJson.json()).error.code).toBe('E_BAD_JSON');
    const blank = await post('/api/extract', { text: '   ' });
    expect(blank.status).toBe(422);
    expect((await blank.json()).error.code).toBe('E_EMPTY');
  });

  it('refuses bodies over the size limit with 413', async () => {
    const res = await post('/api/extract', { text: 'word '.repeat(100_000) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('E_TOO_LARGE');
  });

  it('describes itself in OpenAPI and answers unknown routes with a JSON 404', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/extract'].post.requestBody).toBeDefined();
    expect(doc.components.schemas.Extraction.properties.statements).toBeDefined();
    const missing = await app.request('/api/nothing');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('E_NOT_FOUND');
  });

  it('sends no CORS headers and a strict content security policy', async () => {
    const res = await app.request('/api/health', { headers: { origin: 'https://elsewhere.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });
});

describe('HTTP API with a store', () => {
  it('ingests only with the token, then serves the stored document and the corpus views', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openStore } = await import('../src/store/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'dateline-api-'));
    const store = await openStore(join(dir, 'api.db'));
    try {
      const app = createApp({ store, token: 'secret' });
      const body = JSON.stringify({ text: 'Police said 12 people were killed in Kano on Monday.', published: '2024-03-11', outlet: 'Example' });
      const headers = { 'content-type': 'application/json' };
      const denied = await app.request('/api/documents', { method: 'POST', headers, body });
      expect(denied.status).toBe(401);
      expect((await denied.json()).error.code).toBe('E_UNAUTHORIZED');
      const ok = await app.request('/api/documents', { method: 'POST', headers: { ...headers, authorization: 'Bearer secret' }, body });
      expect(ok.status).toBe(201);
      const { id, outcome } = await ok.json();
      expect(outcome).toBe('inserted');
      const again = await app.request('/api/documents', { method: 'POST', headers: { ...headers, authorization: 'Bearer secret' }, body });
      expect((await again.json()).outcome).toBe('skipped');
      const doc = await app.request(`/api/documents/${id}`);
      expect(doc.status).toBe(200);
      const claims = await (await app.request('/api/claims?measure=killed')).json();
      expect(claims.items.map((c: { value: number }) => c.value)).toEqual([12]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// `dateline serve` extracts on a thread pool (the built threads: npm test builds first). The pool must answer
// exactly as the server thread does: same records, same errors, and requests in flight together stay apart.
describe('HTTP API extracting on threads', () => {
  it('gives the in-process answers, for concurrent requests too', async () => {
    const { existsSync } = await import('node:fs');
    const built = new URL('../dist/server/app.js', import.meta.url);
    if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before this suite');
    const { createApp: createBuiltApp } = await import(built.href);
    const { ExtractPool } = await import(new URL('../dist/queue/pool.js', import.meta.url).href);
    const pool = new ExtractPool(2);
    try {
      await pool.ready();
      const threaded = createBuiltApp({ maxBodyBytes: 200_000, pool });
      const local = createBuiltApp({ maxBodyBytes: 200_000 });
      const ask = (a: typeof app, body: unknown) =>
        a.request('/api/extract', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const dir = new URL('./fixtures/wikinews/', import.meta.url);
      const { readdirSync } = await import('node:fs');
      const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).slice(0, 4).map((f) => readFileSync(new URL(f, dir), 'utf8'));
      const bodies: unknown[] = [
        ...texts.map((text, i) => ({ text, outlet: 'Wikinews', ...(i === 0 ? { tokens: true } : {}), ...(i === 1 ? { published: '2020-02-02' } : {}) })),
        { html: '<html><head><title>T</title></head><body><p>Officials said 3 people died in Gaza on Friday.</p></body></html>', published: '2020-02-02' },
        { text: '   ' },
        { text: 'Police said 12 people were hurt.', published: '2021-02-30' },
      ];
      // All at once on the pool: two threads, seven documents.
      const answers = await Promise.all(bodies.map((b) => ask(threaded, b)));
      for (const [i, b] of bodies.entries()) {
        const mine = answers[i]!, ref = await ask(local, b);
        expect(mine.status, JSON.stringify(b).slice(0, 60)).toBe(ref.status);
        expect(mine.headers.get('content-type')).toMatch(/^application\/json/);
        expect(await mine.json()).toEqual(await ref.json());
      }
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 422, 400]);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
