// Statements: who said what, with cue, content and resolved speaker.

import { z } from 'zod';
import { ProvenanceSchema, SpanSchema } from './common.js';

export const StatementSchema = z.object({
  id: z.string(),
  kind: z.enum(['direct', 'indirect', 'mixed']),
  content: SpanSchema.describe('the reported proposition; quotation marks included for direct speech'),
  cue: SpanSchema.extend({ lemma: z.string().describe('say, tell, note, according to, ...') }),
  speaker: z.object({
    name: z.string().describe('the resolved source, fullest name; never a pronoun'),
    entity: z.string().optional().describe('id of the speaker entity'),
    start: z.number().int().optional().describe('the mention of the speaker in this sentence, if any'),
    end: z.number().int().optional(),
  }),
  channel: SpanSchema.extend({ type: z.string() }).optional().describe('interview, tweet, statement, television, ...'),
  addressee: SpanSchema.extend({ name: z.string() }).optional().describe('"told Reuters" -> Reuters'),
  time: z.string().optional().describe('id of a times annotation for when it was said'),
  relay: z.string().optional().describe('id of the statement this one is reported through ("According to Reuters")'),
  confidence: z.number().min(0).max(1),
  provenance: ProvenanceSchema,
});

export type Statement = z.infer<typeof StatementSchema>;
