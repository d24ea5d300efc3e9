// Times: expressions normalized to ISO 8601 against the publication date.

import { z } from 'zod';
import { ProvenanceSchema } from './common.js';

export const TimeSchema = z.object({
  id: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  value: z.string().describe('ISO 8601: 2021, 2021-05, 2021-05-24, 2021-W20, 2021-05-21T02:00, 2021-05-20T23:00Z, P12D'),
  type: z.enum(['date', 'datetime', 'instant', 'duration', 'interval', 'set']),
  certain: z.array(z.string()).optional().describe('components stated in the text (year, month, day, hour, ...); the rest are implied'),
  provenance: ProvenanceSchema,
});

export type Time = z.infer<typeof TimeSchema>;
