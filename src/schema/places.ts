// Places: toponyms resolved to a point, a country and a feature kind.

import { z } from 'zod';
import { ProvenanceSchema } from './common.js';

export const PlaceSchema = z.object({
  id: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  name: z.string().describe('gazetteer name'),
  country: z.string().describe('ISO 3166-1 alpha-2'),
  lat: z.number(),
  lon: z.number(),
  kind: z.string().describe('country, region, city, neighbourhood, facility, ...'),
  geonameid: z.number().int().optional(),
  entity: z.string().optional().describe('id of the place entity'),
  provenance: ProvenanceSchema,
});

export type Place = z.infer<typeof PlaceSchema>;
