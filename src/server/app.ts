// The HTTP app: a JSON API over the library and the static web app, in one Hono instance.

import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { extract } from '../extract.js';
import { documentFromRecord } from '../ingest/index.js';
import { errorResponse, HttpError, problemError } from './errors.js';
import { ExtractRequestSchema } from './requests.js';
import { openApiDocument } from './openapi.js';
import type { Store } from '../store/index.js';
import type { ExtractPool } from '../queue/pool.js';
import type { Extraction } from '../schema/index.js';
import { mountCorpusRoutes } from './corpus-routes.js';

export interface AppOptions {
  /** Largest request body in bytes. */
  maxBodyBytes?: number;
  /** Bearer token required for writes; required whenever the server listens beyond localhost. */
  token?: string;
  /** Folder of the built web app (web/dist); omitted: API only. */
  webRoot?: string;
  /** A store to serve the corpus views from (speakers, claims, disagreements, framing, search, documents). */
  store?: Store;
  /** Threads to extract on; omitted: extraction runs on the server's own thread (one core, and it blocks other requests). */
  pool?: ExtractPool;
}

async function jsonBody(c: { req: { json: () => Promise<unknown> } }): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HttpError(400, 'E_BAD_JSON', 'the request body is not valid JSON');
  }
}

export function createApp(options: AppOptions = {}) {
  const app = new Hono();
  const maxBody = options.maxBodyBytes ?? 5 * 1024 * 1024;
  app.onError((e, c) => errorResponse(c, e));
  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: { code: 'E_NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` } }, 404) : c.text('not found', 404)));
  app.use('*', secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], objectSrc: ["'none'"], frameAncestors: ["'none'"] } }));
  app.use('/api/*', bodyLimit({ maxSize: maxBody, onError: (c) => c.json({ error: { code: 'E_TOO_LARGE', message: `the request body is larger than ${maxBody} bytes` } }, 413) }));

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  if (options.store) mountCorpusRoutes(app, options.store);

  const pool = options.pool;
  /**
   * Validates an article body and extracts it: on the pool's threads when the server has one (the record then
   * comes back as JSON text, sent as it is), else here. Both read the body as `dateline extract` reads a JSON record.
   */
  const extractBody = async (c: Context): Promise<Extraction | string> => {
    const parsed = ExtractRequestSchema.safeParse(await jsonBody(c));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new HttpError(400, 'E_BAD_REQUEST', issue.message, issue.path.join('.') || undefined);
    }
    const { tokens, published, ...record } = parsed.data;
    // A blank article fails at once, and as it does here (a JSON record drops blank fields first).
    if (pool && (record.text ?? record.html ?? '').trim()) {
      const bytes = Buffer.from(JSON.stringify(record));
      const r = await pool.run({ source: 'api', bytes }, { format: 'json', maxBytes: Math.max(maxBody, bytes.length), ...(published ? { published } : {}) }, { tokens: tokens ?? false });
      if (!r.ok) throw problemError(r.error);
      return r.json;
    }
    const doc = documentFromRecord(record, { source: 'api', ...(published ? { published, publishedSource: 'flag' as const } : {}) });
    return extract(doc, { tokens: tokens ?? false });
  };

  app.post('/api/extract', async (c) => {
    const x = await extractBody(c);
    return typeof x === 'string' ? c.body(x, 200, { 'content-type': 'application/json' }) : c.json(x);
  });

  const store = options.store;
  if (store) {
    // Ingest writes to the store, so it needs the token whenever the server was given one.
    app.post('/api/documents', async (c) => {
      if (options.token && c.req.header('authorization') !== `Bearer ${options.token}`) {
        throw new HttpError(401, 'E_UNAUTHORIZED', 'this route writes: send "Authorization: Bearer <token>" with the token the server was started with');
      }
      const body = await extractBody(c);
      const x = typeof body === 'string' ? (JSON.parse(body) as Extraction) : body;
      const outcome = await store.put(x);
      return c.json({ id: x.document.id, outcome }, outcome === 'inserted' ? 201 : 200);
    });
  }

  if (options.webRoot && existsSync(options.webRoot)) {
    // serveStatic resolves against the working directory.
    const root = relative(process.cwd(), options.webRoot) || '.';
    app.use('/*', serveStatic({ root }));
    app.get('/*', serveStatic({ root, path: 'index.html' }));
  }
  return app;
}
