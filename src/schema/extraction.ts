// dateline/1: the one output schema. Every CLI, API and store record is validated against it.

import { z } from 'zod';
import { ProblemSchema, SpanSchema } from './common.js';
import { EntitySchema } from './entities.js';
import { StatementSchema } from './statements.js';
import { QuantitySchema } from './quantities.js';
import { TimeSchema } from './times.js';
import { PlaceSchema } from './places.js';
import { EventSchema, FramingSchema } from './events.js';

import { SCHEMA_VERSION } from './constants.js';

export { SCHEMA_VERSION };

export const DocumentSchema = z.object({
  id: z.string().describe('hash of the normalized text and source: stable across runs'),
  text: z.string().describe('the input exactly as read (UTF-8 decoded, BOM dropped); every offset indexes into it'),
  title: z.string().optional(),
  title_span: SpanSchema.optional(),
  outlet: z.string().optional(),
  url: z.string().optional(),
  byline: z.string().optional(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('publication date used to normalize times'),
  published_source: z.enum(['flag', 'record', 'html', 'header', 'dateline']).optional(),
  published_span: SpanSchema.optional(),
  dateline: z.object({ place: z.string(), place_span: SpanSchema, span: SpanSchema.optional() }).optional(),
  source: z.string().optional().describe('file path, "stdin" or record locator'),
  format: z.enum(['text', 'html', 'json', 'jsonl']).optional(),
});

export const TokenSchema = SpanSchema.extend({
  upos: z.string().optional(),
  xpos: z.string().optional(),
  lemma: z.string().optional(),
  head: z.number().int().optional().describe('document-wide index of the head token; -1 for a root'),
  deprel: z.string().optional(),
});

export const ExtractionSchema = z.object({
  schema: z.literal(SCHEMA_VERSION),
  generator: z.object({ name: z.literal('dateline'), version: z.string(), stages: z.array(z.string()) }),
  document: DocumentSchema,
  warnings: z.array(ProblemSchema),
  sentences: z.array(SpanSchema),
  tokens: z.array(TokenSchema).optional().describe('present with --tokens'),
  entities: z.array(EntitySchema),
  statements: z.array(StatementSchema),
  quantities: z.array(QuantitySchema),
  times: z.array(TimeSchema),
  places: z.array(PlaceSchema),
  events: z.array(EventSchema),
  framing: z.array(FramingSchema),
});

/** What a batch writes for an input it could not process: the run goes on. */
export const ErrorRecordSchema = z.object({
  schema: z.literal(SCHEMA_VERSION),
  error: ProblemSchema.extend({ input: z.string() }),
});

export type Extraction = z.infer<typeof ExtractionSchema>;
export type ErrorRecord = z.infer<typeof ErrorRecordSchema>;
export type DocumentRecord = z.infer<typeof DocumentSchema>;
