// The OpenAPI description of the HTTP API, with request and response bodies from the dateline/1 zod schema.

import { z } from 'zod';
import { ExtractionSchema } from '../schema/index.js';
import { ExtractRequestSchema } from './requests.js';
import { VERSION } from '../version.js';
import { ClaimParams, FramingParams, ListParams, PlaceMentionParams, PlaceParams, SearchParams, TimelineParams } from './corpus-routes.js';

/** Query parameters of a route, from the zod object that validates them. */
function queryParams(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, t]) => ({
    name, in: 'query', required: !(t as z.ZodType).safeParse(undefined).success,
    schema: z.toJSONSchema(t as z.ZodType, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' }),
  }));
}

const page = { '200': { description: 'a page: { items, limit, offset, next_offset }' } };

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) });

export function openApiDocument() {
  const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'openapi-3.0', unrepresentable: 'any' });
  const badQuery = { description: 'invalid query parameter (the body says which field)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  const pageOr400 = { ...page, '400': badQuery };
  const errors = Object.fromEntries(
    [['400', 'invalid input (the body says which field)'], ['401', 'a write without the server token'], ['413', 'body larger than the limit'], ['422', 'input with no readable text']].map(([k, d]) => [k, { description: d, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
  );
  return {
    openapi: '3.0.3',
    info: { title: 'dateline', version: VERSION, description: 'News reports as evidence-linked data: statements, quantities, times and places, each pointing at the characters it came from.' },
    paths: {
      '/api/health': { get: { summary: 'liveness', responses: { '200': { description: 'ok' } } } },
      '/api/documents': {
        get: { summary: 'stored documents, newest first (needs serve --db)', parameters: queryParams(ListParams), responses: page },
        post: {
          summary: 'extract an article and store it; idempotent (needs serve --db; a bearer token when the server has one)',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ExtractRequest' } } } },
          responses: { '201': { description: '{ id, outcome: "inserted" }' }, '200': { description: '{ id, outcome: "skipped" }: already stored' }, ...errors },
        },
      },
      '/api/documents/{id}': { get: { summary: 'one stored document with all its layers', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'the dateline/1 record' }, '404': { description: 'no such document' } } } },
      '/api/speakers': { get: { summary: 'speakers linked across documents, with statement counts per outlet', parameters: queryParams(ListParams), responses: page } },
      '/api/claims': { get: { summary: 'normalized quantity claims (measure, where, as of, value, claimant, outlet, evidence)', parameters: queryParams(ClaimParams), responses: page } },
      '/api/disagreements': { get: { summary: 'groups of claims whose values cannot all be true, with every side', parameters: queryParams(ClaimParams), responses: page } },
      '/api/framing': { get: { summary: 'loaded terms by outlet, referent or term', parameters: queryParams(FramingParams), responses: page } },
      '/api/places': { get: { summary: 'places aggregated across documents (name, country, lat/lon, kind, mentions, documents), most mentioned first', parameters: queryParams(PlaceParams), responses: pageOr400 } },
      '/api/places/mentions': { get: { summary: 'the mentions of one place, with document, evidence span and context', parameters: queryParams(PlaceMentionParams), responses: pageOr400 } },
      '/api/timeline': { get: { summary: 'dated statements (normalized time or publication date), time expressions and quantity claims (as of publication), oldest first; from/to filter the items\' times', parameters: queryParams(TimelineParams), responses: pageOr400 } },
      '/api/search': { get: { summary: 'full-text search over documents and statements', parameters: queryParams(SearchParams), responses: page } },
      '/api/extract': {
        post: {
          summary: 'extract every layer from one article without storing it',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ExtractRequest' } } } },
          responses: { '200': { description: 'the dateline/1 record', content: { 'application/json': { schema: { $ref: '#/components/schemas/Extraction' } } } }, ...errors },
        },
      },
    },
    components: { schemas: { Extraction: schema(ExtractionSchema), ExtractRequest: schema(ExtractRequestSchema), Error: schema(ErrorBody) } },
  };
}
