// Events and framing: layers reserved in dateline/1 and filled by later stages.

import { z } from 'zod';
import { FRAMING_CATEGORIES } from './constants.js';
import { ProvenanceSchema } from './common.js';

export const EventSchema = z.object({
  id: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  type: z.string().describe('PLOVER-style event type (attack, ceasefire, protest, ...)'),
  trigger: z.string(),
  provenance: ProvenanceSchema,
});

export const FramingSchema = z.object({
  id: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  term: z.string(),
  category: z.enum(FRAMING_CATEGORIES),
  referent_type: z.string().describe('what kind of thing the term names: government, armed group, the dead, ...'),
  referent: z.string().optional().describe('who or what it names, from the lexicon or the words around it'),
  provenance: ProvenanceSchema,
});

export type Event = z.infer<typeof EventSchema>;
export type Framing = z.infer<typeof FramingSchema>;
