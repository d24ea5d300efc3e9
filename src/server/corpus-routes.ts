// HTTP routes for the corpus views of a store: GET /api/speakers, claims, disagreements, framing, search, documents,
// places, timeline. Thin shells over src/corpus/views.ts and the store's own views (places, timeline): validate the
// query string, call the view, return one page as JSON.

import { Hono } from 'hono';
import { z } from 'zod';
import type { Store, TimelineKind } from '../store/index.js';
import { COMPARABLE } from '../corpus/claims.js';
import { claims, disagreements, documents, framing, search, speakers } from '../corpus/views.js';
import { errorResponse, HttpError } from './errors.js';

/** The most rows one request returns; larger pages are refused, so a client learns the limit. */
export const API_MAX_LIMIT = 500;
const API_DEFAULT_LIMIT = 50;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A whole number in a query string ("50"), within bounds. */
const wholeNumber = (min: number, max: number) =>
  z.string().regex(/^\d+$/, 'expected a whole number').transform(Number).pipe(z.number().int().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`));

const date = z.string().regex(ISO_DATE, 'expected a date as YYYY-MM-DD');

const PageParams = {
  limit: wholeNumber(1, API_MAX_LIMIT).optional(),
  offset: wholeNumber(0, Number.MAX_SAFE_INTEGER).optional(),
};

const ScopeParams = {
  outlet: z.string().min(1).optional(),
  from: date.optional(),
  to: date.optional(),
};

export const ClaimParams = z.object({
  ...PageParams, ...ScopeParams,
  measure: z.enum([...COMPARABLE] as [string, ...string[]], { message: `expected one of ${[...COMPARABLE].join(', ')}` }).optional(),
  where: z.string().min(1).optional(),
  scan: wholeNumber(1, 100_000).optional(),
}).strict();

export const FramingParams = z.object({
  ...PageParams, ...ScopeParams,
  by: z.enum(['outlet', 'referent', 'term'], { message: 'expected outlet, referent or term' }).optional(),
  category: z.string().min(1).optional(),
}).strict();

export const SearchParams = z.object({
  ...PageParams,
  q: z.string({ message: 'give the words to search for as q' }).trim().min(1, 'give the words to search for as q'),
  in: z.enum(['documents', 'statements', 'all'], { message: 'expected documents, statements or all' }).optional(),
}).strict();

export const ListParams = z.object({ ...PageParams, ...ScopeParams }).strict();

const documentId = z.string().min(1).optional();
const country = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as TZ').optional();
/** A decimal number in a query string ("-6.16"), within bounds. */
const decimal = (min: number, max: number) =>
  z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number').transform(Number).pipe(z.number().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`));

export const PlaceParams = z.object({ ...PageParams, ...ScopeParams, document: documentId, country }).strict();

export const PlaceMentionParams = z.object({
  ...PageParams, ...ScopeParams, document: documentId, country,
  name: z.string({ message: 'give the place name as name' }).min(1, 'give the place name as name'),
  lat: decimal(-90, 90).optional(),
  lon: decimal(-180, 180).optional(),
}).strict();

const TIMELINE_KINDS = 'statement|time|quantity';
export const TimelineParams = z.object({
  ...PageParams, ...ScopeParams, document: documentId,
  speaker: z.string().trim().min(1).optional(),
  kinds: z.string().regex(new RegExp(`^(${TIMELINE_KINDS})(,(${TIMELINE_KINDS}))*$`), 'expected statement, time or quantity, comma-separated')
    .transform((k) => k.split(',') as TimelineKind[]).optional(),
}).strict();

/** The query string parsed by a schema, or a 400 naming the first bad field. */
function params<T extends z.ZodTypeAny>(schema: T, query: Record<string, string>): z.infer<T> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    throw new HttpError(400, 'E_BAD_QUERY', `unknown query parameter "${key}"`, key);
  }
  const field = issue.path.join('.') || undefined;
  throw new HttpError(400, 'E_BAD_QUERY', field ? `${field}: ${issue.message}` : issue.message, field);
}

/** Drops undefined values, so optional view parameters stay absent (exactOptionalPropertyTypes). */
const defined = <T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };

/** One page of a list: its items, where it starts, and the offset of the next page (null on the last). */
function page<T>(items: T[], q: { limit?: number; offset?: number }, extra: Record<string, unknown> = {}) {
  const limit = q.limit ?? API_DEFAULT_LIMIT, offset = q.offset ?? 0;
  return { items, limit, offset, next_offset: items.length === limit ? offset + limit : null, ...extra };
}

/** The corpus routes as a sub-app, paths relative to where it is mounted (`app.route('/api', corpusRoutes(store))`). */
export function corpusRoutes(store: Store): Hono {
  const api = new Hono();
  api.onError((e, c) => errorResponse(c, e));

  api.get('/speakers', async (c) => {
    const q = params(ListParams, c.req.query());
    return c.json(page(await speakers(store, defined({ ...q, limit: q.limit ?? API_DEFAULT_LIMIT })), q));
  });

  api.get('/claims', async (c) => {
    const q = params(ClaimParams, c.req.query());
    const r = await claims(store, defined({ ...q, limit: q.limit ?? API_DEFAULT_LIMIT }));
    return c.json(page(r.claims, q, { scanned: r.scanned, truncated: r.truncated }));
  });

  api.get('/disagreements', async (c) => {
    const q = params(ClaimParams, c.req.query());
    const r = await disagreements(store, defined({ ...q, limit: q.limit ?? API_DEFAULT_LIMIT }));
    return c.json(page(r.disagreements, q, { scanned: r.scanned, truncated: r.truncated }));
  });

  api.get('/framing', async (c) => {
    const q = params(FramingParams, c.req.query());
    return c.json(page(await framing(store, defined({ ...q, limit: q.limit ?? API_DEFAULT_LIMIT })), q));
  });

  api.get('/search', async (c) => {
    const q = params(SearchParams, c.req.query());
    const { q: text, ...rest } = q;
    return c.json(page(await search(store, text, defined({ ...rest, limit: q.limit ?? API_DEFAULT_LIMIT })), q));
  });

  api.get('/documents', async (c) => {
    const q = params(ListParams, c.req.query());
    return c.json(page(await documents(store, defined({ ...q, limit: q.limit ?? API_DEFAULT_LIMIT })), q));
  });

  // The map: places aggregated across documents, then one place's mentions as evidence.
  api.get('/places', async (c) => {
    const q = params(PlaceParams, c.req.query());
    return c.json(page(await store.placeSummaries(defined({ ...q, limit: q.limit ?? API_DEFAULT_LIMIT })), q));
  });

  api.get('/places/mentions', async (c) => {
    const q = params(PlaceMentionParams, c.req.query());
    return c.json(page(await store.placeMentions(defined({ ...q, limit: q.limit ?? API_DEFAULT_LIMIT })), q));
  });

  api.get('/timeline', async (c) => {
    const q = params(TimelineParams, c.req.query());
    return c.json(page(await store.timeline(defined({ ...q, limit: q.limit ?? API_DEFAULT_LIMIT })), q));
  });

  api.get('/documents/:id', async (c) => {
    const id = c.req.param('id');
    const x = await store.get(id);
    if (!x) throw new HttpError(404, 'E_NOT_FOUND', `no stored document with id "${id}"`, 'id');
    return c.json(x);
  });

  return api;
}

/** Mounts the corpus routes under /api on an app (createApp does this when given a store). */
export function mountCorpusRoutes<A extends Hono>(app: A, store: Store): A {
  app.route('/api', corpusRoutes(store));
  return app;
}
