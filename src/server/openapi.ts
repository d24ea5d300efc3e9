// The OpenAPI description of the HTTP API, with request and response bodies from the dateline/1 zod schema.

import { z } from 'zod';
import { ExtractionSchema } from '../schema/index.js';
import { ExtractRequestSchema } from './requests.js';
import { VERSION } from '../version.js';

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) });

export function openApiDocument() {
  const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'openapi-3.0', unrepresentable: 'any' });
  const errors = Object.fromEntries(
    [['400', 'invalid input (the body says which field)'], ['401', 'a write without the server token'], ['413', 'body larger than the limit'], ['422', 'input with no readable text']].map(([k, d]) => [k, { description: d, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
  );
  return {
    openapi: '3.0.3',
    info: { title: 'dateline', version: VERSION, description: 'News reports as evidence-linked data: statements, quantities, times and places, each pointing at the characters it came from.' },
    paths: {
      '/api/health': { get: { summary: 'liveness', responses: { '200': { description: 'ok' } } } },
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
