// Request bodies the API accepts, validated with zod so errors can name the field.

import { z } from 'zod';

export const ExtractRequestSchema = z
  .object({
    text: z.string().min(1).optional().describe('plain text of the article'),
    html: z.string().min(1).optional().describe('an HTML page; boilerplate is stripped'),
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').optional(),
    url: z.string().optional(),
    outlet: z.string().optional(),
    title: z.string().optional(),
    tokens: z.boolean().optional().describe('include tokens with POS, lemma and dependency'),
  })
  .strict()
  .refine((b) => (b.text === undefined) !== (b.html === undefined), { message: 'give exactly one of "text" or "html"', path: ['text'] });

export type ExtractRequest = z.infer<typeof ExtractRequestSchema>;
