// Shapes shared by every layer of the dateline/1 schema.

import { z } from 'zod';

export const SpanSchema = z.object({
  start: z.number().int().nonnegative().describe('JS string index into document.text (UTF-16 code units)'),
  end: z.number().int().nonnegative().describe('end exclusive'),
});

export const ProvenanceSchema = z.object({
  stage: z.string().describe('versioned stage name, e.g. times.v1'),
  rule: z.string().optional().describe('the rule, pattern or model feature that fired'),
  confidence: z.number().min(0).max(1).optional(),
});

export const ProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  span: SpanSchema.optional(),
  input: z.string().optional(),
});
