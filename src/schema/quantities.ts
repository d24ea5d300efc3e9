// Quantities: numbers a reader could check, with qualifier, what is counted and who claims it.

import { z } from 'zod';
import { ProvenanceSchema } from './common.js';

export const ApproxSchema = z.enum(['exact', 'at_least', 'more_than', 'at_most', 'less_than', 'about', 'range', 'order']);

export const QuantitySchema = z.object({
  id: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  value: z.number().nullable(),
  approx: ApproxSchema,
  low: z.number().optional(),
  high: z.number().optional(),
  unit: z.string().optional().describe('percent, USD, km, ...'),
  what: z.string().optional().describe('a short gloss of what is counted ("people killed")'),
  category: z.string().optional().describe('killed, injured, missing, arrested, displaced, weapons, money, percent, people, age, ...'),
  statement: z.string().optional().describe('id of the statement whose content holds this figure: its claimant'),
  provenance: ProvenanceSchema,
});

export type Quantity = z.infer<typeof QuantitySchema>;
